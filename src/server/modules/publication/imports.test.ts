// Withdrawing an import of history: a wrong file's allegations leave the public table and every
// published figure exactly as they came in, the import stays listed with its reason, the trail says
// who did it, and the same references may be imported again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { shortImportColumns } from "../../../domain/allegation-import.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let hq: Client;
const csv = (...rows: string[]) => `${[shortImportColumns.join(","), ...rows].join("\n")}\n`;
const rightFile = csv(
  "WD-RIGHT-1,2019-03,MINUSCA,Military (MC),Gabon,SA,2,1,Yes,NIO,120,Substantiated,Repatriation,Imprisonment,Yes",
  "WD-RIGHT-2,2019-05,MINUSCA,Police (FPU),COG,SE,1,0,No,OIOS,200,Not substantiated,,,No",
);
// The wrong file shares a year, a mission and a pair with the right one: only its own units may go.
const wrongFile = csv(
  "WD-WRONG-1,2019-04,MINUSCA,Military (MC),Gabon,SE,1,0,No,,,,,,",
  'WD-WRONG-2,2019-08,MINUSCA,"Military (MC);Civilian (INT)",Senegal,SA,1,1,No,,,,,,',
);

const importFile = async (text: string, fileName: string) => {
  const response = await hq.request({
    method: "POST",
    url: "/api/publication/import",
    payload: { csv: text, fileName },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { importId: string; created: number; unchanged: number };
};
const withdraw = (id: string, reason: unknown = "The 2019 file of another mission was imported by mistake.") =>
  hq.request({ method: "POST", url: `/api/publication/imports/${id}/withdraw`, payload: { reason } });
/** Everything the public reads of 2019: the table, the figures by nationality and the system-wide ones. */
const published2019 = async () => {
  const read = async (url: string) => {
    const response = await t.app.inject({ method: "GET", url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  return {
    table: ((await read("/api/public/allegations?year=2019&limit=100")).items as { reference: string }[])
      .map((row) => row.reference)
      .sort(),
    byNationality: await read("/api/public/stats/allegations?year=2019&groupBy=nationality"),
    byCategory: await read("/api/public/stats/allegations?year=2019&groupBy=category"),
    systemWide: await read("/api/public/system-wide?year=2019&groupBy=category"),
  };
};

beforeAll(async () => {
  t = await createTestApp();
  hq = await t.tokenFor(await t.createStaff("cds_officer"));
});
afterAll(() => t.close());

describe("withdrawing an import", () => {
  it("takes a wrong file back out of every published figure, keeps it listed with its reason, and lets it in again", async () => {
    const before = await published2019();
    const right = await importFile(rightFile, "minusca-2019.csv");
    const onlyRight = await published2019();
    expect(onlyRight.table).toEqual(["WD-RIGHT-1", "WD-RIGHT-2"]);
    const wrong = await importFile(wrongFile, "unmiss-2019.csv");
    expect(wrong.created).toBe(2);
    const both = await published2019();
    // A row per category: the soldier and the civilian of WD-WRONG-2 are two rows of the table.
    expect(both.table).toEqual(["WD-RIGHT-1", "WD-RIGHT-2", "WD-WRONG-1", "WD-WRONG-2", "WD-WRONG-2"]);
    expect(both.byNationality).not.toEqual(onlyRight.byNationality);
    expect(both.systemWide).not.toEqual(onlyRight.systemWide);

    const withdrawn = await withdraw(wrong.importId);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toEqual({ allegations: 2 });
    // The right file's figures are as they were before the wrong one came in.
    expect(await published2019()).toEqual(onlyRight);

    const listed = await hq.request({ method: "GET", url: "/api/publication/imports" });
    expect(listed.statusCode, listed.body).toBe(200);
    const [newest, older] = listed.json();
    expect(newest).toMatchObject({
      id: wrong.importId,
      sourceFile: "unmiss-2019.csv",
      rows: 2,
      created: 2,
      withdrawalReason: "The 2019 file of another mission was imported by mistake.",
    });
    expect(newest.importedBy).toMatch(/^cds_officer /);
    expect(Date.parse(newest.withdrawnAt)).toBeGreaterThanOrEqual(Date.parse(newest.importedAt));
    expect(older).toMatchObject({ id: right.importId, created: 2, withdrawnAt: null, withdrawalReason: null });

    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ subject_type: string; subject_id: string; details: Record<string, unknown> }>(
        "select subject_type, subject_id, details from audit_events where action = 'publication.import_withdraw'",
      ),
    );
    expect(event).toMatchObject({
      subject_type: "publication",
      subject_id: wrong.importId,
      details: { allegations: 2, reason: "The 2019 file of another mission was imported by mistake." },
    });

    // Its references are free again: the corrected file imports them anew.
    const again = await importFile(wrongFile, "unmiss-2019-corrected.csv");
    expect(again).toMatchObject({ created: 2, unchanged: 0 });
    expect(await published2019()).toEqual(both);

    // Withdrawing the right one too leaves 2019 as it was before either.
    expect((await withdraw(right.importId)).statusCode).toBe(200);
    expect((await withdraw(again.importId)).statusCode).toBe(200);
    expect(await published2019()).toEqual(before);
  });

  it("refuses a second withdrawal, an unknown import and a missing reason, changing nothing", async () => {
    const made = await importFile(csv("WD-TWICE-1,2018-02,MINUSCA,Military (MC),Gabon,SE,1,0,No,,,,,,"), "twice.csv");
    const noReason = await withdraw(made.importId, " ");
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers["content-type"]).toContain("application/problem+json");
    expect((await withdraw(made.importId)).statusCode).toBe(200);
    const twice = await withdraw(made.importId);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: "already_withdrawn" });
    const unknown = await withdraw("00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
    const [{ n }] = await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>(
        "select count(*)::int as n from audit_events where action = 'publication.import_withdraw' and subject_id = $1",
        [made.importId],
      ),
    );
    expect(n).toBe(1);
  });
});
