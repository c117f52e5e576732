// HTTP for reference data.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffOf } from "../../app.js";
import { createMission, listAllegationTypes, listCountries, listMisconductTypes, listMissions, listPersonnelCategories, updateMission } from "./service.js";

const mission = z.object({
  code: z.string(),
  name: z.string(),
  nameFr: z.string().nullable(),
  kind: z.string(),
  hostCountryCode: z.string().nullable(),
  location: z.string().nullable(),
  startYear: z.number(),
  endYear: z.number().nullable(),
  current: z.boolean(),
  version: z.number(),
  can: z.object({ edit: z.boolean() }),
});

const missionFields = {
  name: z.string().trim().min(3).max(200),
  nameFr: z.string().trim().max(200).nullable(),
  kind: z.enum(["peacekeeping_operation", "special_political_mission", "other_entity"]),
  hostCountryCode: z.string().regex(/^[A-Z]{3}$/).nullable(),
  location: z.string().trim().max(200).nullable(),
  startYear: z.number().int().min(1945).max(2100),
  endYear: z.number().int().min(1945).max(2100).nullable(),
};

export function registerReferenceRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const list = <T extends z.ZodType>(item: T) => ({ 200: z.object({ items: z.array(item) }) });

  typed.get("/api/reference/missions", {
    schema: { tags: ["reference"], summary: "Peace operations and special political missions, current first", response: list(mission) },
  }, async (request) => ({ items: await listMissions(services, staffOf(request)) }));

  typed.post("/api/reference/missions", {
    schema: {
      tags: ["reference"],
      summary: "Add a mission (administrators)",
      body: z.strictObject({ code: z.string().regex(/^[A-Z0-9-]{2,20}$/, "use capital letters, digits and dashes"), ...missionFields }),
      response: { 201: mission },
    },
  }, async (request, reply) => reply.status(201).send(await createMission(services, staffOf(request), request.body)));

  typed.patch("/api/reference/missions/:code", {
    schema: {
      tags: ["reference"],
      summary: "Change a mission (administrators; optimistic concurrency on version)",
      params: z.strictObject({ code: z.string().max(20) }),
      body: z.strictObject({
        name: missionFields.name.optional(),
        nameFr: missionFields.nameFr.optional(),
        kind: missionFields.kind.optional(),
        hostCountryCode: missionFields.hostCountryCode.optional(),
        location: missionFields.location.optional(),
        startYear: missionFields.startYear.optional(),
        endYear: missionFields.endYear.optional(),
        version: z.number().int().positive(),
      }),
      response: { 200: mission },
    },
  }, async (request) => updateMission(services, staffOf(request), request.params.code, request.body));

  typed.get("/api/reference/countries", {
    schema: {
      tags: ["reference"],
      summary: "Countries (ISO 3166 alpha-3) with names in the six UN languages",
      response: list(z.object({ code: z.string(), alpha2: z.string(), names: z.record(z.string(), z.string()) })),
    },
  }, async (request) => ({ items: await listCountries(services, staffOf(request)) }));

  typed.get("/api/reference/personnel-categories", {
    schema: {
      tags: ["reference"],
      summary: "Categories of personnel; uniformed ones carry a nationality in statistics",
      response: list(z.object({ code: z.string(), label: z.string(), uniformed: z.boolean(), sortOrder: z.number() })),
    },
  }, async (request) => ({ items: await listPersonnelCategories(services, staffOf(request)) }));

  typed.get("/api/reference/allegation-types", {
    schema: {
      tags: ["reference"],
      summary: "Sexual exploitation (SE) and sexual abuse (SA) allegation types",
      response: list(z.object({ code: z.string(), kind: z.string(), label: z.string(), sortOrder: z.number() })),
    },
  }, async (request) => ({ items: await listAllegationTypes(services, staffOf(request)) }));

  typed.get("/api/reference/misconduct-types", {
    schema: {
      tags: ["reference"],
      summary: "The misconduct taxonomy: level (serious misconduct or misconduct), thematic area, type",
      response: list(z.object({ code: z.string(), level: z.string(), thematicArea: z.string(), label: z.string(), sortOrder: z.number() })),
    },
  }, async (request) => ({ items: await listMisconductTypes(services, staffOf(request)) }));
}
