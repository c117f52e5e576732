// HTTP for the communities' languages of the report pages: read by staff, loaded by an administrator.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  communityLanguageSchema,
  listLanguagesSchema,
  translationFileSchema,
  translationTemplateSchema,
} from "../../../domain/contracts/languages.js";
import { staffOf } from "../../auth/actor.js";
import { listLanguages, loadCommunityLanguages, saveLanguage, translationFile } from "./service.js";

/** How often each server instance reads the languages again, so that all speak one another loaded. */
const RELOAD_MS = 60_000;

export function registerLanguageRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ code: z.string().regex(/^[a-z]{2,3}$/) });

  // A failed read keeps the languages last read: the pages still speak them, and the UN's six always.
  const reload = () =>
    loadCommunityLanguages(services).catch((error: unknown) => app.log.warn({ err: error }, "languages not reloaded"));
  let timer: NodeJS.Timeout | undefined;
  app.addHook("onReady", async () => {
    await reload();
    timer = setInterval(reload, RELOAD_MS);
    timer.unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));

  typed.get(
    "/api/languages",
    {
      schema: {
        tags: ["languages"],
        summary: "The communities' languages the report pages speak, how much of each is translated and reviewed",
        response: { 200: listLanguagesSchema },
      },
    },
    async (request) => listLanguages(services, staffOf(request)),
  );

  typed.get(
    "/api/languages/template",
    {
      schema: {
        tags: ["languages"],
        summary: "The translation file to fill in: every key of the report pages with its English words",
        response: { 200: translationTemplateSchema },
      },
    },
    async (request) => translationFile(services, staffOf(request), null),
  );

  typed.get(
    "/api/languages/:code",
    {
      schema: {
        tags: ["languages"],
        summary: "A community language's translation file as it stands (untranslated keys empty)",
        params,
        response: { 200: translationTemplateSchema },
      },
    },
    async (request) => translationFile(services, staffOf(request), request.params.code),
  );

  typed.put(
    "/api/languages/:code",
    {
      schema: {
        tags: ["languages"],
        summary: "Add or replace a community language from its translation file (administrator; audited)",
        params,
        body: translationFileSchema,
        response: { 200: communityLanguageSchema },
      },
      bodyLimit: 1024 * 1024,
    },
    async (request) => saveLanguage(services, staffOf(request), request.params.code, request.body),
  );
}
