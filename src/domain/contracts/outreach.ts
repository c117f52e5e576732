// Contracts of outreach activities and community-based complaint networks, shared by the routes,
// the OpenAPI document and the web app.
import { z } from "zod";
import { missionCodeField } from "./fields.js";
import { complaintChannels, memberKinds, outreachMaterials, outreachTopics } from "../outreach.js";

const missionCode = missionCodeField;
const people = z.number().int().min(0).max(100_000).default(0);
const languages = z.array(z.string().trim().min(2).max(40)).min(1).max(12);
const distinct = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .array(z.enum(values))
    .min(1)
    .max(values.length)
    .transform((items) => [...new Set(items)]);

export const outreachOverviewSchema = z.object({
  missionCode: z.string(),
  totals: z.object({
    activities: z.number(),
    reached: z.record(z.string(), z.number()),
    people: z.number(),
    topics: z.record(z.string(), z.number()),
  }),
  activities: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      place: z.string(),
      community: z.string(),
      audience: z.record(z.string(), z.number()),
      language: z.string(),
      topics: z.array(z.string()),
      materials: z.array(z.string()),
      networkId: z.string().nullable(),
    }),
  ),
  can: z.object({ record: z.boolean() }),
});
export type OutreachOverview = z.infer<typeof outreachOverviewSchema>;

export const outreachOverviewQuery = z.strictObject({ since: z.iso.date().optional() });

export const recordActivityBody = z.strictObject({
  missionCode,
  heldOn: z.iso.date(),
  place: z.string().trim().min(2).max(200),
  community: z.string().trim().min(2).max(200),
  women: people,
  men: people,
  girls: people,
  boys: people,
  language: z.string().trim().min(2).max(40),
  topics: distinct(outreachTopics),
  materials: distinct(outreachMaterials),
  networkId: z.uuid().nullable().default(null),
});

export const networksOfSchema = z.object({
  missionCode: z.string(),
  networks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      area: z.string(),
      languages: z.array(z.string()),
      channels: z.array(z.string()),
      members: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          name: z.string(),
          location: z.string(),
          languages: z.array(z.string()),
          hasAccount: z.boolean(),
          reportsSubmitted: z.number().nullable(),
        }),
      ),
    }),
  ),
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
  can: z.object({ manage: z.boolean() }),
});
export type NetworksOf = z.infer<typeof networksOfSchema>;

export const addNetworkBody = z.strictObject({
  missionCode,
  name: z.string().trim().min(2).max(200),
  area: z.string().trim().min(2).max(200),
  languages,
  channels: distinct(complaintChannels),
});

export const addMemberBody = z.strictObject({
  kind: z.enum(memberKinds),
  name: z.string().trim().min(2).max(200),
  location: z.string().trim().min(2).max(200),
  languages,
  userId: z.string().min(1).max(100).nullable().default(null),
});
