// HTTP for publication and the public statistics built on it.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type StatGrouping, type StatView, statViews } from "../../../domain/public-stats.js";
import {
  allegationImportsSchema,
  importAllegationsBody,
  importIdParams,
  importOutcomeSchema,
  importWithdrawnSchema,
  withdrawImportBody,
  publicAllegationsQuery,
  publicationBody,
  publicationPreviewBody,
  publicationPreviewSchema,
  publicationReviewQuery,
  publicationReviewSchema,
  publicationOutcomeSchema,
  misconductQuery,
  statisticsQuery,
  systemWideQuery,
  systemWideReportQuery,
  statisticsSchema,
  victimSupportSchema,
} from "../../../domain/contracts/publication.js";
import { staffOf } from "../../auth/actor.js";
import { publicRoute } from "../../rate-limits.js";
import { IMPORT_MAX_ROWS, importAllegations } from "./import.js";
import { listImports, withdrawImport } from "./imports.js";
import { publicStatistics, type StatFilter } from "./stats.js";
import { systemWideFigures } from "./system-wide.js";
import { systemWideReport } from "./system-wide-report.js";
import { workbookContentType } from "../../spreadsheets.js";
import { publicAllegationsPdf } from "./table-pdf.js";
import { publicMisconduct, publicVictimSupport } from "./support.js";
import { countryNamesIn } from "../reference/index.js";
import {
  previewPublication,
  publicAllegationsCsv,
  publicAllegationsWorkbook,
  publicationReview,
  publishedAllegations,
  setPublication,
} from "./service.js";

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
        body: importAllegationsBody,
        response: { 200: importOutcomeSchema },
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

  typed.get(
    "/api/publication/imports",
    {
      schema: {
        tags: ["publication"],
        summary: "The imports of historical allegations made here, newest first, withdrawn ones included",
        response: { 200: allegationImportsSchema },
      },
    },
    async (request) => listImports(services, staffOf(request)),
  );

  typed.post(
    "/api/publication/imports/:id/withdraw",
    {
      schema: {
        tags: ["publication"],
        summary:
          "Withdraw an import of history (a wrong file): its allegations and their counts leave the public figures; the reason is kept",
        params: importIdParams,
        body: withdrawImportBody,
        response: { 200: importWithdrawnSchema },
      },
    },
    async (request) => withdrawImport(services, staffOf(request), request.params.id, request.body.reason),
  );

  typed.get(
    "/api/publication/review",
    {
      schema: {
        tags: ["publication"],
        summary: "The publisher's review queue: cases ready to publish, or published ones (to withdraw)",
        querystring: publicationReviewQuery,
        response: { 200: publicationReviewSchema },
      },
    },
    async (request) => publicationReview(services, staffOf(request), request.query.state),
  );

  typed.post(
    "/api/publication/preview",
    {
      schema: {
        tags: ["publication"],
        summary:
          "The public table's rows for these cases as the public would read them once published; nothing is published or kept",
        body: publicationPreviewBody,
        response: { 200: publicationPreviewSchema },
      },
    },
    async (request) => previewPublication(services, staffOf(request), request.body.caseIds),
  );

  typed.post(
    "/api/publication",
    {
      schema: {
        tags: ["publication"],
        summary: "Release cases for public statistics, or withdraw them (who and when are kept; audited)",
        body: publicationBody,
        response: { 200: publicationOutcomeSchema },
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
          querystring: statisticsQuery(view),
          response: { 200: statisticsSchema },
        },
      },
      async (request) => {
        const { groupBy, ...filter } = request.query as { groupBy: StatGrouping } & StatFilter;
        return publicStatistics(services, view, groupBy, filter);
      },
    );
  }

  typed.get(
    "/api/public/system-wide",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary:
          "Published SEA allegations of every entity of the UN system by entity, quarter reported, system-wide category of personnel or status; filtered, an entity's own",
        querystring: systemWideQuery,
        response: { 200: statisticsSchema },
      },
    },
    async (request) => {
      const { groupBy, ...filter } = request.query;
      return systemWideFigures(services, groupBy, filter);
    },
  );

  typed.get(
    "/api/publication/system-wide-report",
    {
      schema: {
        tags: ["publication"],
        summary:
          "The quarterly system-wide report for headquarters: a quarter's published SEA allegations of every entity by category of personnel and by status (XLSX or PDF)",
        querystring: systemWideReportQuery,
      },
    },
    async (request, reply) => {
      const { fileName, body } = await systemWideReport(services, staffOf(request), request.query);
      return reply
        .header("content-type", request.query.format === "pdf" ? "application/pdf" : workbookContentType)
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(body);
    },
  );

  typed.get(
    "/api/public/stats/misconduct",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary:
          "Other (non-SEA) misconduct in published cases, by year, mission, category of personnel, category of misconduct (area) or level",
        querystring: misconductQuery,
        response: { 200: statisticsSchema },
      },
    },
    async (request) => {
      const { groupBy, ...filter } = request.query;
      return publicMisconduct(services, groupBy, filter);
    },
  );

  typed.get(
    "/api/public/victim-support",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary:
          "The Trust Fund's projects and the people they reached (counts), and paternity claims in published cases by status",
        response: { 200: victimSupportSchema },
      },
    },
    async () => publicVictimSupport(services),
  );

  typed.get(
    "/api/public/allegations",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary:
          "The table of published allegations, newest first, as JSON, as CSV or XLSX in the import layout, or as PDF",
        querystring: publicAllegationsQuery,
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
