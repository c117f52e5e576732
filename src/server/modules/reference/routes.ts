// HTTP for reference data.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  allegationTypeListSchema,
  countryListSchema,
  createMissionBody,
  createUnEntityBody,
  listUnEntitiesSchema,
  misconductTypeListSchema,
  missionListSchema,
  missionSchema,
  personnelCategoryListSchema,
  unEntitySchema,
  updateMissionBody,
} from "../../../domain/contracts/reference.js";
import { staffOf } from "../../auth/actor.js";
import {
  createEntity,
  createMission,
  listAllegationTypes,
  listEntities,
  listCountries,
  listMisconductTypes,
  listMissions,
  listPersonnelCategories,
  updateMission,
} from "./service.js";

export function registerReferenceRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/reference/missions",
    {
      schema: {
        tags: ["reference"],
        summary: "Peace operations and special political missions, current first",
        response: { 200: missionListSchema },
      },
    },
    async (request) => ({ items: await listMissions(services, staffOf(request)) }),
  );

  typed.post(
    "/api/reference/missions",
    {
      schema: {
        tags: ["reference"],
        summary: "Add a mission (administrators)",
        body: createMissionBody,
        response: { 201: missionSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createMission(services, staffOf(request), request.body)),
  );

  typed.get(
    "/api/reference/entities",
    {
      schema: {
        tags: ["reference"],
        summary:
          "The UN system's entities (departments, funds, programmes, agencies, partners, forces) and their units",
        response: { 200: listUnEntitiesSchema },
      },
    },
    async (request) => ({ items: await listEntities(services, staffOf(request)) }),
  );

  typed.post(
    "/api/reference/entities",
    {
      schema: {
        tags: ["reference"],
        summary:
          "Add an entity: an implementing partner of a UN entity, a non-UN force, another UN entity (administrators)",
        body: createUnEntityBody,
        response: { 201: unEntitySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createEntity(services, staffOf(request), request.body)),
  );

  typed.patch(
    "/api/reference/missions/:code",
    {
      schema: {
        tags: ["reference"],
        summary: "Change a mission (administrators; optimistic concurrency on version)",
        params: z.strictObject({ code: z.string().max(20) }),
        body: updateMissionBody,
        response: { 200: missionSchema },
      },
    },
    async (request) => updateMission(services, staffOf(request), request.params.code, request.body),
  );

  typed.get(
    "/api/reference/countries",
    {
      schema: {
        tags: ["reference"],
        summary: "Countries (ISO 3166 alpha-3) with names in the six UN languages",
        response: { 200: countryListSchema },
      },
    },
    async (request) => ({ items: await listCountries(services, staffOf(request)) }),
  );

  typed.get(
    "/api/reference/personnel-categories",
    {
      schema: {
        tags: ["reference"],
        summary: "Categories of personnel; uniformed ones carry a nationality in statistics",
        response: { 200: personnelCategoryListSchema },
      },
    },
    async (request) => ({ items: await listPersonnelCategories(services, staffOf(request)) }),
  );

  typed.get(
    "/api/reference/allegation-types",
    {
      schema: {
        tags: ["reference"],
        summary: "Sexual exploitation (SE) and sexual abuse (SA) allegation types",
        response: { 200: allegationTypeListSchema },
      },
    },
    async (request) => ({ items: await listAllegationTypes(services, staffOf(request)) }),
  );

  typed.get(
    "/api/reference/misconduct-types",
    {
      schema: {
        tags: ["reference"],
        summary: "The misconduct taxonomy: level (serious misconduct or misconduct), thematic area, type",
        response: { 200: misconductTypeListSchema },
      },
    },
    async (request) => ({ items: await listMisconductTypes(services, staffOf(request)) }),
  );
}
