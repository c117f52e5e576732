// The public data pages: every page in the six languages, filters read from the address (and a bad
// one named), the feed, the files; commitments kept by headquarters; and nothing unpublished, no
// victim detail and no narrative in any public response.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { misconductGroupings } from "../../domain/contracts/publication.js";
import { systemWideGroupings } from "../../domain/system-wide.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers/app.js";
import { eq } from "drizzle-orm";
import {
  caseActions,
  cases,
  findings,
  goodPracticeFiles,
  goodPractices,
  investigations,
  perpetrators,
  victimCases,
  victims,
} from "../../db/schema.js";
import { statViews, viewGroupings } from "../../domain/public-stats.js";
import { systemActor } from "../auth/actor.js";
import { inTransaction } from "../transaction.js";
import { publicLanguages } from "./messages.js";

let t: TestApp;
const published = randomUUID();
const unpublished = randomUUID();
// Words that must never leave through a public page, API or file.
const secrets = [
  "UNTSO-2031-0002",
  "Leakwood",
  "Nightingale",
  "leak-victim-code",
  "a-narrative-never-public",
  "a-detail-never-public",
];

beforeAll(async () => {
  t = await createTestApp();
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values([
      {
        id: published,
        reference: "UNTSO-2031-0001",
        missionCode: "UNTSO",
        dateReported: "2031-02-10",
        categoryCodes: ["MIL_MO"],
        nationalityCodes: ["NZL"],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
        victimsWomen: 1,
        narrativeEncrypted: "a-narrative-never-public",
        publishedAt: new Date(),
      },
      {
        id: unpublished,
        reference: "UNTSO-2031-0002",
        missionCode: "UNTSO",
        dateReported: "2031-03-10",
        categoryCodes: ["POL_FPU"],
        nationalityCodes: ["FJI"],
        allegationCodes: ["SA_RAPE"],
        victimsGirls: 1,
        narrativeEncrypted: "a-narrative-never-public",
      },
    ]);
    const [perpetrator] = await tx
      .insert(perpetrators)
      .values({
        caseId: published,
        code: "P-01",
        categoryCode: "MIL_MO",
        nationalityCode: "NZL",
        unit: "Nightingale company",
        identityEncrypted: "Leakwood",
      })
      .returning();
    await tx.insert(perpetrators).values({
      caseId: unpublished,
      code: "P-01",
      categoryCode: "POL_FPU",
      nationalityCode: "FJI",
      unit: "Nightingale platoon",
    });
    const [investigation] = await tx
      .insert(investigations)
      .values({
        caseId: published,
        entity: "oios",
        investigators: "Inspector Leakwood",
        startedOn: "2031-02-11",
        completedOn: "2031-04-01",
        dueOn: "2031-05-11",
        deadlineKind: "investigation_sea",
        policyVersion: "default-1",
      })
      .returning();
    await tx.insert(findings).values({
      caseId: published,
      investigationId: investigation.id,
      perpetratorId: perpetrator.id,
      finding: "substantiated",
      recordedOn: "2031-04-01",
    });
    await tx.insert(caseActions).values({
      caseId: published,
      perpetratorId: perpetrator.id,
      stage: "final",
      takenBy: "un",
      kind: "dismissal",
      decidedOn: "2031-04-20",
      details: "a-detail-never-public",
    });
    const [victim] = await tx
      .insert(victims)
      .values({ code: "leak-victim-code", missionCode: "UNTSO", sex: "female", ageGroup: "adult" })
      .returning();
    await tx.insert(victimCases).values({ victimId: victim.id, caseId: published });
  });
});
afterAll(() => t.close());

/** A file on a published practice, so that the public file route is read too. */
async function publishedPracticeFile(): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, async (tx) => {
    const [practice] = await tx
      .select({ id: goodPractices.id })
      .from(goodPractices)
      .where(eq(goodPractices.status, "published"))
      .limit(1);
    return tx
      .insert(goodPracticeFiles)
      .values({
        practiceId: practice.id,
        fileName: "guide.pdf",
        contentType: "application/pdf",
        sizeBytes: 9,
        sha256: "0".repeat(64),
        content: Buffer.from("%PDF-1.7\n"),
      })
      .returning({ id: goodPracticeFiles.id });
  });
  return row.id;
}

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: "GET", url, headers });

describe("public data pages", () => {
  it("render in the six languages, Arabic right to left, with no script at all", async () => {
    for (const language of publicLanguages) {
      for (const path of [
        "/data",
        "/data/allegations",
        "/data/good-practices",
        "/data/commitments",
        "/data/system-wide",
        "/report",
        "/report/follow-up",
      ]) {
        const response = await get(`${path}?lang=${language}`);
        expect(response.statusCode, `${path} ${language}`).toBe(200);
        expect(response.body).toContain(`<html lang="${language}" dir="${language === "ar" ? "rtl" : "ltr"}">`);
        // Public pages carry no JavaScript (the budget is 350 KB): they work on any phone.
        expect(response.body).not.toMatch(/<script/i);
      }
    }
    const chinese = await get("/data?lang=zh");
    expect(chinese.body).toContain("性剥削和性虐待：已公布的数据");
    // The chosen language is remembered for the other public pages.
    expect(chinese.headers["set-cookie"]).toContain("conduct_lang=zh; Path=/;");
    expect((await get("/data/allegations", { cookie: "conduct_lang=ru" })).body).toContain("Таблица обвинений");
  });

  it("show each view and breakdown, with the numbers in a table, for filters in the address", async () => {
    for (const view of statViews) {
      for (const groupBy of viewGroupings[view]) {
        const response = await get(`/data?view=${view}&groupBy=${groupBy}&mission=UNTSO&year=2031`);
        expect(response.statusCode, `${view} by ${groupBy}`).toBe(200);
        expect(response.body).toContain("<table>");
      }
    }
    const byCategory = await get("/data?view=allegations&groupBy=category&mission=UNTSO&year=2031");
    // One published allegation (the unpublished one is not counted), named and counted.
    expect(byCategory.body).toMatch(/<th scope="row">Military \(MO\)<\/th><td class="num">1<\/td>/);
    expect(byCategory.body).not.toContain("Police (FPU)</th>");
    expect(byCategory.body).toContain('<option value="UNTSO" selected>');
    expect(byCategory.body).toContain(
      'href="/api/public/stats/allegations?groupBy=category&amp;year=2031&amp;mission=UNTSO"',
    );
  });

  it("name the filters they cannot read and leave them out", async () => {
    const response = await get("/data?view=actions&groupBy=colour&year=nineteen&mission=UNTSO");
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('role="alert"');
    expect(response.body).toMatch(/Left out, as they could not be read: (year, groupBy|groupBy, year)/);
    expect(response.body).toContain("Actions taken");
  });

  it("list published allegations newest first, with files to download and an Atom feed", async () => {
    const table = await get("/data/allegations?mission=UNTSO&lang=fr");
    expect(table.body).toContain("Militaire (MO)");
    expect(table.body).toContain("Nouvelle-Zélande");
    expect(table.body).toContain("Renvoi ou cessation de service");
    for (const format of ["csv", "xlsx", "pdf"])
      expect(table.body).toContain(`/api/public/allegations?mission=UNTSO&amp;format=${format}`);
    const pdf = await get("/api/public/allegations?mission=UNTSO&format=pdf&lang=fr");
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const feed = await get("/data/allegations/feed.atom");
    expect(feed.headers["content-type"]).toContain("application/atom+xml");
    expect(feed.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(feed.body).toContain("<id>urn:conduct-ledger:allegation:UNTSO-2031-0001:MIL_MO:NZL</id>");
    const empty = await get("/data/allegations?mission=UNMIK&year=2031");
    expect(empty.body).toContain("No published allegation matches these filters.");
  });

  it("never show an unpublished case, a victim's detail, a name or a narrative", async () => {
    const bodies: string[] = [];
    const visited = new Set<string>();
    const visit = async (route: string, url: string) => {
      const response = await get(url);
      expect(response.statusCode, url).toBeLessThan(400);
      visited.add(route);
      if (response.headers["content-type"]?.toString().includes("spreadsheetml")) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
        workbook.eachSheet((sheet) => sheet.eachRow((row) => bodies.push(JSON.stringify(row.values))));
      } else bodies.push(response.body);
    };
    for (const view of statViews)
      for (const groupBy of viewGroupings[view])
        await visit(`/api/public/stats/${view}`, `/api/public/stats/${view}?groupBy=${groupBy}`);
    for (const view of statViews)
      for (const groupBy of viewGroupings[view]) await visit("/data", `/data?view=${view}&groupBy=${groupBy}`);
    for (const format of ["json", "csv", "xlsx"])
      await visit("/api/public/allegations", `/api/public/allegations?format=${format}&limit=10000`);
    for (const groupBy of systemWideGroupings) {
      await visit("/api/public/system-wide", `/api/public/system-wide?groupBy=${groupBy}`);
      await visit("/data/system-wide", `/data/system-wide?groupBy=${groupBy}`);
    }
    for (const groupBy of misconductGroupings) {
      await visit("/api/public/stats/misconduct", `/api/public/stats/misconduct?groupBy=${groupBy}`);
      await visit("/data/misconduct", `/data/misconduct?groupBy=${groupBy}`);
    }
    for (const [route, url] of [
      ["/data/victim-support", "/data/victim-support"],
      ["/api/public/victim-support", "/api/public/victim-support"],
      ["/data/allegations", "/data/allegations"],
      ["/data/allegations/feed.atom", "/data/allegations/feed.atom"],
      ["/data/good-practices", "/data/good-practices"],
      ["/data/commitments", "/data/commitments"],
      ["/data/member-states", "/data/member-states"],
      ["/data/member-states/:country", "/data/member-states/NZL"],
      ["/api/public/member-states", "/api/public/member-states"],
      ["/api/public/member-states/:country", "/api/public/member-states/NZL"],
      ["/api/public/missions/command", "/api/public/missions/command"],
      ["/api/public/good-practices", "/api/public/good-practices"],
      ["/api/public/good-practices/files/:fileId", `/api/public/good-practices/files/${await publishedPracticeFile()}`],
      ["/api/public/commitments", "/api/public/commitments"],
      ["/data/world.svg", "/data/world.svg"],
      ["/", "/"],
      ["/help", "/help"],
      ["/sign-in", "/sign-in?next=/cases"],
      ["/report", "/report"],
      ["/report/follow-up", "/report/follow-up"],
      ["/healthz", "/healthz"],
      ["/readyz", "/readyz"],
      ["/api/openapi.json", "/api/openapi.json"],
      // The staff app's page and its offline worker (the web app is built before the tests).
      ["/index.html", "/index.html"],
      ["/sw.js", "/sw.js"],
      ["/manifest.webmanifest", "/manifest.webmanifest"],
      ["/icon.svg", "/icon.svg"],
    ])
      await visit(route, url);
    // Every public page and API that answers GET was read: a new one joins this test or fails it.
    const publicGets = t.app.routeList
      .filter((route) => route.access === "public" && route.method === "GET" && !route.url.startsWith("/api/auth/"))
      .map((route) => route.url);
    expect(publicGets.filter((url) => !visited.has(url))).toEqual([]);
    const everything = bodies.join("\n");
    expect(everything).toContain("UNTSO-2031-0001");
    for (const secret of secrets) expect(everything, secret).not.toContain(secret);
  });
});

describe("commitments", () => {
  it("headquarters records and removes them (audited); the public reads them; others may not write", async () => {
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const focal = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const body = {
      kind: "circle_of_leadership",
      countryCode: "SWE",
      member: "Head of Government",
      joinedOn: "2018-09-24",
    };
    expect((await focal.request({ method: "POST", url: "/api/commitments", payload: body })).statusCode).toBe(403);
    const created = await officer.request({ method: "POST", url: "/api/commitments", payload: body });
    expect(created.statusCode, created.body).toBe(201);
    expect((await officer.request({ method: "POST", url: "/api/commitments", payload: body })).statusCode).toBe(409);
    const future = await officer.request({
      method: "POST",
      url: "/api/commitments",
      payload: { ...body, member: "Other", joinedOn: "2999-01-01" },
    });
    expect(future.statusCode).toBe(400);
    expect(
      (
        await officer.request({ method: "POST", url: "/api/commitments", payload: { ...body, countryCode: "XXX" } })
      ).json().errors,
    ).toEqual([{ path: "countryCode", message: "unknown_country" }]);
    const list = (await get("/api/public/commitments")).json();
    expect(list.items).toContainEqual({ id: created.json().id, ...body });
    expect((await get("/data/commitments?lang=es")).body).toContain("Suecia");
    expect((await officer.request({ method: "DELETE", url: `/api/commitments/${created.json().id}` })).statusCode).toBe(
      204,
    );
    expect((await officer.request({ method: "DELETE", url: `/api/commitments/${created.json().id}` })).statusCode).toBe(
      404,
    );
    const events = await t.handle.asOwner((owner) =>
      owner.query<{ action: string }>(
        "SELECT action FROM audit_events WHERE action LIKE 'commitment.%' ORDER BY occurred_at",
      ),
    );
    expect(events.map((event) => event.action)).toEqual(["commitment.record", "commitment.remove"]);
  });
});
