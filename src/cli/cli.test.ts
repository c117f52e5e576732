// The `conduct` command end to end on a real database: users, tokens, audit verify, key rotation,
// backup and restore, and the embedded database's one-process rule.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { importColumns } from "../domain/allegation-import.js";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/database.js";
import { openDatabase } from "../db/connection.js";
import { readConfig } from "../server/config.js";
import { openRuntime } from "../server/runtime.js";
import { encryptedColumns, FieldEncryption, fieldContext } from "../server/security/encryption.js";
import { main, withApp } from "./main.js";
import { seedSystemUnits } from "../seed/demo.js";
import { BUNDLE_FORMAT } from "../domain/federation.js";
import { federationKeys, signedBundle } from "../../test/helpers/federation-bundle.js";

let database: TestDatabase;
const dataDir = mkdtempSync(path.join(tmpdir(), "conduct-cli-"));

async function conduct(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => out.push(String(chunk)) > 0);
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => err.push(String(chunk)) > 0);
  try {
    const code = await main(args);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

// The command line reads its settings from the environment: they are set for this file and put back
// after it, since the next test file runs in the same process.
const settings = ["CONDUCT_DATA_DIR", "DATABASE_URL", "CONDUCT_MASTER_KEY"] as const;
const savedSettings = Object.fromEntries(settings.map((name) => [name, process.env[name]]));
beforeAll(async () => {
  database = await createTestDatabase();
  process.env.CONDUCT_DATA_DIR = dataDir;
  if (database.url) process.env.DATABASE_URL = database.url;
  delete process.env.CONDUCT_MASTER_KEY;
});
afterAll(async () => {
  for (const name of settings)
    if (savedSettings[name] === undefined) delete process.env[name];
    else process.env[name] = savedSettings[name];
  await database.drop();
});

/** Every encrypted narrative, decrypted with the key material on disk now. */
async function decryptAllNarratives(): Promise<string[]> {
  const runtime = await openRuntime(readConfig(), "test");
  try {
    const encryption = new FieldEncryption(runtime.masterKey);
    const rows = await runtime.handle.asOwner((owner) =>
      owner.query<{ id: string; narrative_encrypted: string }>(
        "SELECT id, narrative_encrypted FROM cases WHERE narrative_encrypted IS NOT NULL ORDER BY reference",
      ),
    );
    return await Promise.all(
      rows.map((row) =>
        encryption.decrypt(
          runtime.handle.db,
          row.narrative_encrypted,
          fieldContext("cases", "narrative_encrypted", row.id),
        ),
      ),
    );
  } finally {
    await runtime.release();
  }
}

/** Every non-empty encrypted value in the database, whatever its table. */
async function countEncryptedFields(): Promise<number> {
  const runtime = await openRuntime(readConfig(), "test");
  try {
    let total = 0;
    for (const { table, column } of encryptedColumns) {
      const [row] = await runtime.handle.asOwner((owner) =>
        owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} IS NOT NULL`),
      );
      total += row.n;
    }
    return total;
  } finally {
    await runtime.release();
  }
}

/** The rows of a backup file, without its header (which names the time it was made). */
function backupRows(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n").slice(1);
}

describe("conduct CLI", () => {
  it("loads demo data into an empty database, once", async () => {
    expect((await conduct("seed", "--demo")).code).toBe(0);
    const again = await conduct("seed", "--demo");
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("only loaded into an empty database");
  });

  it("creates a staff account and prints its TOTP secret as one JSON line", async () => {
    const result = await conduct(
      "users",
      "create",
      "--email",
      "Officer@Test.Conduct.org",
      "--role",
      "cdt_officer",
      "--mission",
      "monusco",
      "--entity",
      "unicef",
      "--password",
      "a-long-enough-password",
    );
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout.trim());
    expect(printed).toMatchObject({
      email: "officer@test.conduct.org",
      role: "cdt_officer",
      missionCodes: ["MONUSCO"],
      entityCodes: ["UNICEF"],
      twoFactorEnabled: true,
    });
    expect(printed.totpSecret).toMatch(/^[A-Z2-7]{32,}$/);
  });

  it("refuses an unknown role with a clear message", async () => {
    const result = await conduct("users", "create", "--email", "x@test.conduct.org", "--role", "emperor");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown role emperor");
  });

  it("creates an API token for a user", async () => {
    const result = await conduct("tokens", "create", "--email", "officer@test.conduct.org", "--name", "nightly");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^ctk_[A-Za-z0-9_-]{40,}$/);
  });

  it("rotates the data key and the master key; every sensitive field still reads, and the trail verifies", async () => {
    const before = await decryptAllNarratives();
    expect(before.length).toBeGreaterThan(0);
    const encryptedFields = await countEncryptedFields();
    expect(encryptedFields).toBeGreaterThan(before.length);
    const rotated = await conduct("keys", "rotate");
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain(`${encryptedFields} fields re-encrypted`);
    expect((await conduct("keys", "rotate", "--master")).code).toBe(0);
    expect(await decryptAllNarratives()).toEqual(before);
    const verified = await conduct("audit", "verify");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain("Audit trail intact");
  });

  it("backs up and restores every record", async () => {
    const file = path.join(dataDir, "backup.jsonl.gz");
    const backup = await conduct("backup", file);
    expect(backup.code).toBe(0);
    const total = Number(/Backed up (\d+) records/.exec(backup.stdout)?.[1]);
    expect(
      (
        await conduct(
          "users",
          "create",
          "--email",
          "after.backup@test.conduct.org",
          "--role",
          "analyst",
          "--password",
          "a-long-enough-password",
        )
      ).code,
    ).toBe(0);
    const restore = await conduct("restore", file);
    expect(restore.code, restore.stderr).toBe(0);
    expect(Number(/Restored (\d+) records/.exec(restore.stdout)?.[1])).toBe(total);
    const again = path.join(dataDir, "after-restore.jsonl.gz");
    expect((await conduct("backup", again)).code).toBe(0);
    expect(backupRows(again)).toEqual(backupRows(file));
    const gone = await conduct("tokens", "create", "--email", "after.backup@test.conduct.org", "--name", "x");
    expect(gone.stderr).toContain("No account with email");
    expect((await conduct("audit", "verify")).code).toBe(0);
  });

  it("imports historical allegations: a bad line refuses the file, --skip-invalid writes the rejects, a second import changes nothing", async () => {
    const file = path.join(dataDir, "history.csv");
    writeFileSync(
      file,
      [
        "reference,date_reported,mission,category_of_personnel,nationality,allegation,victims,victims_children,paternity_claim,investigating_entity,investigation_days,findings,interim_action,final_action,criminal_referral",
        "CLI-HIST-1,2016-04,MINUSCA,Military (MC),Gabon,SA,1,1,No,NIO,150,Substantiated,Repatriation,,No",
        "CLI-HIST-2,2016-13,MINUSCA,Military (MC),GAB,SA,1,0,No,,,,,,",
        "CLI-HIST-3,2016-09,MONUSCO,Civilian (INT),,SE,1,0,No,OIOS,95,Not substantiated,,,No",
      ].join("\n"),
    );
    const refused = await conduct("import", "allegations", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("line 3: date_reported must be YYYY-MM");
    const imported = await conduct("import", "allegations", file, "--skip-invalid");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("3 rows read: 2 allegations imported, 0 already imported, 1 rejected");
    expect(readFileSync(path.join(dataDir, "history.rejects.csv"), "utf8")).toContain("CLI-HIST-2,2016-13");
    expect((await conduct("import", "allegations", file, "--skip-invalid")).stdout).toContain(
      "0 allegations imported, 2 already imported",
    );
    // A wrong import is taken back by its identifier, and its rows may come in again.
    const importId = /Import ([0-9a-f-]{36})/.exec(imported.stdout)?.[1] as string;
    expect((await conduct("import", "list")).stdout).toMatch(
      new RegExp(`${importId}  \\S+  history.csv  2 imported of 3 rows`),
    );
    expect((await conduct("import", "withdraw", importId)).code).toBe(2);
    const notAnId = await conduct("import", "withdraw", "history.csv", "--reason", "Wrong file");
    expect(notAnId.code).toBe(2);
    expect(notAnId.stderr).toContain("history.csv is not an import identifier");
    const withdrawn = await conduct("import", "withdraw", importId, "--reason", "Imported twice by mistake");
    expect(withdrawn.stdout).toContain("Withdrawn: 2 allegations left the public table");
    expect((await conduct("import", "list")).stdout).toMatch(/withdrawn \S+: Imported twice by mistake/);
    expect((await conduct("import", "allegations", file, "--skip-invalid")).stdout).toContain(
      "2 allegations imported, 0 already imported",
    );
  });

  it("round trip: an export imported into an empty database exports the very same file", async () => {
    const first = path.join(dataDir, "round-trip.csv");
    expect((await conduct("export", "allegations", "--out", first)).code).toBe(0);
    const empty = await createTestDatabase();
    const emptyDir = mkdtempSync(path.join(tmpdir(), "conduct-empty-"));
    const saved = { dir: process.env.CONDUCT_DATA_DIR, url: process.env.DATABASE_URL };
    try {
      process.env.CONDUCT_DATA_DIR = emptyDir;
      if (empty.url) process.env.DATABASE_URL = empty.url;
      // The demo's history names other entities' offices: the importing installation knows them.
      await withApp("test set-up", (app) => seedSystemUnits(app.services));
      const imported = await conduct("import", "allegations", first);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/ 0 already imported, 0 rejected/);
      const second = path.join(emptyDir, "round-trip.csv");
      expect((await conduct("export", "allegations", "--out", second)).code).toBe(0);
      expect(readFileSync(second, "utf8").split("\n").length).toBeGreaterThan(100);
      expect(readFileSync(second, "utf8")).toBe(readFileSync(first, "utf8"));
    } finally {
      process.env.CONDUCT_DATA_DIR = saved.dir;
      if (saved.url) process.env.DATABASE_URL = saved.url;
      await empty.drop();
    }
  });

  it("exports the published allegations in the same layout, as CSV or XLSX; the export imports back without change", async () => {
    const csv = path.join(dataDir, "export.csv");
    const exported = await conduct("export", "allegations", "--out", csv);
    expect(exported.code, exported.stderr).toBe(0);
    const lines = readFileSync(csv, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(importColumns.join(","));
    expect(lines.find((line) => line.startsWith("CLI-HIST-3,"))).toBe(
      "CLI-HIST-3,2016-09,MONUSCO,Civilian (INT),,SE,,,,1,0,0,0,0,0,No,,OIOS,95,Not substantiated,,,,,No",
    );
    expect(exported.stdout).toContain(`${lines.length - 1} published allegations written to ${csv}`);
    const again = await conduct("import", "allegations", csv, "--skip-invalid");
    // The imported history comes back unchanged; cases recorded here (the demo's published ones) are refused, not duplicated.
    expect(again.stdout).toMatch(/: 0 allegations imported, \d+ already imported/);
    const xlsx = path.join(dataDir, "export.xlsx");
    expect((await conduct("export", "allegations", "--format", "xlsx", "--out", xlsx)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet("Allegations");
    expect(sheet?.rowCount).toBe(lines.length);
    expect((await conduct("export", "allegations", "--format", "pdf")).stderr).toContain("--format is csv or xlsx");
  });

  it("federates: prints its key, writes its signed bundle, registers a member, merges its bundle and refuses a changed one", async () => {
    const identity = await conduct("federation", "identity");
    expect(identity.code).toBe(0);
    const { publicKey, keyFingerprint } = JSON.parse(identity.stdout);
    expect(keyFingerprint).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const own = path.join(dataDir, "own.ndjson.gz");
    const exported = await conduct("federation", "export", own);
    expect(exported.code).toBe(0);
    const lines = gunzipSync(readFileSync(own)).toString("utf8").trimEnd().split("\n");
    expect(JSON.parse(lines[0])).toMatchObject({ format: BUNDLE_FORMAT, publicKey });
    expect(lines.filter((line) => line.startsWith('["f"')).length).toBeGreaterThan(0);
    expect(exported.stdout).toContain(`${lines.filter((line) => line.startsWith('["f"')).length} figures`);
    expect(JSON.parse(lines[lines.length - 1])).toHaveProperty("signature");

    const member = federationKeys();
    const badCode = await conduct(
      "federation",
      "member",
      "add",
      "--code",
      "wfp ledger",
      "--name",
      "WFP",
      "--key",
      member.publicKey,
      "--entity",
      "WFP",
    );
    expect(badCode.code).toBe(2);
    expect(badCode.stderr).toContain("--code");
    const added = await conduct(
      "federation",
      "member",
      "add",
      "--code",
      "WFP-LEDGER",
      "--name",
      "WFP Ledger",
      "--key",
      member.publicKey,
      "--entity",
      "WFP",
    );
    expect(added.code, added.stderr).toBe(0);
    const bundle = path.join(dataDir, "wfp.ndjson.gz");
    writeFileSync(
      bundle,
      signedBundle(member, [["f", 2025, 2, "WFP", "implementing_partner", "under_investigation", 4]]),
    );
    const merged = await conduct("federation", "import", bundle);
    expect(merged.stdout).toContain("Merged WFP-LEDGER's bundle");
    const changed = path.join(dataDir, "changed.ndjson.gz");
    writeFileSync(
      changed,
      gzipSync(
        gunzipSync(signedBundle(member, [["f", 2025, 3, "WFP", "un_staff", "substantiated", 1]]))
          .toString()
          .replace(",1]", ",9]"),
      ),
    );
    const refused = await conduct("federation", "import", changed);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("the bundle was changed after it was signed");
    const removed = await conduct("federation", "member", "remove", "WFP-LEDGER");
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("Removed WFP-LEDGER: 1 figures");
    expect((await conduct("federation", "member", "remove", "WFP-LEDGER")).code).not.toBe(0);

    const keyFile = path.join(dataDir, "screening.key");
    expect((await conduct("federation", "screening-key", "export", keyFile)).code).toBe(0);
    expect(Buffer.from(readFileSync(keyFile, "utf8").trim(), "base64")).toHaveLength(32);
  });

  it("audit verify fails, naming the event, after an owner alters a row", async () => {
    const handle = await openDatabase({
      url: database.url,
      dataDir: database.url ? undefined : path.join(dataDir, "pglite"),
    });
    const [row] = await handle.asOwner(async (owner) => {
      const rows = await owner.query<{ id: number }>("SELECT id::int AS id FROM audit_events ORDER BY id LIMIT 1");
      await owner.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
      await owner.query("UPDATE audit_events SET details = '{\"forged\": true}' WHERE id = $1", [rows[0].id]);
      await owner.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
      return rows;
    });
    await handle.close();
    const result = await conduct("audit", "verify");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`BROKEN at event ${row.id}`);
  });

  it("refuses to open the embedded database while another live process holds it", async () => {
    const serverUrl = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      writeFileSync(path.join(dataDir, "pglite.lock"), JSON.stringify({ pid: process.ppid, purpose: "server" }));
      const result = await conduct("audit", "verify");
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`in use by process ${process.ppid}`);
    } finally {
      if (serverUrl) process.env.DATABASE_URL = serverUrl;
    }
  });
});
