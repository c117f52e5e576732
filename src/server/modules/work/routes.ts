// HTTP for "My work", each person's first page.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { myWorkSchema } from "../../../domain/contracts/work.js";
import { staffOf } from "../../auth/actor.js";
import { workPolicy } from "../../auth/policies/index.js";
import { Forbidden } from "../../errors.js";
import { myWork } from "./service.js";

export function registerWorkRoutes(app: FastifyInstance) {
  const { services } = app;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/work",
    {
      schema: {
        tags: ["work"],
        summary:
          "What needs the caller's action now: new reporter messages, reports not yet handled, what is late or due this week, replies awaited, claims waiting, identity requests, cases to publish",
        response: { 200: myWorkSchema },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      if (!workPolicy.view(actor)) throw new Forbidden("Your role has no work list: open the areas in the menu.");
      return myWork(services, actor);
    },
  );
}
