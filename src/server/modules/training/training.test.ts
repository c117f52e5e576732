// Training: a State records and certifies its national pre-deployment training for a contingent, the
// mission's team records induction and imports attendance lists, and coverage flags the gaps. RLS
// keeps a State to its own contingents and training.
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipBomb } from "../../../../test/helpers/files.js";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { trainingSessions } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let monusco: Client;
let minusca: Client;
let hq: Client;
let ghana: Client;
let senegal: Client;
let analyst: Client;
const course = {} as Record<string, string>;
let contingentId: string;
let senegalContingentId: string;

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const base64 = (text: string) => Buffer.from(text).toString("base64");

beforeAll(async () => {
  t = await createTestApp();
  monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  minusca = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
  hq = await t.tokenFor(await t.createStaff("cds_officer"));
  ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
  senegal = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "SEN" }));
  analyst = await t.tokenFor(await t.createStaff("analyst"));
  for (const item of (await hq.request({ method: "GET", url: "/api/training/courses" })).json().items)
    course[item.kind] = item.id;
});
afterAll(() => t.close());

const session = (client: Client, body: object) =>
  client.request({
    method: "POST",
    url: "/api/training/sessions",
    payload: {
      trainer: "Trainer",
      startsOn: daysFromToday(-40),
      endsOn: daysFromToday(-38),
      participants: 120,
      completions: 120,
      ...body,
    },
  });
const overview = async (client: Client, query = "") =>
  (await client.request({ method: "GET", url: `/api/training${query}` })).json();

describe("courses and contingents", () => {
  it("comes with the standard courses; headquarters alone adds one", async () => {
    expect(Object.keys(course).sort()).toEqual([
      "induction",
      "nio_training_of_trainers",
      "pre_deployment",
      "refresher",
      "sea_elearning",
    ]);
    const add = (client: Client) =>
      client.request({
        method: "POST",
        url: "/api/training/courses",
        payload: {
          code: "CD-COMMANDERS",
          title: "Conduct and discipline for commanders",
          kind: "refresher",
          validityMonths: 24,
        },
      });
    expect((await add(monusco)).statusCode).toBe(403);
    expect((await add(hq)).statusCode).toBe(201);
    expect((await add(hq)).json().code).toBe("course_exists");
  });

  it("a mission's team records its contingents; another mission's cannot", async () => {
    const body = {
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: "GHANBATT-1",
      categoryCode: "MIL_MC",
      strength: 120,
      deployedOn: daysFromToday(-30),
    };
    const created = await monusco.request({ method: "POST", url: "/api/training/contingents", payload: body });
    expect(created.statusCode).toBe(201);
    contingentId = created.json().id;
    expect(
      (
        await minusca.request({
          method: "POST",
          url: "/api/training/contingents",
          payload: { ...body, name: "GHANBATT-9" },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await monusco.request({ method: "POST", url: "/api/training/contingents", payload: body })).json().code,
    ).toBe("contingent_exists");
    const other = await hq.request({
      method: "POST",
      url: "/api/training/contingents",
      payload: { ...body, countryCode: "SEN", name: "SENFPU-2", categoryCode: "POL_FPU", strength: 140 },
    });
    senegalContingentId = other.json().id;
  });
});

describe("a State's pre-deployment training", () => {
  let sessionId: string;

  it("the State records it for its contingent; a mission cannot record a State's national training", async () => {
    const recorded = await session(ghana, {
      courseId: course.pre_deployment,
      missionCode: null,
      countryCode: "GHA",
      contingentId,
      audienceCategoryCode: "MIL_MC",
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    sessionId = recorded.json().id;
    expect(
      (
        await session(ghana, {
          courseId: course.pre_deployment,
          missionCode: null,
          countryCode: "GHA",
          contingentId: senegalContingentId,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await session(ghana, { courseId: course.pre_deployment, missionCode: null, countryCode: "SEN" })).statusCode,
    ).toBe(403);
    expect(
      (await session(monusco, { courseId: course.pre_deployment, missionCode: "MONUSCO", countryCode: null })).json()
        .code,
    ).toBe("pre_deployment_is_national");
    expect(
      (await session(ghana, { courseId: course.induction, missionCode: null, countryCode: "GHA" })).json().code,
    ).toBe("mission_required");
    expect(
      (
        await session(ghana, {
          courseId: course.pre_deployment,
          missionCode: null,
          countryCode: "GHA",
          completions: 130,
        })
      ).json().code,
    ).toBe("completions_over_participants");
    expect(
      (
        await session(ghana, {
          courseId: course.pre_deployment,
          missionCode: null,
          countryCode: "GHA",
          endsOn: daysFromToday(2),
        })
      ).json().code,
    ).toBe("date_in_future");
  });

  it("is flagged until the State certifies it; only that State's focal point certifies, once", async () => {
    const before = (await overview(monusco)).contingents.find((c: { id: string }) => c.id === contingentId);
    expect(before.coverage.gaps).toEqual(["pre_deployment_not_certified", "induction_below_target"]);
    expect(before.coverage.shares.pre_deployment).toBe(1);
    const certify = (client: Client) =>
      client.request({
        method: "POST",
        url: `/api/training/sessions/${sessionId}/certification`,
        payload: { statement: "All 120 members of GHANBATT-1 completed the CPTM before deployment." },
      });
    expect((await certify(senegal)).statusCode).toBe(404);
    expect((await certify(hq)).statusCode).toBe(403);
    expect((await certify(monusco)).statusCode).toBe(403);
    const done = await certify(ghana);
    expect(done.statusCode).toBe(200);
    expect((await certify(ghana)).json().code).toBe("already_certified");
    const after = (await overview(monusco)).contingents.find((c: { id: string }) => c.id === contingentId);
    // Certified today, after the contingent deployed a month ago: recorded, and flagged as late.
    expect(after.coverage.certifiedOn).toBe(done.json().certifiedOn);
    expect(after.coverage.gaps).toEqual(["certified_after_deployment", "induction_below_target"]);
  });
});

describe("induction and attendance lists", () => {
  let inductionId: string;

  it("the mission records induction; coverage counts those who completed it", async () => {
    const recorded = await session(monusco, {
      courseId: course.induction,
      missionCode: "MONUSCO",
      countryCode: "GHA",
      contingentId,
      participants: 100,
      completions: 90,
    });
    expect(recorded.statusCode).toBe(201);
    inductionId = recorded.json().id;
    const unit = (await overview(monusco)).contingents.find((c: { id: string }) => c.id === contingentId);
    expect(unit.coverage.shares.induction).toBe(0.75);
    expect(
      (await session(minusca, { courseId: course.induction, missionCode: "MONUSCO", countryCode: null })).statusCode,
    ).toBe(403);
    expect(
      (
        await session(minusca, { courseId: course.induction, missionCode: "MINUSCA", countryCode: null, contingentId })
      ).json().code,
    ).toBe("unknown_contingent");
  });

  it("refuses a list with bad rows, naming each line, and stores nothing of it", async () => {
    const list = [
      "service_number,completed,name",
      "GH-1001,Yes,Kwame",
      "GH-1002,maybe,Yaw",
      ",Yes,Nobody",
      "gh1001,No,Kwame again",
    ].join("\n");
    const response = await monusco.request({
      method: "POST",
      url: `/api/training/sessions/${inductionId}/attendance`,
      payload: { fileName: "list.csv", contentBase64: base64(list) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("attendance_invalid");
    expect(response.json().errors).toEqual([
      { path: "line 3", message: 'completed must be Yes or No, not "maybe"' },
      { path: "line 4", message: "service_number is missing or too short" },
      { path: "line 5", message: "the same person is already on line 2" },
    ]);
    const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.select().from(trainingSessions).where(sql`${trainingSessions.id} = ${inductionId}`),
    );
    expect([row.participants, row.completions, row.attendanceImportedAt]).toEqual([100, 90, null]);
    const skipped = await monusco.request({
      method: "POST",
      url: `/api/training/sessions/${inductionId}/attendance`,
      payload: { fileName: "list.csv", contentBase64: base64(list), skipInvalid: true },
    });
    expect(skipped.json()).toMatchObject({
      participants: 1,
      completions: 1,
      rejected: [{ line: 3 }, { line: 4 }, { line: 5 }],
    });
  });

  it("imports an XLSX list, keeps no service number or name, and counts each person once across sessions", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Attendance");
    sheet.addRow(["service_number", "completed", "name"]);
    for (let i = 0; i < 60; i++) sheet.addRow([`GH-${2000 + i}`, i < 55 ? "Yes" : "No", `Person ${i}`]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    const imported = await monusco.request({
      method: "POST",
      url: `/api/training/sessions/${inductionId}/attendance`,
      payload: { fileName: "list.xlsx", contentBase64: content },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ participants: 60, completions: 55, rejected: [] });
    // A second induction session with 30 of the same people and 10 new ones.
    const second = (
      await session(monusco, {
        courseId: course.induction,
        missionCode: "MONUSCO",
        countryCode: "GHA",
        contingentId,
        participants: 0,
        completions: 0,
      })
    ).json().id;
    const again = [
      "service_number,completed",
      ...Array.from({ length: 30 }, (_, i) => `gh ${2000 + i},oui`),
      ...Array.from({ length: 10 }, (_, i) => `GH-${3000 + i},yes`),
    ].join("\n");
    expect(
      (
        await monusco.request({
          method: "POST",
          url: `/api/training/sessions/${second}/attendance`,
          payload: { fileName: "b.csv", contentBase64: base64(again) },
        })
      ).statusCode,
    ).toBe(200);
    const unit = (await overview(monusco)).contingents.find((c: { id: string }) => c.id === contingentId);
    expect(unit.coverage.trained.induction).toBe(65);
    const stored = await t.handle.asOwner((owner) =>
      owner.query<{ k: string }>("select participant_key as k from training_attendance"),
    );
    // Keyed hashes only: 43 characters of base64url, never the number itself.
    expect(stored.every((s) => /^[A-Za-z0-9_-]{43}$/.test(s.k))).toBe(true);
    const audit = await t.handle.asOwner((owner) =>
      owner.query<{ details: string }>(
        "select details::text from audit_events where action = 'training.attendance.import'",
      ),
    );
    expect(audit.map((a) => a.details).join()).not.toMatch(/GH-?\d|Person/);
  });

  it("refuses a file that is neither CSV nor XLSX, and a wrong header", async () => {
    const broken = await monusco.request({
      method: "POST",
      url: `/api/training/sessions/${inductionId}/attendance`,
      payload: { fileName: "x.xlsx", contentBase64: Buffer.from("PK\u0003\u0004garbage").toString("base64") },
    });
    expect(broken.json().code).toBe("file_unreadable");
    const header = await monusco.request({
      method: "POST",
      url: `/api/training/sessions/${inductionId}/attendance`,
      payload: { fileName: "x.csv", contentBase64: base64("name,done\nA,yes") },
    });
    expect(header.json().code).toBe("bad_header");
  });

  it("refuses a workbook that would unpack to hundreds of megabytes, before reading it, and stores nothing", async () => {
    const attendance = async () =>
      (
        await t.handle.asOwner((owner) =>
          owner.query<{ n: number }>("select count(*)::int as n from training_attendance"),
        )
      )[0].n;
    const before = await attendance();
    const bomb = await monusco.request({
      method: "POST",
      url: `/api/training/sessions/${inductionId}/attendance`,
      payload: { fileName: "list.xlsx", contentBase64: zipBomb().toString("base64") },
    });
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json()).toMatchObject({ code: "file_archive_too_large", detail: expect.stringContaining("100 MB") });
    expect(await attendance()).toBe(before);
  });
});

describe("who sees which training", () => {
  it("a State sees its own contingents and training; a mission its own; analysts all", async () => {
    const names = (data: { contingents: { name: string }[] }) => data.contingents.map((c) => c.name).sort();
    expect(names(await overview(ghana))).toEqual(["GHANBATT-1"]);
    expect(names(await overview(senegal))).toEqual(["SENFPU-2"]);
    expect((await overview(senegal)).sessions).toEqual([]);
    expect(names(await overview(minusca))).toEqual([]);
    expect(names(await overview(analyst))).toEqual(["GHANBATT-1", "SENFPU-2"]);
    expect(
      (await ghana.request({ method: "GET", url: "/api/training" }))
        .json()
        .sessions.every((s: { countryCode: string }) => s.countryCode === "GHA"),
    ).toBe(true);
    const victimAssistance = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] }));
    expect((await victimAssistance.request({ method: "GET", url: "/api/training" })).statusCode).toBe(403);
  });

  it("row-level security alone keeps a State to its own", async () => {
    const as = (role: Actor["role"], scope: Partial<Actor> = {}): Actor => ({
      ...systemActor,
      userId: "someone",
      role,
      via: "token",
      ...scope,
    });
    const count = (who: Actor, table: string) =>
      inTransaction(
        t.app.services.db,
        who,
        async (tx) =>
          (
            (await tx.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
              rows: { n: number }[];
            }
          ).rows[0].n,
      );
    expect(await count(as("member_state_focal_point", { countryCode: "SEN" }), "training_sessions")).toBe(0);
    expect(await count(as("member_state_focal_point", { countryCode: "SEN" }), "training_attendance")).toBe(0);
    expect(await count(as("member_state_focal_point", { countryCode: "GHA" }), "training_attendance")).toBeGreaterThan(
      0,
    );
    expect(await count(as("cdt_officer", { missionCodes: ["MINUSCA"] }), "contingents")).toBe(0);
    for (const role of ["victim_assistance", "investigator", "publisher", "auditor", "administrator"] as const) {
      expect(await count(as(role, { missionCodes: ["MONUSCO"], countryCode: "GHA" }), "training_sessions"), role).toBe(
        0,
      );
      expect(await count(as(role, { missionCodes: ["MONUSCO"], countryCode: "GHA" }), "contingents"), role).toBe(0);
    }
    const write = inTransaction(t.app.services.db, as("member_state_focal_point", { countryCode: "SEN" }), (tx) =>
      tx.insert(trainingSessions).values({
        courseId: course.pre_deployment,
        countryCode: "GHA",
        startsOn: "2026-01-01",
        endsOn: "2026-01-02",
        trainer: "x",
        participants: 1,
        completions: 1,
      }),
    );
    expect(
      await write.then(
        () => null,
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      ),
    ).toMatch(/row-level security/);
  });
});
