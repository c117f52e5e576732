// After-action reviews of misconduct: what happened, what contributed, what worked, the lessons
// (searchable across missions, so that one mission learns from another) and follow-up actions.

export const contributingFactorKinds = [
  "command_and_control",
  "training",
  "welfare_and_recreation",
  "proximity_to_communities",
  "off_limits_areas",
  "curfew",
  "alcohol",
  "local_hiring",
  "reporting_channels",
  "other",
] as const;
export type ContributingFactorKind = (typeof contributingFactorKinds)[number];
