// HTTP for reading cases (the enforcement area adds intake, workflow and writes).
import { revealPendingSchema } from "../../../domain/contracts/reveals.js";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffOf } from "../../auth/actor.js";
import { caseFilterSchema, caseUpdateBody } from "../../../domain/contracts/cases.js";
import { exportCases } from "./export.js";
import { addPerpetrator, revealPerpetratorIdentity } from "./perpetrators.js";
import { caseTimeline, listCases, readCase, readFigures, transitionCase, updateCase } from "./service.js";
import { figuresQuery, figuresSchema } from "../../../domain/contracts/figures.js";
import {
  addNote,
  deleteSavedFilter,
  listAssignees,
  listNotes,
  listSavedFilters,
  saveFilter,
  setAssignments,
} from "./work.js";
import { transferCase } from "./transfer.js";
import { endCaseShare, listCaseShares, shareCase } from "./shares.js";
import { reasonedSharesSchema, shareWithReasonBody, unitShareParams } from "../../../domain/contracts/fields.js";

import {
  addNoteBody,
  addPerpetratorBody,
  caseSummarySchema,
  caseTimelineSchema,
  deleteSavedFilterSchema,
  listAssigneesSchema,
  transferCaseBody,
  transferCaseSchema,
  listCasesSchema,
  listNotesSchema,
  listSavedFiltersSchema,
  caseSchema,
  revealPerpetratorIdentityBody,
  revealPerpetratorIdentitySchema,
  saveFilterBody,
  saveFilterSchema,
  setAssignmentsBody,
  setAssignmentsSchema,
  transitionCaseBody,
} from "../../../domain/contracts/cases.js";
import { perpetratorSchema } from "../../../domain/contracts/enforcement.js";
import { createdSchema } from "../../../domain/contracts/fields.js";

export function registerCaseRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/cases",
    {
      schema: {
        tags: ["cases"],
        summary: "Cases within the caller's scope: filters, full-text search (English and French), sorting, pages",
        querystring: caseFilterSchema.extend({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: listCasesSchema,
        },
      },
    },
    async (request) => listCases(services, staffOf(request), request.query),
  );

  typed.get(
    "/api/cases/export",
    {
      schema: {
        tags: ["cases"],
        summary: "The filtered case list as CSV or XLSX, within the caller's scope (data fields only); audited",
        querystring: caseFilterSchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportCases(services, staffOf(request), filter, format);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="cases-${stamp}.${format}"`)
        .send(file.body);
    },
  );

  typed.patch(
    "/api/cases/:id",
    {
      schema: {
        tags: ["cases"],
        summary: "Complete or correct the case's data; 409 with the current case when the version is stale",
        params: z.strictObject({ id: z.uuid() }),
        body: caseUpdateBody,
        response: { 200: caseSchema },
      },
    },
    async (request) => updateCase(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/cases/:id/transfer",
    {
      schema: {
        tags: ["cases"],
        summary: "Headquarters sends the case, with its reports, to the unit that should work on it",
        params: z.strictObject({ id: z.uuid() }),
        body: transferCaseBody,
        response: { 200: transferCaseSchema },
      },
    },
    async (request) => transferCase(services, staffOf(request), request.params.id, request.body),
  );

  typed.get(
    "/api/cases/:id/shares",
    {
      schema: {
        tags: ["cases"],
        summary: "The units of other entities the case is or was shared with, and why",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: reasonedSharesSchema },
      },
    },
    async (request) => listCaseShares(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/cases/:id/shares",
    {
      schema: {
        tags: ["cases"],
        summary: "Share the case with a unit of another entity, saying why: its staff read it and add notes; audited",
        params: z.strictObject({ id: z.uuid() }),
        body: shareWithReasonBody,
        response: { 201: reasonedSharesSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await shareCase(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/cases/:id/shares/:shareId/end",
    {
      schema: {
        tags: ["cases"],
        summary: "End a share: the other entity's unit no longer reads the case; audited",
        params: unitShareParams,
        response: { 200: reasonedSharesSchema },
      },
    },
    async (request) => endCaseShare(services, staffOf(request), request.params.id, request.params.shareId),
  );

  typed.get(
    "/api/cases/:id/assignments",
    {
      schema: {
        tags: ["cases"],
        summary: "Who may be assigned to the case, and who is",
        params: z.strictObject({ id: z.uuid() }),
        response: {
          200: listAssigneesSchema,
        },
      },
    },
    async (request) => listAssignees(services, staffOf(request), request.params.id),
  );

  typed.put(
    "/api/cases/:id/assignments",
    {
      schema: {
        tags: ["cases"],
        summary: "Set the officers and investigators assigned to the case",
        params: z.strictObject({ id: z.uuid() }),
        body: setAssignmentsBody,
        response: { 200: setAssignmentsSchema },
      },
    },
    async (request) =>
      setAssignments(services, staffOf(request), request.params.id, request.body.userIds, request.body.version),
  );

  typed.get(
    "/api/cases/:id/notes",
    {
      schema: {
        tags: ["cases"],
        summary: "The officers' working notes on the case (never shown to Member States); an audited read",
        params: z.strictObject({ id: z.uuid() }),
        response: {
          200: listNotesSchema,
        },
      },
    },
    async (request) => listNotes(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/cases/:id/notes",
    {
      schema: {
        tags: ["cases"],
        summary: "Add a working note; notes are searchable",
        params: z.strictObject({ id: z.uuid() }),
        body: addNoteBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addNote(services, staffOf(request), request.params.id, request.body.body)),
  );

  typed.post(
    "/api/cases/:id/perpetrators",
    {
      schema: {
        tags: ["cases"],
        summary: "Record an alleged perpetrator: a pseudonymous code is given; the identity is stored encrypted",
        params: z.strictObject({ id: z.uuid() }),
        body: addPerpetratorBody,
        response: {
          201: perpetratorSchema,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addPerpetrator(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/perpetrators/:id/identity",
    {
      schema: {
        tags: ["cases"],
        summary: "Reveal an alleged perpetrator's identity, for a stated reason kept in the audit trail",
        params: z.strictObject({ id: z.uuid() }),
        body: revealPerpetratorIdentityBody,
        response: {
          200: revealPerpetratorIdentitySchema,
          202: revealPendingSchema,
        },
      },
    },
    async (request, reply) => {
      const answer = await revealPerpetratorIdentity(
        services,
        staffOf(request),
        request.params.id,
        request.body.reason,
      );
      // Waiting for an identity custodian's approval: the request is filed, nothing is revealed.
      return "approval" in answer ? reply.status(202).send(answer) : answer;
    },
  );

  typed.get(
    "/api/saved-filters",
    {
      schema: {
        tags: ["cases"],
        summary: "The caller's saved case-list filters",
        response: {
          200: listSavedFiltersSchema,
        },
      },
    },
    async (request) => listSavedFilters(services, staffOf(request)),
  );

  typed.post(
    "/api/saved-filters",
    {
      schema: {
        tags: ["cases"],
        summary: "Save the case list's filters under a name (the same name replaces them)",
        body: saveFilterBody,
        response: { 201: saveFilterSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await saveFilter(services, staffOf(request), request.body.name, request.body.query)),
  );

  typed.delete(
    "/api/saved-filters/:id",
    {
      schema: {
        tags: ["cases"],
        summary: "Delete one of the caller's saved filters",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: deleteSavedFilterSchema },
      },
    },
    async (request) => deleteSavedFilter(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/cases/:id/transitions",
    {
      schema: {
        tags: ["cases"],
        summary: "Move a case to its next workflow step; 422 names the allowed steps, 409 a stale version",
        params: z.strictObject({ id: z.uuid() }),
        body: transitionCaseBody,
        response: { 200: caseSummarySchema },
      },
    },
    async (request) =>
      transitionCase(services, staffOf(request), request.params.id, request.body.transition, request.body.version),
  );

  typed.get(
    "/api/figures",
    {
      schema: {
        tags: ["cases"],
        summary:
          "Internal figures: cases in the caller's scope counted by mission, year, status, nationality, personnel or allegation, under the case list's filters",
        querystring: figuresQuery,
        response: { 200: figuresSchema },
      },
    },
    async (request) => readFigures(services, staffOf(request), request.query),
  );

  typed.get(
    "/api/cases/:id/timeline",
    {
      schema: {
        tags: ["cases"],
        summary: "The case's workflow history: opened, and every step with who took it and when",
        params: z.strictObject({ id: z.uuid() }),
        response: {
          200: caseTimelineSchema,
        },
      },
    },
    async (request) => caseTimeline(services, staffOf(request), request.params.id),
  );

  typed.get(
    "/api/cases/:id",
    {
      schema: {
        tags: ["cases"],
        summary: "One case, with what the caller may do on it; an audited read",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: caseSchema },
      },
    },
    async (request) => readCase(services, staffOf(request), request.params.id),
  );
}
