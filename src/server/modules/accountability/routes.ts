// HTTP for Member State accountability: the published parts for anyone, the whole scorecard (JSON or
// PDF) for headquarters and the State's own focal point, the comparison across States for headquarters.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  comparisonSchema,
  countryParams,
  missionComparisonSchema,
  publicComparisonSchema,
  publicMissionCommandSchema,
  publicScorecardSchema,
  scorecardQuery,
} from "../../../domain/contracts/accountability.js";
import { staffOf } from "../../auth/actor.js";
import { publicRoute } from "../../rate-limits.js";
import { countryNamesIn } from "../reference/index.js";
import { scorecardPdf } from "./scorecard-pdf.js";
import {
  comparison,
  missionComparison,
  publicCommandByMission,
  publicComparison,
  publicScorecard,
  scorecard,
} from "./service.js";

export function registerAccountabilityRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/public/member-states",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary:
          "Contributing countries side by side, from published allegations: allegations, substantiated, with a final action, median investigation days",
        response: { 200: publicComparisonSchema },
      },
    },
    async () => publicComparison(services),
  );

  typed.get(
    "/api/public/member-states/:country",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary:
          "A contributing country's published record: allegations by year, where investigations stand, final actions",
        params: countryParams,
        response: { 200: publicScorecardSchema },
      },
    },
    async (request) => publicScorecard(services, request.params.country),
  );

  typed.get(
    "/api/public/missions/command",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary:
          "Military justice and command per mission, as published: proceedings on published allegations by forum, convictions, units repatriated or replaced",
        response: { 200: publicMissionCommandSchema },
      },
    },
    async () => publicCommandByMission(services),
  );

  typed.get(
    "/api/accountability/missions",
    {
      schema: {
        tags: ["accountability"],
        summary:
          "Each mission's command record: units and signals, decisions, leaders' duties and allegations, proceedings, this year's leadership plans (headquarters; audited)",
        response: { 200: missionComparisonSchema },
      },
    },
    async (request) => missionComparison(services, staffOf(request)),
  );

  typed.get(
    "/api/accountability",
    {
      schema: {
        tags: ["accountability"],
        summary: "Every contributing country's accountability measures side by side (headquarters; audited)",
        response: { 200: comparisonSchema },
      },
    },
    async (request) => comparison(services, staffOf(request)),
  );

  typed.get(
    "/api/accountability/:country",
    {
      schema: {
        tags: ["accountability"],
        summary:
          "A contributing country's whole scorecard, as JSON or PDF (headquarters and the State's own focal point; audited)",
        params: countryParams,
        querystring: scorecardQuery,
      },
    },
    async (request, reply) => {
      const card = await scorecard(services, staffOf(request), request.params.country);
      if (request.query.format === "json") return card;
      const names = await countryNamesIn(services, request.query.lang);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="scorecard-${card.countryCode}.pdf"`)
        .send(await scorecardPdf(card, request.query.lang, names));
    },
  );
}
