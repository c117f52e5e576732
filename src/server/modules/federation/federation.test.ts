// Federation with two installations on two databases: WFP keeps its own Conduct Ledger and sends a
// hub its published figures and its screening hashes in a signed bundle. The hub's system-wide
// figures become its own plus the member's; a candidate WFP listed is matched at the hub without
// its case; a bundle changed on the way, replayed, cut short, from an unknown installation, about
// an entity the member was not registered for, or hashed under another key is refused with its
// reason and changes nothing.
import { randomUUID } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { auditEvents } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { adoptFederationScreeningKey, exportScreeningKey } from "../screening/index.js";
import { federationKeys, publishOnUnit as publish, signedBundle } from "../../../../test/helpers/federation-bundle.js";
import { addFederationMember } from "./service.js";
import { patience } from "../../../../test/helpers/patience.js";

let hub: TestApp;
let member: TestApp;
let stranger: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let hubAdmin: Client;
let memberAdmin: Client;
let memberPublicKey: string;

beforeAll(async () => {
  // One after the other: PostgreSQL refuses granting to the app role from concurrent set-ups.
  hub = await createTestApp();
  member = await createTestApp();
  stranger = await createTestApp();
  hubAdmin = await hub.tokenFor(await hub.createStaff("administrator"));
  memberAdmin = await member.tokenFor(await member.createStaff("administrator"));
  memberPublicKey = (await memberAdmin.request({ method: "GET", url: "/api/federation" })).json().publicKey;
}, patience(60_000));
afterAll(() => Promise.all([hub?.close(), member?.close(), stranger?.close()]));

const figures = async (on: TestApp, groupBy = "entity") =>
  (await on.app.inject({ method: "GET", url: `/api/public/system-wide?groupBy=${groupBy}&year=2025` })).json() as {
    key: string;
    count: number;
  }[];

const total = (items: { count: number }[]) => items.reduce((sum, item) => sum + item.count, 0);

const bundleOf = async (admin: Client) => {
  const response = await admin.request({ method: "GET", url: "/api/federation/bundle" });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toBe("application/gzip");
  return response.rawPayload;
};

// With an idempotency key, as the web app sends every write.
const merge = (payload: Buffer) =>
  hubAdmin.request({
    method: "POST",
    url: "/api/federation/bundles",
    headers: { "content-type": "application/gzip", "idempotency-key": randomUUID() },
    payload,
  });

/** The bundle's lines, changed by `change`, zipped again: what someone on the way could do. */
const rewrite = (bundle: Buffer, change: (lines: string[]) => string[]) =>
  gzipSync(`${change(gunzipSync(bundle).toString("utf8").trimEnd().split("\n")).join("\n")}\n`);

const listedCandidate = { name: "Kofi Mensah Asante", dateOfBirth: "1980-04-12", nationalityCode: "GHA" };

describe("two installations federate", () => {
  let memberCaseId: string;
  /** The keys of a member installation the test signs for itself (UNFPA's). */
  let unfpaKeys: ReturnType<typeof federationKeys>;

  it("registers the member for the entities it reports, not for one counted here", async () => {
    await publish(hub, "HUB-UNIT", "UNDP", 2);
    const taken = await hubAdmin.request({
      method: "POST",
      url: "/api/federation/members",
      payload: { code: "WFP-LEDGER", name: "WFP Conduct Ledger", publicKey: memberPublicKey, entityCodes: ["UNDP"] },
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().code).toBe("entity_counted_here");
    const badKey = await hubAdmin.request({
      method: "POST",
      url: "/api/federation/members",
      payload: { code: "WFP-LEDGER", name: "WFP", publicKey: "bm90IGEga2V5", entityCodes: ["WFP"] },
    });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors[0].path).toBe("body.publicKey");
    const added = await hubAdmin.request({
      method: "POST",
      url: "/api/federation/members",
      payload: { code: "WFP-LEDGER", name: "WFP Conduct Ledger", publicKey: memberPublicKey, entityCodes: ["WFP"] },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ code: "WFP-LEDGER", entityCodes: ["WFP"], lastMergedAt: null });
    const again = await hubAdmin.request({
      method: "POST",
      url: "/api/federation/members",
      payload: { code: "WFP-2", name: "Again", publicKey: memberPublicKey, entityCodes: ["WFP"] },
    });
    expect(again.statusCode).toBe(409);
  });

  it("refuses hashes made under another key until the member adopts the hub's", async () => {
    [memberCaseId] = await publish(member, "WFP-SSD", "WFP", 5);
    await publish(member, "WFP-SSD", "WFP", 2, "CIV_UNV");
    const cds = await member.tokenFor(await member.createStaff("cds_officer"));
    const listed = await cds.request({
      method: "POST",
      url: "/api/screening/entries",
      payload: { ...listedCandidate, documentNumbers: ["P-44120"], reason: "substantiated_sea", caseId: memberCaseId },
    });
    expect(listed.statusCode).toBe(201);
    const refused = await merge(await bundleOf(memberAdmin));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("screening_key_differs");
    expect(total(await figures(hub))).toBe(2);
    // Adopting re-hashes only what findings listed; a person put on the list by hand blocks it.
    await expect(
      adoptFederationScreeningKey(member.app.services, await exportScreeningKey(hub.app.services)),
    ).rejects.toMatchObject({ code: "entries_by_hand" });
  });

  it("merges a signed bundle: the hub's figures are its own plus the member's", async () => {
    // The member lists its people again under the hub's key (here: by hand, after emptying its list).
    await inTransaction(member.app.services.db, systemActor, (tx) => tx.execute("delete from screening_entries"));
    await adoptFederationScreeningKey(member.app.services, await exportScreeningKey(hub.app.services));
    const cds = await member.tokenFor(await member.createStaff("cds_officer"));
    await cds.request({
      method: "POST",
      url: "/api/screening/entries",
      payload: { ...listedCandidate, documentNumbers: ["P-44120"], reason: "substantiated_sea", caseId: memberCaseId },
    });
    const memberFigures = await figures(member);
    expect(total(memberFigures)).toBe(7);

    const merged = await merge(await bundleOf(memberAdmin));
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ member: "WFP-LEDGER", figures: 2 });
    expect(merged.json().hashes).toBeGreaterThan(0);

    const hubFigures = await figures(hub);
    expect(hubFigures).toEqual(
      expect.arrayContaining([
        { key: "UNDP", count: 2 },
        { key: "WFP", count: 7 },
      ]),
    );
    expect(total(hubFigures)).toBe(2 + total(memberFigures));
    for (const groupBy of ["category", "status", "quarter"]) expect(total(await figures(hub, groupBy))).toBe(9);
    const report = await hubAdmin.request({
      method: "GET",
      url: "/api/federation",
    });
    expect(report.json().members[0]).toMatchObject({ code: "WFP-LEDGER", figures: 2 });
  });

  it("matches a candidate the member listed, naming WFP and never its case", async () => {
    const officer = await hub.tokenFor(await hub.createStaff("cds_officer"));
    const screened = await officer.request({
      method: "POST",
      url: "/api/screenings",
      payload: { ...listedCandidate, documentNumbers: [] },
    });
    expect(screened.statusCode).toBe(200);
    expect(screened.json()).toMatchObject({
      result: "match",
      matches: [{ result: "match", reason: "substantiated_sea", listedBy: "WFP", caseReference: null }],
    });
    const other = await officer.request({
      method: "POST",
      url: "/api/screenings",
      payload: { name: "Someone Else Entirely", dateOfBirth: null, nationalityCode: null, documentNumbers: [] },
    });
    expect(other.json().result).toBe("no_match");
  });

  it("refuses a bundle changed, replayed, cut short, unknown or off its entities, and changes nothing", async () => {
    const bundle = await bundleOf(memberAdmin);
    const before = await figures(hub);
    const refusals: [Buffer, string][] = [
      // A figure's count raised on the way.
      [
        rewrite(bundle, (lines) =>
          lines.map((line) => line.replace(/^(\["f",.*,)(\d+)\]$/, (_, a, n) => `${a}${Number(n) + 40}]`)),
        ),
        "bad_signature",
      ],
      [rewrite(bundle, (lines) => lines.filter((line) => !line.startsWith('["s"'))), "bad_signature"],
      [rewrite(bundle, (lines) => lines.slice(0, -1)), "not_signed"],
      [Buffer.from("name,count\nWFP,3\n"), "not_a_bundle"],
      [gzipSync('{"hello":"world"}\n'), "not_a_bundle"],
      [await bundleOf(await stranger.tokenFor(await stranger.createStaff("administrator"))), "unknown_installation"],
    ];
    for (const [payload, reason] of refusals) {
      const refused = await merge(payload);
      expect(refused.statusCode, reason).toBe(422);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.json().code).toBe(reason);
    }
    expect(await figures(hub)).toEqual(before);

    expect((await merge(bundle)).statusCode).toBe(200);
    const replayed = await merge(bundle);
    expect(replayed.json().code).toBe("replayed");

    // The member starts reporting an entity it was not registered for.
    await publish(member, "UNHCR-SSD", "UNHCR", 1);
    const offEntity = await merge(await bundleOf(memberAdmin));
    expect(offEntity.json()).toMatchObject({ code: "entity_not_registered" });
    expect(offEntity.json().detail).toContain("UNHCR");
    expect(await figures(hub)).toEqual(before);

    const audited = await inTransaction(hub.app.services.db, systemActor, (tx) =>
      tx
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(eq(auditEvents.action, "federation.bundle.refuse")),
    );
    expect(audited.map((event) => (event.details as { reason: string }).reason).sort()).toEqual(
      [...refusals.map(([, reason]) => reason), "replayed", "entity_not_registered", "screening_key_differs"].sort(),
    );
  });

  it("refuses a signed bundle that gives a figure twice, or lines after its signature", async () => {
    unfpaKeys = federationKeys();
    const keys = unfpaKeys;
    await addFederationMember(hub.app.services, systemActor, {
      code: "UNFPA-LEDGER",
      name: "UNFPA Conduct Ledger",
      publicKey: keys.publicKey,
      entityCodes: ["UNFPA"],
    });
    const figure = ["f", 2025, 1, "UNFPA", "un_staff", "substantiated", 3];
    const twice = await merge(signedBundle(keys, [figure, figure]));
    expect(twice.json()).toMatchObject({ code: "bad_line", detail: expect.stringContaining("twice") });
    const after = rewrite(signedBundle(keys, [figure]), (lines) => [...lines, JSON.stringify(figure)]);
    expect((await merge(after)).json()).toMatchObject({ code: "bad_line", errors: [{ path: "line 4" }] });
    const once = await merge(signedBundle(keys, [figure]));
    expect(once.json()).toMatchObject({ member: "UNFPA-LEDGER", figures: 1, hashes: 0 });
    expect(await figures(hub)).toContainEqual({ key: "UNFPA", count: 3 });
  });

  it("removes a member: its figures and screening hashes stop counting at once, audited", async () => {
    const officer = await hub.tokenFor(await hub.createStaff("cds_officer"));
    expect((await officer.request({ method: "DELETE", url: "/api/federation/members/UNFPA-LEDGER" })).statusCode).toBe(
      403,
    );
    const removed = await hubAdmin.request({ method: "DELETE", url: "/api/federation/members/UNFPA-LEDGER" });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ member: "UNFPA-LEDGER", figures: 1, hashes: 0 });
    expect((await figures(hub)).map((row) => row.key)).not.toContain("UNFPA");
    const gone = await hubAdmin.request({ method: "DELETE", url: "/api/federation/members/UNFPA-LEDGER" });
    expect(gone.statusCode).toBe(404);
    // Its bundles are now from an installation nobody registered.
    expect((await merge(signedBundle(unfpaKeys, []))).json().code).toBe("unknown_installation");

    // WFP's hashes go with WFP: the candidate it listed no longer matches here.
    expect(
      (await hubAdmin.request({ method: "DELETE", url: "/api/federation/members/WFP-LEDGER" })).json(),
    ).toMatchObject({
      member: "WFP-LEDGER",
      figures: 2,
    });
    const screened = await officer.request({
      method: "POST",
      url: "/api/screenings",
      payload: { ...listedCandidate, documentNumbers: [] },
    });
    expect(screened.json().result).toBe("no_match");
    expect(await figures(hub)).toEqual([{ key: "UNDP", count: 2 }]);
    const audited = await inTransaction(hub.app.services.db, systemActor, (tx) =>
      tx
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(eq(auditEvents.action, "federation.member.remove")),
    );
    expect(audited.map((event) => (event.details as { member: string }).member).sort()).toEqual([
      "UNFPA-LEDGER",
      "WFP-LEDGER",
    ]);
  });

  it("keeps federation to administrators", async () => {
    const officer = await hub.tokenFor(await hub.createStaff("cds_officer"));
    for (const [method, url] of [
      ["GET", "/api/federation"],
      ["GET", "/api/federation/bundle"],
    ] as const)
      expect((await officer.request({ method, url })).statusCode).toBe(403);
    const upload = await officer.request({
      method: "POST",
      url: "/api/federation/bundles",
      headers: { "content-type": "application/gzip" },
      payload: gzipSync("{}\n"),
    });
    expect(upload.statusCode).toBe(403);
  });
});
