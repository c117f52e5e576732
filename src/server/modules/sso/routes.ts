// HTTP for the single sign-on rules (administrators).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  createSsoRuleBody,
  listSsoRulesSchema,
  ssoRuleDeletedSchema,
  ssoRuleParams,
  ssoRuleSchema,
} from "../../../domain/contracts/sso.js";
import { staffOf } from "../../auth/actor.js";
import { createSsoRule, deleteSsoRule, listSsoRules } from "./service.js";

export function registerSsoRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/sso/rules",
    {
      schema: {
        tags: ["users"],
        summary: "The identity providers staff may sign in with, and the rules that give their people a role",
        response: { 200: listSsoRulesSchema },
      },
    },
    async (request) => listSsoRules(services, staffOf(request)),
  );

  typed.post(
    "/api/sso/rules",
    {
      schema: {
        tags: ["users"],
        summary: "Add a rule: people of a provider whose claim holds a value get this role and scope (audited)",
        body: createSsoRuleBody,
        response: { 201: ssoRuleSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createSsoRule(services, staffOf(request), request.body)),
  );

  typed.delete(
    "/api/sso/rules/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Remove a rule; the people it gave a role sign in again (audited)",
        params: ssoRuleParams,
        response: { 200: ssoRuleDeletedSchema },
      },
    },
    async (request) => deleteSsoRule(services, staffOf(request), request.params.id),
  );
}
