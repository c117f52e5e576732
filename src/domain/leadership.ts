// Leadership commitments: each year the mission's leaders commit to an action plan on SEA, certified
// by the head of mission; an item past its due date and neither done nor dropped is late.

export const leaderPosts = ["head_of_mission", "force_commander", "police_commissioner"] as const;
export type LeaderPost = (typeof leaderPosts)[number];

export const commitmentStatuses = ["planned", "in_progress", "done", "dropped"] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** Whether a status closes the item: done or dropped items are never late. */
export const commitmentClosed = (status: CommitmentStatus) => status === "done" || status === "dropped";

export const commitmentLate = (item: { status: CommitmentStatus; dueOn: string }, today: string) =>
  !commitmentClosed(item.status) && item.dueOn < today;
