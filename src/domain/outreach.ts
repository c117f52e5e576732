// Community outreach (who was reached, on what, in which language) and the community-based complaint
// mechanism (CBCM) networks through which people report misconduct where they live.

export const outreachTopics = [
  "sea_prohibition",
  "how_to_report",
  "victim_assistance",
  "paternity_claims",
  "code_of_conduct",
  "other",
] as const;
export const outreachMaterials = ["leaflets", "posters", "radio", "theatre", "video", "meeting", "other"] as const;
export const audienceGroups = ["women", "men", "girls", "boys"] as const;
export type AudienceGroup = (typeof audienceGroups)[number];

export const complaintChannels = ["in_person", "phone", "sms", "complaint_box", "messaging_app", "letter"] as const;
export const memberKinds = ["focal_point", "organisation"] as const;

export type Audience = Record<AudienceGroup, number>;

export interface OutreachFacts {
  heldOn: string;
  audience: Audience;
  topics: string[];
}

/** People reached per group and in all, activities held, and how often each topic came up. */
export function outreachTotals(activities: OutreachFacts[]) {
  const reached = Object.fromEntries(
    audienceGroups.map((group) => [group, activities.reduce((sum, a) => sum + a.audience[group], 0)]),
  ) as Audience;
  const topics = Object.fromEntries(
    outreachTopics.map((topic) => [topic, activities.filter((a) => a.topics.includes(topic)).length]),
  );
  return {
    activities: activities.length,
    reached,
    people: audienceGroups.reduce((sum, group) => sum + reached[group], 0),
    topics,
  };
}
