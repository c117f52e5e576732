// The `conduct` command: operator tasks on the server's console (migrate, seed, users, tokens,
// audit verification, key rotation, backup and restore).
import { applyRetention, retentionDryRun, retentionKinds } from "../server/modules/retention/index.js";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { backupDatabase, restoreDatabase } from "../db/backup.js";
import { user } from "../db/schema.js";
import { hasAnyAccount, seedDemoData } from "../seed/demo.js";
import { roleSchema, requiresTwoFactor } from "../domain/roles.js";
import { buildApp } from "../server/app.js";
import { systemActor } from "../server/auth/actor.js";
import { enrolTotp } from "../server/auth/two-factor.js";
import { readConfig } from "../server/config.js";
import { DomainError } from "../server/errors.js";
import { verifyAuditChain } from "../server/modules/audit/index.js";
import { recordAuditEvent } from "../server/modules/audit/index.js";
import { importAllegations, listImports, withdrawImport } from "../server/modules/publication/index.js";
import { importIdParams } from "../domain/contracts/publication.js";
import {
  allPublishedAllegations,
  publicAllegationsCsv,
  publicAllegationsWorkbook,
} from "../server/modules/publication/index.js";
import { createToken } from "../server/modules/tokens/index.js";
import { addFederationMemberBody } from "../domain/contracts/federation.js";
import {
  addFederationMember,
  federationStatus,
  mergeBundle,
  removeFederationMember,
  writeBundle,
} from "../server/modules/federation/index.js";
import { adoptFederationScreeningKey, exportScreeningKey } from "../server/modules/screening/index.js";
import { createStaffUser } from "../server/modules/users/index.js";
import { openRuntime } from "../server/runtime.js";
import { masterKeyFile, parseMasterKey, rotateDataKey, rotateMasterKey } from "../server/security/encryption.js";
import { inTransaction } from "../server/transaction.js";

const usage = `Usage: conduct <command>

  migrate                          create or update the database schema and reference data
  seed --demo                      load demo accounts and cases into an empty database
  users create --email E --role R [--name N] [--mission CODE]... [--entity CODE]... [--country ISO3] [--password P]
                                   create a staff account; prints one JSON line (with the TOTP secret for staff roles)
  tokens create --email E --name N create an API token for a user; prints the token once
  audit verify                     check the audit trail's hash chain (exit 1 naming the first broken event)
  keys rotate                      new data key; re-encrypt every sensitive field under it
  keys rotate --master             new master key (written to the key file, or read from CONDUCT_NEW_MASTER_KEY)
  import allegations FILE.csv [--skip-invalid]
                                   load historical allegations (the published CSV layout) as published cases;
                                   a file with a bad row writes nothing, unless --skip-invalid (rejects to FILE.rejects.csv)
  import list                      the imports of history made, newest first, with their identifiers
  import withdraw ID --reason TEXT take a wrong import's allegations out of the public table and figures
  export allegations [--format csv|xlsx] [--out FILE]
                                   write the published allegations in the same layout (default allegations-DATE.csv)
  retention [--dry-run]            let go what the retention settings say is due (CONDUCT_RETENTION_*_DAYS);
                                   --dry-run lists it by case number or report id and changes nothing
  federation identity              print this installation's public key (to register it at a hub) and fingerprints
  federation export FILE           write this installation's signed bundle (published figures, screening hashes)
  federation import FILE           merge a member's bundle at this hub; refused with the reason if it does not verify
  federation member add --code C --name N --key PUBLIC_KEY --entity CODE...
                                   register a member installation and the entities it reports
  federation member remove CODE    remove a member: what it sent stops counting here
  federation screening-key export FILE
                                   write this hub's screening key for its members (a secret: carry it by hand)
  federation screening-key adopt FILE
                                   screen under the hub's key from now on, so its hashes can be compared
  backup FILE                      write every record to FILE (gzipped JSON lines)
  restore FILE                     replace every record with those in FILE

Environment: DATABASE_URL (PostgreSQL; otherwise the embedded database in CONDUCT_DATA_DIR, default ./data),
CONDUCT_MASTER_KEY. Roles: ${roleSchema.options.join(", ")}.`;

class UsageError extends Error {}

/** A progress bar on the terminal (stderr), redrawn in place; silent when the output is not a terminal. */
function progressBar(label: string) {
  let finished = false;
  return (done: number, total: number) => {
    if (!process.stderr.isTTY || total === 0 || finished) return;
    finished = done >= total;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round((100 * done) / total)}%${done === total ? "\n" : ""}`,
    );
  };
}

export async function withApp<T>(
  purpose: string,
  work: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<T>,
): Promise<T> {
  const config = readConfig();
  const runtime = await openRuntime(config, `conduct ${purpose}`);
  try {
    const app = await buildApp({ handle: runtime.handle, config, masterKey: runtime.masterKey });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await runtime.release();
  }
}

const print = (value: unknown) =>
  process.stdout.write(`${typeof value === "string" ? value : JSON.stringify(value)}\n`);

function args<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, values: string[]) {
  return parseArgs({ args: values, options, allowPositionals: true, strict: true });
}

async function run(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;

  switch (command) {
    case "migrate":
      await withApp("migrate", async () => print("Database is up to date."));
      return 0;

    case "seed": {
      const { values } = args({ demo: { type: "boolean" } }, [sub, ...rest].filter(Boolean));
      if (!values.demo) throw new UsageError("seed needs --demo");
      return withApp("seed", async (app) => {
        if (await hasAnyAccount(app.services)) {
          print("The database already has accounts; demo data is only loaded into an empty database.");
          return 1;
        }
        await seedDemoData(app.services);
        print("Demo data loaded.");
        return 0;
      });
    }

    case "users": {
      if (sub !== "create") throw new UsageError("users: only `users create` exists");
      const { values } = args(
        {
          email: { type: "string" },
          role: { type: "string" },
          name: { type: "string" },
          mission: { type: "string", multiple: true },
          entity: { type: "string", multiple: true },
          country: { type: "string" },
          password: { type: "string" },
        },
        rest,
      );
      if (!values.email || !values.role) throw new UsageError("users create needs --email and --role");
      const role = roleSchema.safeParse(values.role);
      if (!role.success) throw new UsageError(`Unknown role ${values.role}. Roles: ${roleSchema.options.join(", ")}`);
      const password = (values.password as string | undefined) ?? randomBytes(15).toString("base64url");
      return withApp("users create", async (app) => {
        const created = await createStaffUser(app.services, systemActor, {
          email: values.email as string,
          name: (values.name as string | undefined) ?? (values.email as string).split("@")[0],
          role: role.data,
          missionCodes: ((values.mission as string[] | undefined) ?? []).map((code) => code.toUpperCase()),
          entityCodes: ((values.entity as string[] | undefined) ?? []).map((code) => code.toUpperCase()),
          countryCode: (values.country as string | undefined)?.toUpperCase() ?? null,
          password,
        });
        const enrolment = requiresTwoFactor(role.data)
          ? await enrolTotp(app.services.auth, created.user.email, password)
          : null;
        print({
          ...created.user,
          twoFactorEnabled: enrolment !== null,
          password: values.password ? undefined : password,
          totpSecret: enrolment?.totpSecret,
          totpUri: enrolment?.totpUri,
          backupCodes: enrolment?.backupCodes,
        });
        return 0;
      });
    }

    case "tokens": {
      if (sub !== "create") throw new UsageError("tokens: only `tokens create` exists");
      const { values } = args({ email: { type: "string" }, name: { type: "string" } }, rest);
      if (!values.email || !values.name) throw new UsageError("tokens create needs --email and --name");
      return withApp("tokens create", async (app) => {
        const [owner] = await app.services.db
          .select({ id: user.id })
          .from(user)
          .where(eq(user.email, (values.email as string).toLowerCase()));
        if (!owner) throw new UsageError(`No account with email ${values.email}.`);
        const created = await createToken(app.services, systemActor, {
          ownerId: owner.id,
          name: values.name as string,
        });
        print(created.token);
        return 0;
      });
    }

    case "retention": {
      const { values } = args({ "dry-run": { type: "boolean" } }, [sub, ...rest].filter(Boolean) as string[]);
      return withApp("retention", async (app) => {
        const days = app.services.config.retention;
        if (retentionKinds.every((kind) => days[kind] === null)) {
          print("No retention period is set (CONDUCT_RETENTION_*_DAYS): every record is kept.");
          return 0;
        }
        if (values["dry-run"]) {
          const due = await retentionDryRun(app.services);
          for (const kind of retentionKinds) {
            const period = days[kind] === null ? "kept" : `after ${days[kind]} days`;
            print(`${kind} (${period}): ${due[kind].length} would go`);
            for (const item of due[kind]) print(`  ${item.label} ${item.id}`);
          }
          return 0;
        }
        const counts = await applyRetention(app.services);
        for (const kind of retentionKinds) print(`${kind}: ${counts[kind]} let go`);
        return 0;
      });
    }

    case "audit": {
      if (sub !== "verify") throw new UsageError("audit: only `audit verify` exists");
      return withApp("audit verify", async (app) => {
        const result = await inTransaction(app.services.db, systemActor, (tx) => verifyAuditChain(tx));
        if (result.firstBreak) {
          process.stderr.write(
            `Audit trail BROKEN at event ${result.firstBreak.id} (${result.firstBreak.reason.replace("_", " ")}); ${result.events} events before it hold.\n`,
          );
          return 1;
        }
        print(`Audit trail intact: ${result.events} events verified.`);
        return 0;
      });
    }

    case "keys": {
      if (sub !== "rotate") throw new UsageError("keys: only `keys rotate` exists");
      const { values } = args({ master: { type: "boolean" } }, rest);
      const config = readConfig();
      const runtime = await openRuntime(config, "keys rotate");
      try {
        if (!values.master) {
          const result = await rotateDataKey(runtime.handle, runtime.masterKey);
          print(`New data key ${result.keyId} is current; ${result.reencrypted} fields re-encrypted.`);
          return 0;
        }
        const next = process.env.CONDUCT_NEW_MASTER_KEY
          ? parseMasterKey(process.env.CONDUCT_NEW_MASTER_KEY)
          : randomBytes(32);
        if (process.env.CONDUCT_MASTER_KEY && !process.env.CONDUCT_NEW_MASTER_KEY) {
          throw new UsageError(
            "The master key comes from CONDUCT_MASTER_KEY: set CONDUCT_NEW_MASTER_KEY to the new key, rotate, then replace CONDUCT_MASTER_KEY with it.",
          );
        }
        const keyFile = masterKeyFile(config.dataDir);
        if (!process.env.CONDUCT_MASTER_KEY) writeFileSync(`${keyFile}.next`, next.toString("base64"), { mode: 0o600 });
        const count = await rotateMasterKey(runtime.handle, runtime.masterKey, next);
        if (!process.env.CONDUCT_MASTER_KEY) {
          if (existsSync(keyFile)) renameSync(keyFile, `${keyFile}.previous`);
          renameSync(`${keyFile}.next`, keyFile);
        }
        print(`${count} data keys re-wrapped under the new master key.`);
        return 0;
      } finally {
        await runtime.release();
      }
    }

    case "import": {
      if (sub === "list")
        return withApp("import list", async (app) => {
          for (const made of await listImports(app.services, systemActor))
            print(
              [
                made.id,
                made.importedAt,
                made.sourceFile ?? "-",
                `${made.created} imported of ${made.rows} rows`,
                made.withdrawnAt ? `withdrawn ${made.withdrawnAt}: ${made.withdrawalReason}` : "",
              ]
                .filter(Boolean)
                .join("  "),
            );
          return 0;
        });
      if (sub === "withdraw") {
        const { values, positionals } = args({ reason: { type: "string" } }, rest);
        const id = positionals[0];
        if (!id || !values.reason) throw new UsageError("import withdraw needs an import ID and --reason");
        if (!importIdParams.safeParse({ id }).success)
          throw new UsageError(`${id} is not an import identifier: \`conduct import list\` shows them.`);
        return withApp("import withdraw", async (app) => {
          const { allegations } = await withdrawImport(app.services, systemActor, id, values.reason as string);
          print(`Withdrawn: ${allegations} allegations left the public table and the published figures.`);
          return 0;
        });
      }
      if (sub !== "allegations")
        throw new UsageError(
          "import: `import allegations FILE.csv`, `import list` or `import withdraw ID --reason TEXT`",
        );
      const { values, positionals } = args({ "skip-invalid": { type: "boolean" } }, rest);
      const file = positionals[0];
      if (!file) throw new UsageError("import allegations needs a FILE.csv");
      if (!existsSync(file)) throw new UsageError(`No file ${file}.`);
      return withApp("import allegations", async (app) => {
        // Streamed: a file of a million rows is read as it is written to the database.
        const size = statSync(file).size;
        const stream = createReadStream(file);
        const bar = progressBar("Importing");
        const outcome = await importAllegations(app.services, systemActor, stream, {
          skipInvalid: Boolean(values["skip-invalid"]),
          sourceFile: path.basename(file),
          onProgress: () => bar(stream.bytesRead, size),
        });
        bar(size, size);
        if (outcome.rejectCsv) {
          const rejects = file.replace(/(\.csv)?$/i, ".rejects.csv");
          writeFileSync(rejects, outcome.rejectCsv);
          process.stderr.write(`${outcome.rejected.length} rows rejected, written with their reasons to ${rejects}\n`);
        }
        print(
          `${outcome.rows} rows read: ${outcome.created} allegations imported, ${outcome.unchanged} already imported, ${outcome.rejected.length} rejected.`,
        );
        print(
          `Import ${outcome.importId}; a wrong one is taken back with \`conduct import withdraw ${outcome.importId} --reason TEXT\`.`,
        );
        return 0;
      });
    }

    case "export": {
      if (sub !== "allegations") throw new UsageError("export: only `export allegations` exists");
      const { values } = args({ format: { type: "string", default: "csv" }, out: { type: "string" } }, rest);
      const format = values.format as string;
      if (format !== "csv" && format !== "xlsx") throw new UsageError("export allegations: --format is csv or xlsx");
      const out =
        (values.out as string | undefined) ?? `allegations-${new Date().toISOString().slice(0, 10)}.${format}`;
      return withApp("export allegations", async (app) => {
        const items = await allPublishedAllegations(app.services);
        writeFileSync(
          out,
          format === "csv" ? `\uFEFF${publicAllegationsCsv(items)}` : await publicAllegationsWorkbook(items),
        );
        await inTransaction(app.services.db, systemActor, (tx) =>
          recordAuditEvent(tx, systemActor, {
            action: "publication.export",
            subjectType: "publication",
            details: { format, rows: items.length },
          }),
        );
        print(`${items.length} published allegations written to ${out}.`);
        return 0;
      });
    }

    case "federation":
      return federation(sub, rest);

    case "backup":
    case "restore": {
      if (!sub) throw new UsageError(`${command} needs a FILE`);
      const config = readConfig();
      const runtime = await openRuntime(config, command);
      try {
        const counts =
          command === "backup" ? await backupDatabase(runtime.handle, sub) : await restoreDatabase(runtime.handle, sub);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        print(
          `${command === "backup" ? "Backed up" : "Restored"} ${total} records from ${Object.keys(counts).length} tables ${command === "backup" ? "to" : "from"} ${sub}.`,
        );
        return 0;
      } finally {
        await runtime.release();
      }
    }

    case undefined:
    case "help":
    case "--help":
      print(usage);
      return 0;
    default:
      throw new UsageError(`Unknown command ${command}.`);
  }
}

/** `conduct federation …`: the operator's side of exchanging bundles with a hub or its members. */
async function federation(sub: string | undefined, rest: string[]): Promise<number> {
  const [what, ...more] = rest;
  if (sub === "identity")
    return withApp("federation identity", async (app) => {
      const status = await federationStatus(app.services, systemActor);
      print({ publicKey: status.publicKey, keyFingerprint: status.keyFingerprint, screeningKey: status.screeningKey });
      return 0;
    });
  if (sub === "export" || sub === "import") {
    if (!what) throw new UsageError(`federation ${sub} needs a FILE`);
    if (sub === "import" && !existsSync(what)) throw new UsageError(`No file ${what}.`);
    return withApp(`federation ${sub}`, async (app) => {
      if (sub === "import") {
        const merged = await mergeBundle(app.services, systemActor, createReadStream(what));
        print(
          `Merged ${merged.member}'s bundle of ${merged.madeAt}: ${merged.figures} figures, ${merged.hashes} screening hashes.`,
        );
        return 0;
      }
      const gzip = createGzip();
      const written = pipeline(gzip, createWriteStream(what, { mode: 0o600 }));
      const bundle = await writeBundle(app.services, systemActor, gzip);
      gzip.end();
      await written;
      print(`Signed bundle written to ${what}: ${bundle.figures} figures, ${bundle.hashes} screening hashes.`);
      return 0;
    });
  }
  if (sub === "member" && what === "add") {
    const { values } = args(
      {
        code: { type: "string" },
        name: { type: "string" },
        key: { type: "string" },
        entity: { type: "string", multiple: true },
      },
      more,
    );
    if (!values.code || !values.name || !values.key || !values.entity?.length)
      throw new UsageError("federation member add needs --code, --name, --key and at least one --entity");
    const body = addFederationMemberBody.safeParse({
      code: values.code,
      name: values.name,
      publicKey: values.key,
      entityCodes: values.entity,
    });
    const optionOf: Record<string, string> = { publicKey: "key", entityCodes: "entity" };
    if (!body.success)
      throw new UsageError(
        body.error.issues
          .map((issue) => `--${optionOf[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`)
          .join("\n"),
      );
    return withApp("federation member add", async (app) => {
      print(await addFederationMember(app.services, systemActor, body.data));
      return 0;
    });
  }
  if (sub === "member" && what === "remove") {
    const code = more[0];
    if (!code) throw new UsageError("federation member remove needs the member's CODE");
    return withApp("federation member remove", async (app) => {
      const removed = await removeFederationMember(app.services, systemActor, code);
      print(
        `Removed ${removed.member}: ${removed.figures} figures and ${removed.hashes} screening hashes no longer count here.`,
      );
      return 0;
    });
  }
  if (sub === "screening-key" && (what === "export" || what === "adopt")) {
    const file = more[0];
    if (!file) throw new UsageError(`federation screening-key ${what} needs a FILE`);
    if (what === "adopt" && !existsSync(file)) throw new UsageError(`No file ${file}.`);
    return withApp(`federation screening-key ${what}`, async (app) => {
      if (what === "export") {
        writeFileSync(file, `${(await exportScreeningKey(app.services)).toString("base64")}\n`, { mode: 0o600 });
        print(`Screening key written to ${file}. Give it only to members' operators, by hand; then delete it.`);
        return 0;
      }
      const { relisted } = await adoptFederationScreeningKey(
        app.services,
        Buffer.from(readFileSync(file, "utf8").trim(), "base64"),
      );
      print(`This installation now screens under the federation's key; ${relisted} people listed again.`);
      return 0;
    });
  }
  throw new UsageError(
    "federation: identity, export FILE, import FILE, member add|remove, screening-key export|adopt FILE",
  );
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${usage}\n`);
    else if (error instanceof DomainError) {
      // Which lines of a file are wrong, and why (the first fifty).
      const details = (error.extras.errors ?? []).slice(0, 50).map((entry) => `  ${entry.path}: ${entry.message}\n`);
      const more =
        (error.extras.errors?.length ?? 0) > 50 ? `  … and ${(error.extras.errors?.length ?? 0) - 50} more\n` : "";
      process.stderr.write(`${error.message}\n${details.join("")}${more}`);
      return 1;
    } else process.stderr.write(`conduct: ${(error as Error).message}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop() as string)) {
  process.exitCode = await main(process.argv.slice(2));
}
