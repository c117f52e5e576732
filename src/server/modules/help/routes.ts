// HTTP for the help kept for reporters: staff read every mission's and keep their own.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  helpHistorySchema,
  helpInformationBody,
  helpInformationSchema,
  helpScopeSchema,
  listHelpInformationSchema,
} from "../../../domain/help.js";
import { staffOf } from "../../auth/actor.js";
import { helpHistory, listHelp, saveHelp } from "./service.js";

export function registerHelpRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ scope: helpScopeSchema });

  typed.get(
    "/api/help-information",
    {
      schema: {
        tags: ["help"],
        summary: "The help each mission and headquarters gives reporters, as now shown on the public pages",
        response: { 200: listHelpInformationSchema },
      },
    },
    async (request) => listHelp(services, staffOf(request)),
  );

  typed.get(
    "/api/help-information/:scope/versions",
    {
      schema: {
        tags: ["help"],
        summary: "Every version of a mission's (or headquarters', HQ) help for reporters, newest first",
        params,
        response: { 200: helpHistorySchema },
      },
    },
    async (request) => helpHistory(services, staffOf(request), request.params.scope),
  );

  typed.put(
    "/api/help-information/:scope",
    {
      schema: {
        tags: ["help"],
        summary: "Write a new version of a mission's help for reporters (its team, or headquarters; audited)",
        params,
        body: helpInformationBody,
        response: { 200: helpInformationSchema },
      },
    },
    async (request) => saveHelp(services, staffOf(request), request.params.scope, request.body),
  );
}
