// A federation bundle written independently of the server's writer, from the format the domain
// states (src/domain/federation.ts): what another installation would send; and the published cases
// an installation's bundle carries.
import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { gzipSync } from "node:zlib";
import { randomUUID } from "node:crypto";
import { cases, missions, perpetrators } from "../../src/db/schema.js";
import { BUNDLE_FORMAT } from "../../src/domain/federation.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "./app.js";

export function federationKeys() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return { publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"), privateKey };
}

let lastMade = 0;
/** A signed, gzipped bundle of these lines, made now (later than any made before in this process). */
export function signedBundle(keys: { publicKey: string; privateKey: KeyObject }, lines: unknown[], screeningKey = "-") {
  lastMade = Math.max(Date.now(), lastMade + 1);
  const header = {
    format: BUNDLE_FORMAT,
    publicKey: keys.publicKey,
    madeAt: new Date(lastMade).toISOString(),
    screeningKey,
  };
  const body = [header, ...lines].map((line) => `${JSON.stringify(line)}\n`).join("");
  const signature = sign(null, createHash("sha256").update(body).digest(), keys.privateKey).toString("base64");
  return gzipSync(`${body}${JSON.stringify({ signature })}\n`);
}

/** Published cases on an installation's unit: one allegation each (one person, one SEA allegation). */
export async function publishOnUnit(
  on: TestApp,
  unit: string,
  entity: string,
  count: number,
  categoryCode = "CIV_INT",
) {
  const ids: string[] = [];
  await inTransaction(on.app.services.db, systemActor, async (tx) => {
    await tx
      .insert(missions)
      .values({ code: unit, entityCode: entity, name: unit, kind: "entity_office", startYear: 2010 })
      .onConflictDoNothing();
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      ids.push(id);
      await tx.insert(cases).values({
        id,
        reference: `${unit}-${id.slice(0, 8)}`,
        missionCode: unit,
        status: "under_assessment",
        dateReported: "2025-02-10",
        categoryCodes: [categoryCode],
        nationalityCodes: [],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
        publishedAt: new Date(),
      });
      await tx.insert(perpetrators).values({ caseId: id, code: `P-${id.slice(0, 8)}`, categoryCode });
    }
  });
  return ids;
}
