// Writes src/db/access-rules.sql from a freshly migrated embedded database: run it after a migration
// that changes row-level security, a policy function or a grant, and commit the file with it.
import { writeFileSync } from "node:fs";
import { describeAccessRules, accessRulesFile } from "../src/db/access-rules.js";
import { openDatabase } from "../src/db/connection.js";

const handle = await openDatabase({});
try {
  writeFileSync(accessRulesFile, await handle.asOwner(describeAccessRules));
  process.stdout.write(`Wrote ${accessRulesFile}\n`);
} finally {
  await handle.close();
}
