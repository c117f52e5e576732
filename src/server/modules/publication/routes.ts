// HTTP for publication and the public statistics built on it.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type StatGrouping, type StatView, statViews, viewGroupings } from "../../../domain/public-stats.js";
import { staffOf } from "../../auth/actor.js";
import { publicRoute } from "../../rate-limits.js";
import { IMPORT_MAX_ROWS, importAllegations } from "./import.js";
import { publicStatistics, type StatFilter } from "./stats.js";
import { publicAllegationsPdf } from "./table-pdf.js";
import { countryNamesIn } from "../reference/index.js";
import { publicLanguages } from "../../public/messages.js";
import { publicAllegationsCsv, publicAllegationsWorkbook, publishedAllegations, setPublication } from "./service.js";

const publicFilters = {
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  mission: z
    .string()
    .regex(/^[A-Z0-9-]{2,20}$/)
    .optional(),
  category: z
    .string()
    .regex(/^[A-Z_]{2,20}$/)
    .optional(),
  nationality: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
};

export function registerPublicationRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    "/api/publication/import",
    {
      // A decade of a mission's published table fits well within this.
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ["publication"],
        summary:
          "Import historical allegations (the published CSV layout) as published cases; nothing is written from a file with a bad row unless skipInvalid",
        body: z.strictObject({
          csv: z
            .string()
            .min(1)
            .max(20 * 1024 * 1024),
          skipInvalid: z.boolean().default(false),
          fileName: z.string().trim().max(200).nullable().default(null),
        }),
        response: {
          200: z.object({
            rows: z.number(),
            created: z.number(),
            unchanged: z.number(),
            rejected: z.array(z.object({ line: z.number(), reason: z.string() })),
            rejectCsv: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const outcome = await importAllegations(services, staffOf(request), request.body.csv, {
        skipInvalid: request.body.skipInvalid,
        sourceFile: request.body.fileName,
        maxRows: IMPORT_MAX_ROWS,
      });
      return { ...outcome, rejected: outcome.rejected.map(({ line, reason }) => ({ line, reason })) };
    },
  );

  typed.post(
    "/api/publication",
    {
      schema: {
        tags: ["publication"],
        summary: "Release cases for public statistics, or withdraw them (who and when are kept; audited)",
        body: z.strictObject({ caseIds: z.array(z.uuid()).min(1).max(1000), action: z.enum(["publish", "withdraw"]) }),
        response: { 200: z.object({ changed: z.number() }) },
      },
    },
    async (request) => setPublication(services, staffOf(request), request.body.caseIds, request.body.action),
  );

  const summaries: Record<StatView, string> = {
    allegations:
      "Allegations among published cases by the UN's counting rule, grouped by year, mission, category of personnel or nationality (uniformed)",
    perpetrators:
      "Alleged perpetrators in published cases, by their own category of personnel and nationality (uniformed)",
    victims:
      "Victims in published cases by year, mission or group (women, girls, boys, men, children of unknown sex, unknown); category and nationality select the cases involving them",
    investigations:
      "Published allegations by investigating entity or by where the investigation stands, with the median length in days",
    actions: "Interim and final actions taken on published allegations, by kind (filter stage=interim|final)",
  };
  for (const view of statViews) {
    typed.get(
      `/api/public/stats/${view}`,
      {
        config: publicRoute(services.config, 120),
        schema: {
          tags: ["public"],
          summary: summaries[view],
          querystring: z.strictObject({
            groupBy: z.enum(viewGroupings[view] as [StatGrouping, ...StatGrouping[]]),
            ...publicFilters,
            ...(view === "actions" ? { stage: z.enum(["interim", "final"]).optional() } : {}),
          }),
          response: {
            200: z.array(
              z.object({
                key: z.string(),
                count: z.number().nullable(),
                range: z.string().optional(),
                medianDays: z.number().nullable().optional(),
              }),
            ),
          },
        },
      },
      async (request) => {
        const { groupBy, ...filter } = request.query as { groupBy: StatGrouping } & StatFilter;
        return publicStatistics(services, view, groupBy, filter);
      },
    );
  }

  typed.get(
    "/api/public/allegations",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary:
          "The table of published allegations, newest first, as JSON, as CSV or XLSX in the import layout, or as PDF",
        querystring: z.strictObject({
          ...publicFilters,
          format: z.enum(["json", "csv", "xlsx", "pdf"]).default("json"),
          /** The PDF's language (Latin and Cyrillic scripts; others print in English). */
          lang: z.enum(publicLanguages).default("en"),
          limit: z.coerce.number().int().min(1).max(10_000).default(100),
          offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
        }),
      },
    },
    async (request, reply) => {
      const { format, lang, ...filter } = request.query;
      const page = await publishedAllegations(services, filter);
      if (format === "json") return page;
      if (format === "pdf")
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", 'attachment; filename="allegations.pdf"')
          .send(await publicAllegationsPdf(page.items, lang, await countryNamesIn(services, lang)));
      if (format === "xlsx")
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", 'attachment; filename="allegations.xlsx"')
          .send(await publicAllegationsWorkbook(page.items));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="allegations.csv"')
        .send(publicAllegationsCsv(page.items));
    },
  );
}
