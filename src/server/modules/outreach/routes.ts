// HTTP for community outreach and the complaint networks (CBCM) of a mission.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { complaintChannels, memberKinds, outreachMaterials, outreachTopics } from "../../../domain/outreach.js";
import { staffOf } from "../../auth/actor.js";
import { addMember, addNetwork, networksOf, outreachOverview, recordActivity } from "./service.js";

const tags = ["prevention"];
const missionCode = z.string().regex(/^[A-Z0-9-]{2,20}$/);
const people = z.number().int().min(0).max(100_000).default(0);
const languages = z.array(z.string().trim().min(2).max(40)).min(1).max(12);
const distinct = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .array(z.enum(values))
    .min(1)
    .max(values.length)
    .transform((items) => [...new Set(items)]);

export function registerOutreachRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/outreach/:missionCode",
    {
      schema: {
        tags,
        summary: "A mission's outreach activities, with the people reached by group and the topics covered",
        params: z.strictObject({ missionCode }),
        querystring: z.strictObject({ since: z.iso.date().optional() }),
        response: {
          200: z.object({
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
          }),
        },
      },
    },
    async (request) => outreachOverview(services, staffOf(request), request.params.missionCode, request.query.since),
  );

  typed.post(
    "/api/outreach",
    {
      schema: {
        tags,
        summary: "Record an outreach activity: place, community, people reached by group, language, topics, materials",
        body: z.strictObject({
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
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await recordActivity(services, staffOf(request), request.body)),
  );

  typed.get(
    "/api/cbcm-networks/:missionCode",
    {
      schema: {
        tags,
        summary: "A mission's complaint networks, their members and the reports each member with an account submitted",
        params: z.strictObject({ missionCode }),
        response: {
          200: z.object({
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
          }),
        },
      },
    },
    async (request) => networksOf(services, staffOf(request), request.params.missionCode),
  );

  typed.post(
    "/api/cbcm-networks",
    {
      schema: {
        tags,
        summary: "Record a community-based complaint network: its area, languages and channels",
        body: z.strictObject({
          missionCode,
          name: z.string().trim().min(2).max(200),
          area: z.string().trim().min(2).max(200),
          languages,
          channels: distinct(complaintChannels),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await addNetwork(services, staffOf(request), request.body)),
  );

  typed.post(
    "/api/cbcm-networks/:id/members",
    {
      schema: {
        tags,
        summary: "Add a focal point or organisation to a network, linked to its account when it has one",
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          kind: z.enum(memberKinds),
          name: z.string().trim().min(2).max(200),
          location: z.string().trim().min(2).max(200),
          languages,
          userId: z.string().min(1).max(100).nullable().default(null),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(services, staffOf(request), request.params.id, request.body)),
  );
}
