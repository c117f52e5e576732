// The public data pages: figures, the table of allegations and its feed, good practices and
// commitments. No sign-in, no JavaScript; a filter the address gets wrong is named and left out.
import { asc } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { missions } from "../../db/schema.js";
import { commitmentKinds } from "../../domain/commitments.js";
import { misconductGroupings, systemWideFilters } from "../../domain/contracts/publication.js";
import { systemWideGroupings } from "../../domain/system-wide.js";
import { thematicAreas } from "../../domain/reference/allegations.js";
import { practiceAreas } from "../../domain/good-practices.js";
import { type StatGrouping, type StatView, statViews, viewGroupings } from "../../domain/public-stats.js";
import { listCommitments } from "../modules/commitments/index.js";
import { publicCommandByMission, publicComparison, publicScorecard } from "../modules/accountability/index.js";
import { listPublishedPractices } from "../modules/good-practices/index.js";
import { latestPublications, publishedAllegations, victimsInWords } from "../modules/publication/index.js";
import {
  publicMisconduct,
  publicStatistics,
  publicVictimSupport,
  systemWideFigures,
} from "../modules/publication/index.js";
import { systemWidePage } from "./system-wide-page.js";
import { countryNamesIn, namedEntities } from "../modules/reference/index.js";
import { publicRoute } from "../rate-limits.js";
import { worldSvg } from "./charts.js";
import { dataMessages, named } from "./data-messages.js";
import {
  allegationsTablePage,
  commitmentsPage,
  memberStatePage,
  memberStatesPage,
  type FigureData,
  type FigureQuery,
  figuresPage,
  type Option,
  type PageParts,
  practicesPage,
  TABLE_PAGE_SIZE,
} from "./data-pages.js";
import { layout } from "./pages.js";
import { holdsDemoData } from "../installation.js";
import { escapeHtml } from "./html.js";
import type { PublicLanguage } from "./messages.js";
import { dataLanguageOf as languageOf } from "./routes.js";
import { misconductPage, victimSupportPage } from "./support-pages.js";

const fields = {
  view: z.enum(statViews),
  groupBy: z.string(),
  year: z.coerce.number().int().min(1990).max(2100),
  mission: z.string().regex(/^[A-Z0-9-]{2,20}$/),
  category: z.string().regex(/^[A-Z_]{2,20}$/),
  nationality: z.string().regex(/^[A-Z]{3}$/),
  stage: z.enum(["interim", "final"]),
  page: z.coerce.number().int().min(1).max(200_000),
  area: z.enum(practiceAreas),
  theme: z.string().trim().min(1).max(100),
  country: z.string().regex(/^[A-Z]{3}$/),
  q: z.string().trim().min(1).max(200),
  kind: z.enum(thematicAreas),
};
type Field = keyof typeof fields;

/** The address's parameters that read well; the others are named, so the page can say it left them out. */
function readFields<S extends Record<string, z.ZodType>>(
  request: FastifyRequest,
  schema: S,
): { values: Partial<{ [K in keyof S]: z.infer<S[K]> }>; ignored: string[] } {
  const query = request.query as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [name, field] of Object.entries(schema)) {
    const raw = query[name];
    if (raw === undefined || raw === "") continue;
    const parsed = field.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else ignored.push(name);
  }
  return { values: values as Partial<{ [K in keyof S]: z.infer<S[K]> }>, ignored };
}

const readQuery = <F extends Field>(request: FastifyRequest, names: F[]) =>
  readFields(request, Object.fromEntries(names.map((name) => [name, fields[name]])) as Pick<typeof fields, F>);

const systemWideFields = { groupBy: z.enum(systemWideGroupings), ...systemWideFilters };

/** Options in the reader's alphabetical order. */
const alphabetical = (language: PublicLanguage) => (a: Option, b: Option) => a.label.localeCompare(b.label, language);

export function registerPublicDataPages(app: FastifyInstance) {
  const { services } = app;
  // Public figures change only when a publisher acts: a short shared cache spares poor connections a round trip.
  let demo: Promise<boolean> | null = null;
  const page = async (reply: FastifyReply, language: PublicLanguage, parts: PageParts) => {
    demo ??= holdsDemoData(services.db);
    const body = layout(language, parts.title, parts.body, parts.path, {
      wide: true,
      current: parts.current,
      demo: await demo,
    });
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "private, max-age=60")
      .header("vary", "cookie, accept-language")
      .send(body);
  };
  const config = publicRoute(services.config, 120);

  async function choices(language: PublicLanguage, countries: Map<string, string>) {
    const words = dataMessages[language];
    const [years, nationalities, missionRows] = await Promise.all([
      publicStatistics(services, "allegations", "year", {}),
      publicStatistics(services, "allegations", "nationality", {}),
      services.db.select({ code: missions.code }).from(missions).orderBy(asc(missions.code)),
    ]);
    const byLabel = alphabetical(language);
    return {
      years: years.map((row) => ({ value: row.key, label: row.key })).reverse(),
      missions: missionRows.map((row) => ({ value: row.code, label: row.code })),
      categories: Object.keys(words.categories)
        .filter((code) => code !== "UNKNOWN")
        .map((code) => ({ value: code, label: named(words.categories, code) })),
      nationalities: nationalities
        .map((row) => ({ value: row.key, label: countries.get(row.key) ?? row.key }))
        .sort(byLabel),
    };
  }

  app.get("/data", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    const { values, ignored } = readQuery(request, [
      "view",
      "groupBy",
      "year",
      "mission",
      "category",
      "nationality",
      "stage",
    ]);
    const view: StatView = values.view ?? "allegations";
    const groupings = viewGroupings[view];
    const groupBy = (groupings as readonly string[]).includes(values.groupBy ?? "")
      ? (values.groupBy as StatGrouping)
      : groupings[0];
    if (values.groupBy !== undefined && groupBy !== values.groupBy) ignored.push("groupBy");
    const query: FigureQuery = {
      view,
      groupBy,
      year: values.year,
      mission: values.mission,
      category: values.category,
      nationality: values.nationality,
      stage: view === "actions" ? values.stage : undefined,
    };
    const filter = {
      year: query.year,
      mission: query.mission,
      category: query.category,
      nationality: query.nationality,
      stage: query.stage,
    };
    const countries = await countryNamesIn(services, language);
    const [breakdown, byYear, byMission, options] = await Promise.all([
      publicStatistics(services, view, groupBy, filter),
      groupBy === "year" ? null : publicStatistics(services, view, "year", filter),
      groupBy === "mission" ? null : publicStatistics(services, view, "mission", filter),
      choices(language, countries),
    ]);
    const data: FigureData = {
      breakdown,
      byYear: byYear ?? breakdown,
      byMission: byMission ?? breakdown,
      choices: options,
      ignored,
    };
    return page(reply.status(ignored.length ? 400 : 200), language, figuresPage(language, query, data, countries));
  });

  app.get("/data/world.svg", { config, schema: { hide: true } }, async (_request, reply) =>
    reply.type("image/svg+xml").header("cache-control", "public, max-age=86400").send(worldSvg()),
  );

  app.get("/data/allegations", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    const { values, ignored } = readQuery(request, ["year", "mission", "category", "nationality", "page"]);
    const query = {
      year: values.year,
      mission: values.mission,
      category: values.category,
      nationality: values.nationality,
      page: values.page ?? 1,
    };
    const countries = await countryNamesIn(services, language);
    const [table, options] = await Promise.all([
      publishedAllegations(services, { ...query, limit: TABLE_PAGE_SIZE, offset: (query.page - 1) * TABLE_PAGE_SIZE }),
      choices(language, countries),
    ]);
    return page(
      reply.status(ignored.length ? 400 : 200),
      language,
      allegationsTablePage(language, query, table.items, table.hasMore, options, ignored, countries),
    );
  });

  app.get("/data/allegations/feed.atom", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    const words = dataMessages[language];
    const base = services.config.publicUrl.replace(/\/$/, "");
    const items = await latestPublications(services, 100);
    const updated = items[0]?.publishedAt ?? new Date(0).toISOString();
    const entries = items.map((item) => {
      const title = [
        item.missionCode,
        named(words.categories, item.categoryCode),
        item.nationalityCode,
        item.allegation,
        item.monthReported,
      ]
        .filter(Boolean)
        .join(" · ");
      const id = `urn:conduct-ledger:allegation:${item.reference}:${item.categoryCode}:${item.nationalityCode ?? ""}`;
      const summary = `${words.columns.victims}: ${victimsInWords(language, item)}`;
      return `<entry><id>${escapeHtml(id)}</id><title>${escapeHtml(title)}</title><updated>${item.publishedAt}</updated><link href="${escapeHtml(`${base}/data/allegations?mission=${item.missionCode}&year=${item.monthReported.slice(0, 4)}`)}"/><summary>${escapeHtml(summary)}</summary></entry>`;
    });
    const feed = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}"><id>urn:conduct-ledger:allegations</id><title>${escapeHtml(words.feedTitle)}</title><updated>${updated}</updated><author><name>Conduct Ledger</name></author><link rel="self" href="${escapeHtml(`${base}/data/allegations/feed.atom`)}"/><link href="${escapeHtml(`${base}/data/allegations`)}"/>${entries.join("")}</feed>`;
    return reply.type("application/atom+xml; charset=utf-8").header("cache-control", "public, max-age=300").send(feed);
  });

  app.get("/data/good-practices", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    const words = dataMessages[language];
    const { values, ignored } = readQuery(request, ["area", "theme", "country", "q"]);
    const countries = await countryNamesIn(services, language);
    const [{ items }, all] = await Promise.all([
      listPublishedPractices(services, values),
      listPublishedPractices(services, {}),
    ]);
    const byLabel = alphabetical(language);
    const options = {
      areas: practiceAreas.map((area) => ({ value: area, label: named(words.areas, area) })),
      themes: [...new Set(all.items.map((item) => item.theme))]
        .map((theme) => ({ value: theme, label: theme }))
        .sort(byLabel),
      countries: [...new Set(all.items.flatMap((item) => item.countryCodes))]
        .map((code) => ({ value: code, label: countries.get(code) ?? code }))
        .sort(byLabel),
    };
    return page(
      reply.status(ignored.length ? 400 : 200),
      language,
      practicesPage(language, values, items, options, ignored, countries),
    );
  });

  app.get("/data/member-states", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    const [rows, countries, missions] = await Promise.all([
      publicComparison(services),
      countryNamesIn(services, language),
      publicCommandByMission(services),
    ]);
    return page(reply, language, memberStatesPage(language, rows, countries, missions));
  });

  app.get("/data/member-states/:country", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    const countries = await countryNamesIn(services, language);
    const code = String((request.params as { country: string }).country).toUpperCase();
    if (!countries.has(code))
      return page(
        reply.status(404),
        language,
        memberStatesPage(
          language,
          await publicComparison(services),
          countries,
          await publicCommandByMission(services),
          code.slice(0, 20),
        ),
      );
    return page(reply, language, memberStatePage(language, await publicScorecard(services, code), countries));
  });

  app.get("/data/victim-support", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    return page(reply, language, victimSupportPage(language, await publicVictimSupport(services)));
  });

  app.get("/data/misconduct", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    const { values, ignored } = readQuery(request, ["groupBy", "year", "mission", "category", "kind"]);
    const groupBy = misconductGroupings.find((name) => name === values.groupBy) ?? "year";
    if (values.groupBy !== undefined && groupBy !== values.groupBy) ignored.push("groupBy");
    const filter = { year: values.year, mission: values.mission, category: values.category, kind: values.kind };
    const [rows, options] = await Promise.all([
      publicMisconduct(services, groupBy, filter),
      choices(language, await countryNamesIn(services, language)),
    ]);
    return page(reply, language, misconductPage(language, { groupBy, ...filter }, rows, options, ignored));
  });

  app.get("/data/system-wide", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    const { values, ignored } = readFields(request, systemWideFields);
    const { groupBy = "entity", ...filter } = values;
    const [breakdown, byQuarter, quarters, entities] = await Promise.all([
      systemWideFigures(services, groupBy, filter),
      groupBy === "quarter" ? null : systemWideFigures(services, "quarter", filter),
      systemWideFigures(services, "quarter", {}),
      namedEntities(services.db),
    ]);
    const years = [...new Set(quarters.map((row) => row.key.slice(0, 4)))].reverse();
    return page(
      reply.status(ignored.length ? 400 : 200),
      language,
      systemWidePage(
        language,
        { groupBy, ...filter },
        { breakdown, byQuarter: byQuarter ?? breakdown },
        { years, entities },
        ignored,
      ),
    );
  });

  app.get("/data/commitments", { config, schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request, reply);
    const [view, countries] = await Promise.all([listCommitments(services), countryNamesIn(services, language)]);
    return page(reply, language, commitmentsPage(language, view, commitmentKinds, countries));
  });
}
