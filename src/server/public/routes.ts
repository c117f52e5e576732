// The public pages: report form, receipt and follow-up, rendered on the server and working without
// JavaScript. The language comes from ?lang=, is remembered in a cookie, and defaults to the browser's.
import { languageCookieValue, rememberedLanguage } from "../../domain/un-languages.js";
import { randomUUID } from "node:crypto";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import { asc, eq, isNull, ne } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { countries, missions } from "../../db/schema.js";
import { namedEntities } from "../modules/reference/index.js";
import { type ReportBody, reportBody } from "../../domain/contracts/reports.js";
import { publicActor } from "../auth/actor.js";
import { publicRoute } from "../rate-limits.js";
import { DATABASE_RETRY_SECONDS, DomainError } from "../errors.js";
import { isDatabaseUnavailable } from "../../db/connection.js";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from "../../domain/evidence.js";
import { type EvidenceUpload, followUpReport, postReporterMessage, submitReport } from "../modules/intake/index.js";
import type { PublicLanguage, PublicMessages } from "./messages.js";
import { type FormState, followUpPage, receiptPage, reportForm } from "./pages.js";
import { homePage } from "./home.js";
import { helpPage, helpSection, helpBox } from "./help-pages.js";
import { isReportLanguage, missionPlace, organisationOptions, reportWords } from "./report-words.js";
import { currentHelp } from "../modules/help/index.js";
import { HEADQUARTERS, type HelpInformation } from "../../domain/help.js";
import type { NamedEntity } from "../../domain/vocabulary/entity-names.js";
import { holdsDemoData } from "../installation.js";

type Form = Record<string, string | string[] | undefined>;

/**
 * The reader's language: asked in the address (then remembered), remembered, or the browser's; one
 * of the UN's six or a community language the report pages speak.
 */
export function languageOf(request: FastifyRequest, reply: FastifyReply): string {
  const asked = (request.query as { lang?: string }).lang;
  if (typeof asked === "string" && isReportLanguage(asked)) {
    reply.header("set-cookie", languageCookieValue(asked));
    return asked;
  }
  const remembered = rememberedLanguage(request.headers.cookie);
  if (remembered && isReportLanguage(remembered)) return remembered;
  const browser = (request.headers["accept-language"] ?? "")
    .split(",")
    .map((part) => part.trim().split(/[-;]/)[0].toLowerCase());
  return browser.find(isReportLanguage) ?? "en";
}

/** The data pages speak the UN's six: a community language reads them in the language it falls back to. */
export const dataLanguageOf = (request: FastifyRequest, reply: FastifyReply): PublicLanguage =>
  reportWords(languageOf(request, reply)).fallback;

/** The form's fields as the shared contract expects them. */
function reportFromForm(form: Form, language: string): ReportBody {
  const one = (name: string) => {
    const value = form[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() || null;
  };
  const many = (name: string) =>
    [form[name] ?? []].flat().filter((value): value is string => typeof value === "string" && value !== "");
  return {
    whatHappened: one("whatHappened") ?? "",
    missionCode: one("missionCode"),
    organisationCode: one("organisationCode"),
    place: one("place"),
    incidentDate: one("incidentDate"),
    personnelCategoryCodes: many("personnelCategoryCodes"),
    nationalityCodes: many("nationalityCodes"),
    involved: one("involved"),
    childrenInvolved: (one("childrenInvolved") ?? "unknown") as ReportBody["childrenInvolved"],
    kind: (one("kind") ?? "unknown") as ReportBody["kind"],
    immediateDanger: (one("immediateDanger") ?? "unknown") as ReportBody["immediateDanger"],
    needs: many("needs") as ReportBody["needs"],
    reporterIsVictim: (one("reporterIsVictim") ?? "prefer_not_to_say") as ReportBody["reporterIsVictim"],
    route: (one("route") ?? "unknown") as ReportBody["route"],
    anonymous: one("anonymous") !== "no",
    contact: one("contact"),
    language,
  };
}

/** Which of the page's messages explain the contract's complaints. */
function formErrors(issues: { path: PropertyKey[]; message: string }[]): FormState["errors"] {
  const errors: FormState["errors"] = {};
  for (const issue of issues) {
    const field = String(issue.path[0]);
    if (field === "whatHappened") errors.whatHappened = true;
    else if (field === "contact")
      errors[issue.message === "contact_with_anonymous" ? "contactWithAnonymous" : "contact"] = true;
    else if (field === "incidentDate") errors.incidentDate = true;
    else if (field === "route") errors.routeMission = true;
    else errors.invalid = true;
  }
  return errors;
}

/** The form's fields and files from a multipart submission; empty file inputs are skipped. */
async function readMultipartForm(request: FastifyRequest): Promise<{ form: Form; files: EvidenceUpload[] }> {
  const form: Form = {};
  const files: EvidenceUpload[] = [];
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const content = await part.toBuffer();
      if (content.length > 0) files.push({ fileName: part.filename, content });
    } else if (typeof part.value === "string") {
      const previous = form[part.fieldname];
      form[part.fieldname] = previous === undefined ? part.value : [previous, part.value].flat();
    }
  }
  return { form, files };
}

/** What the form says of a refused file, by the refusal's code; nothing was stored. */
const evidenceMessages: Record<string, keyof PublicMessages["errors"]> = {
  file_type_not_accepted: "evidenceType",
  file_too_large: "evidenceTooLarge",
  too_many_files: "evidenceTooLarge",
  file_archive_too_large: "evidenceTooLarge",
  file_damaged: "evidenceDamaged",
  file_active_content: "evidenceActive",
};

interface MissionRow {
  code: string;
  location: string | null;
  name: string;
  hostCountryNames: Record<string, string> | null;
  alpha2: string | null;
}

export function registerPublicPages(app: FastifyInstance) {
  const { services } = app;
  const page = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(body);
  const limited = (perMinute: number) => publicRoute(services.config, perMinute);
  /** The key a page's form carries (a UUID made when the page was drawn), if it is one. */
  const formKey = (form: Form) =>
    typeof form.idempotencyKey === "string" && /^[0-9a-f-]{36}$/.test(form.idempotencyKey)
      ? form.idempotencyKey
      : undefined;

  // The last lists read are kept, so the form can still be drawn again while the database is away.
  let lastLists: {
    missionRows: MissionRow[];
    countryRows: { code: string; names: Record<string, string> }[];
    entityRows: NamedEntity[];
  } | null = null;
  async function readLists() {
    try {
      const [missionRows, countryRows, entityRows] = await Promise.all([
        services.db
          .select({
            code: missions.code,
            location: missions.location,
            name: missions.name,
            hostCountryNames: countries.names,
            alpha2: countries.alpha2,
          })
          .from(missions)
          .leftJoin(countries, eq(countries.code, missions.hostCountryCode))
          .where(isNull(missions.endYear))
          .orderBy(asc(missions.code)),
        // The nationalities people pick: Member States and observer States.
        services.db
          .select({ code: countries.code, names: countries.names })
          .from(countries)
          .where(ne(countries.standing, "territory"))
          .orderBy(asc(countries.code)),
        namedEntities(services.db),
      ]);
      lastLists = { missionRows, countryRows, entityRows };
    } catch (error) {
      if (!lastLists) throw error;
    }
    return lastLists;
  }
  // Help is read for each page, and the last read is kept for when the database is away.
  let lastHelp = new Map<string, HelpInformation>();
  async function readHelp() {
    try {
      lastHelp = await currentHelp(services);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
    }
    return lastHelp;
  }
  /** The help a reporter of this mission needs (headquarters' where the mission keeps none). */
  async function helpFor(language: string, missionCode: string | null) {
    const [help, { missionRows }] = await Promise.all([readHelp(), readLists()]);
    const mission = missionRows.find((m) => m.code === missionCode);
    const headquarters = help.get(HEADQUARTERS);
    return mission && help.has(mission.code)
      ? helpSection(language, missionLabel(mission, language), help.get(mission.code), headquarters)
      : helpSection(language, reportWords(language).help.headquarters, headquarters, headquarters);
  }
  const missionLabel = (m: MissionRow, language: string) => `${m.code} — ${missionPlace(reportWords(language), m)}`;

  async function options(language: string) {
    const { missionRows, countryRows, entityRows } = await readLists();
    return {
      missions: missionRows.map((m) => ({ value: m.code, label: missionLabel(m, language) })),
      organisations: organisationOptions(reportWords(language), entityRows),
      countries: countryRows
        .map((c) => ({ value: c.code, label: c.names[language] ?? c.names[reportWords(language).fallback] }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    };
  }

  async function showForm(
    reply: FastifyReply,
    language: string,
    state: FormState,
    status = 200,
    key: string = randomUUID(),
  ) {
    const [lists, help] = await Promise.all([options(language), readHelp()]);
    const box = helpBox(language, help.get(HEADQUARTERS));
    return page(reply, status, reportForm(language, lists, state, key, box));
  }

  app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 64 * 1024 });
    // The report form sends evidence files; each part is capped, so a huge upload stops early.
    await scope.register(multipart, {
      limits: { fileSize: MAX_EVIDENCE_BYTES, files: MAX_EVIDENCE_FILES, fields: 60, fieldSize: 64 * 1024, parts: 70 },
      throwFileSizeLimit: true,
    });
    // Errors on these pages are pages too, in the reader's language, never JSON.
    scope.setErrorHandler(async (error: unknown, request, reply) => {
      const language = languageOf(request, reply);
      const status =
        (error as { statusCode?: number }).statusCode ?? (error instanceof DomainError ? error.status : 400);
      const tooMany = status === 429;
      // Too large or too many files: multipart's own limits (413), named for the reporter.
      const key: keyof PublicMessages["errors"] = tooMany ? "tooMany" : status === 413 ? "evidenceTooLarge" : "invalid";
      if (request.url.startsWith("/report/follow-up"))
        return page(reply, tooMany ? 429 : 400, followUpPage(language, null, { [key]: true }));
      return showForm(
        reply,
        language,
        { values: {}, errors: { [key]: true } },
        tooMany ? 429 : status === 413 ? 413 : 400,
      );
    });

    let demo: Promise<boolean> | null = null;
    scope.get("/", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
      demo ??= holdsDemoData(services.db);
      return page(reply, 200, homePage(languageOf(request, reply), await demo));
    });

    scope.get("/help", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
      demo ??= holdsDemoData(services.db);
      const [help, { missionRows }] = await Promise.all([readHelp(), readLists()]);
      const language = languageOf(request, reply);
      const places = missionRows.map((m) => ({ code: m.code, label: missionLabel(m, language) }));
      return page(reply, 200, helpPage(language, help, places, await demo));
    });

    scope.get("/report", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) =>
      showForm(reply, languageOf(request, reply), { values: {}, errors: {} }),
    );

    // The form's key travels in its body and is kept in the use-case's own transaction.
    scope.post(
      "/report",
      { config: { ...limited(10), idempotency: "in-transaction" }, schema: { hide: true } },
      async (request, reply) => {
        const language = languageOf(request, reply);
        const { form, files } = request.isMultipart()
          ? await readMultipartForm(request)
          : { form: (request.body ?? {}) as Form, files: [] };
        const parsed = reportBody.safeParse(reportFromForm(form, language));
        if (!parsed.success)
          return showForm(reply, language, { values: form, errors: formErrors(parsed.error.issues) }, 400);
        const key = formKey(form);
        try {
          const { receipt } = await submitReport(services, publicActor, parsed.data, "web_form", key, files);
          return page(reply, 201, receiptPage(language, receipt, await helpFor(language, parsed.data.missionCode)));
        } catch (error) {
          // The form keeps its key: sent again once the database is back, it is written once.
          if (isDatabaseUnavailable(error)) {
            reply.header("retry-after", DATABASE_RETRY_SECONDS);
            return showForm(reply, language, { values: form, errors: { unavailable: true } }, 503, key);
          }
          const message = evidenceMessages[error instanceof DomainError ? error.code : ""];
          if (!message) throw error;
          return showForm(reply, language, { values: form, errors: { [message]: true } }, 400);
        }
      },
    );

    scope.get("/report/follow-up", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) =>
      page(reply, 200, followUpPage(languageOf(request, reply), null, {})),
    );

    async function showReport(request: FastifyRequest, reply: FastifyReply, sent: boolean) {
      const language = languageOf(request, reply);
      const receipt = String((request.body as Form)?.receipt ?? "").slice(0, 40);
      try {
        const view = await followUpReport(services, receipt);
        const help = await helpFor(language, view.missionCode);
        return page(
          reply,
          200,
          followUpPage(language, { receipt, ...view, sent, messageKey: randomUUID() }, {}, "", help),
        );
      } catch (error) {
        if (error instanceof DomainError && error.status === 404)
          return page(reply, 404, followUpPage(language, null, { receipt: true }, receipt));
        throw error;
      }
    }

    scope.post("/report/follow-up", { config: limited(30), schema: { hide: true } }, async (request, reply) =>
      showReport(request, reply, false),
    );

    scope.post("/report/follow-up/message", { config: limited(10), schema: { hide: true } }, async (request, reply) => {
      const form = (request.body ?? {}) as Form;
      const message = String(form.message ?? "")
        .trim()
        .slice(0, 5000);
      if (!message) return showReport(request, reply, false);
      try {
        await postReporterMessage(services, String(form.receipt ?? "").slice(0, 40), message, formKey(form));
      } catch (error) {
        if (error instanceof DomainError && error.status === 404)
          return page(reply, 404, followUpPage(languageOf(request, reply), null, { receipt: true }));
        throw error;
      }
      return showReport(request, reply, true);
    });
  });
}
