// Starts Conduct Ledger: opens the database (migrating it), loads demo data into an empty one,
// listens, and says where to go and how to sign in.
import pino from "pino";
import { DEMO_PASSWORD, demoAccounts, hasAnyAccount, seedDemoData } from "../seed/demo.js";
import { buildApp } from "./app.js";
import { startReminderLoop } from "./modules/deadlines/index.js";
import { readConfig } from "./config.js";
import { loggerOptions } from "./logging.js";
import { openRuntime } from "./runtime.js";

const config = readConfig();
const log = pino(loggerOptions(config.logLevel));

try {
  const runtime = await openRuntime(config, "server");
  const app = await buildApp(
    { handle: runtime.handle, config, masterKey: runtime.masterKey },
    { logger: loggerOptions(config.logLevel) },
  );
  const hadAccounts = await hasAnyAccount(app.services);
  if (config.demo && !hadAccounts) {
    log.info("empty database: loading demo data");
    await seedDemoData(app.services);
  }
  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    await app.close();
    await runtime.release();
    process.exit(0);
  };
  const stopReminders = startReminderLoop(app.services, log);
  app.addHook("onClose", () => stopReminders());
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ host: config.host, port: config.port });

  const lines = [
    "",
    `Conduct Ledger is running at ${config.publicUrl}  (database: ${runtime.handle.kind})`,
    `Staff sign-in: ${config.publicUrl}/staff`,
    `API documentation: ${config.publicUrl}/api/docs`,
  ];
  if (config.demo) {
    lines.push("", `Demo accounts — password for all: ${DEMO_PASSWORD}`);
    for (const account of demoAccounts) lines.push(`  ${account.role.padEnd(26)} ${account.email}`);
    lines.push(
      "",
      "On first sign-in each staff account sets up two-factor authentication: scan the QR code",
      "with any authenticator app (or type the key shown under it), then enter the 6-digit code.",
    );
  }
  if (!config.demo && !hadAccounts) {
    lines.push(
      "",
      "There are no accounts yet. Create the first administrator (it prints a one-time password and",
      "the two-factor key to add to an authenticator app); stop the server first on the embedded database:",
      '  npx conduct users create --email you@example.org --role administrator --name "Your Name"',
    );
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
} catch (error) {
  log.error({ err: error }, "could not start");
  process.stderr.write(`\nConduct Ledger could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
