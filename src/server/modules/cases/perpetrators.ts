// Alleged perpetrators: a pseudonymous code for everyone in scope; the identity (name, rank, service
// number) is encrypted and revealed only to those who need it, with a stated reason, audited.
import { revealClearance } from "../reveals/index.js";
import { authorizeCase } from "./authorize.js";
import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { cases, perpetrators } from "../../../db/schema.js";
import { nextPerpetratorCode } from "../../../domain/enforcement.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { type CaseScopeFacts, enforcementPolicy } from "../../auth/policies/index.js";
import { Forbidden, NotFound } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertCaseOpen, assertKnownCodes, findCaseWithFacts, knownNationalities } from "./queries.js";

import { presentPerpetrator } from "./presenters.js";
export interface PerpetratorIdentity {
  name: string;
  rank: string | null;
  serviceNumber: string | null;
}

export interface PerpetratorInput {
  categoryCode: string;
  nationalityCode: string | null;
  unit: string | null;
  identity: PerpetratorIdentity | null;
}

/** Adds an alleged perpetrator; the case's categories and nationalities grow to include theirs. */
export async function addPerpetrator(services: Services, actor: Actor, caseId: string, input: PerpetratorInput) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    assertCaseOpen(found.row);
    if (!enforcementPolicy.addPerpetrator(actor, found.facts))
      throw new Forbidden("Only the case's Conduct and Discipline officers record who is implicated.");
    await assertKnownCodes(tx, {
      categoryCodes: [input.categoryCode],
      nationalityCodes: input.nationalityCode ? [input.nationalityCode] : [],
    });
    const existing = await tx
      .select({ code: perpetrators.code })
      .from(perpetrators)
      .where(eq(perpetrators.caseId, caseId));
    const id = randomUUID();
    const identityEncrypted = input.identity
      ? await services.encryption.encrypt(
          tx,
          JSON.stringify(input.identity),
          fieldContext("perpetrators", "identity_encrypted", id),
        )
      : null;
    const [row] = await tx
      .insert(perpetrators)
      .values({
        id,
        caseId,
        code: nextPerpetratorCode(existing.map((p) => p.code)),
        categoryCode: input.categoryCode,
        nationalityCode: input.nationalityCode,
        unit: input.unit,
        identityEncrypted,
      })
      .returning();
    await tx
      .update(cases)
      .set({
        categoryCodes: sql`(select array(select distinct unnest(${cases.categoryCodes} || array[${input.categoryCode}]::text[]) order by 1))`,
        ...(input.nationalityCode && {
          nationalityCodes: sql`(select array(select distinct unnest(${knownNationalities(cases.id)} || array[${input.nationalityCode}]::text[]) order by 1))`,
        }),
        version: sql`${cases.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(cases.id, caseId));
    await recordAuditEvent(tx, actor, {
      action: "perpetrator.add",
      subjectType: "case",
      subjectId: caseId,
      details: { perpetratorId: id, code: row.code, identityRecorded: identityEncrypted !== null },
    });
    return presentPerpetrator(row, true);
  });
}

export async function listPerpetrators(tx: Transaction, actor: Actor, facts: CaseScopeFacts, caseId: string) {
  const rows = await tx
    .select()
    .from(perpetrators)
    .where(eq(perpetrators.caseId, caseId))
    .orderBy(asc(perpetrators.code));
  return rows
    .filter((row) => enforcementPolicy.viewPerpetrator(actor, facts, row.nationalityCode))
    .map((row) =>
      presentPerpetrator(row, enforcementPolicy.revealPerpetratorIdentity(actor, facts, row.nationalityCode)),
    );
}

/** Reveals a perpetrator's identity to someone who needs it, for a stated reason that the audit trail keeps. */
export async function revealPerpetratorIdentity(
  services: Services,
  actor: Actor,
  perpetratorId: string,
  reason: string,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.select().from(perpetrators).where(eq(perpetrators.id, perpetratorId));
    const found = row ? await findCaseWithFacts(tx, row.caseId) : null;
    if (!row || !found || !enforcementPolicy.viewPerpetrator(actor, found.facts, row.nationalityCode))
      throw new NotFound("perpetrator");
    if (!enforcementPolicy.revealPerpetratorIdentity(actor, found.facts, row.nationalityCode))
      throw new Forbidden("Your role does not see the identity of alleged perpetrators.");
    if (!row.identityEncrypted) throw new NotFound("identity");
    const clearance = await revealClearance(services, tx, actor, {
      subjectType: "perpetrator",
      subjectId: row.id,
      subjectLabel: `${found.row.reference} ${row.code}`,
      reason,
    });
    if ("approval" in clearance) return clearance;
    const identity = await services.encryption.decryptJson<PerpetratorIdentity>(
      tx,
      row.identityEncrypted,
      fieldContext("perpetrators", "identity_encrypted", row.id),
    );
    await recordAuditEvent(tx, actor, {
      action: "perpetrator.identity.reveal",
      subjectType: "perpetrator",
      subjectId: row.id,
      details: { caseId: row.caseId, reason, ...(clearance.approvalId && { approvalId: clearance.approvalId }) },
    });
    return identity;
  });
}
