// The registries of commitments: headquarters records who signed or joined and when; everyone reads them.
import { asc, eq, sql } from "drizzle-orm";
import { commitments, countries } from "../../../db/schema.js";
import type { CommitmentInput } from "../../../domain/commitments.js";
import type { Services } from "../../services.js";
import { type Actor, publicActor } from "../../auth/actor.js";
import { commitmentPolicy } from "../../auth/policies/index.js";
import { assertNotInFuture } from "../../dates.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { presentCommitment } from "./presenters.js";

/** Every commitment, and the Member States' contributions to the Trust Fund by year (payments withheld from personnel are not public). */
export async function listCommitments(services: Services) {
  return inTransaction(services.db, publicActor, async (tx) => {
    const rows = await tx
      .select()
      .from(commitments)
      .orderBy(asc(commitments.kind), asc(commitments.joinedOn), asc(commitments.countryCode));
    const funds = (await tx.execute(
      sql`select country_code, year, currency, amount::float8 as amount from conduct_public_trust_fund_contributions() order by year desc, amount desc`,
    )) as unknown as {
      rows: { country_code: string; year: number; currency: string; amount: number }[];
    };
    return {
      items: rows.map(presentCommitment),
      trustFund: funds.rows.map((row) => ({
        countryCode: row.country_code,
        year: row.year,
        currency: row.currency,
        amount: row.amount,
      })),
    };
  });
}

export async function recordCommitment(services: Services, actor: Actor, input: CommitmentInput) {
  if (!commitmentPolicy.keep(actor)) throw new Forbidden("Headquarters keeps the registries of commitments.");
  assertNotInFuture(input.joinedOn, "joinedOn");
  return inTransaction(services.db, actor, async (tx) => {
    const [country] = await tx
      .select({ code: countries.code })
      .from(countries)
      .where(eq(countries.code, input.countryCode));
    if (!country) throw new ValidationFailed("Unknown country.", [{ path: "countryCode", message: "unknown_country" }]);
    const [row] = await tx
      .insert(commitments)
      .values({ ...input, recordedBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new Conflict("This commitment is already recorded.", {}, "commitment_exists");
    await recordAuditEvent(tx, actor, {
      action: "commitment.record",
      subjectType: "commitment",
      subjectId: row.id,
      details: { kind: row.kind, countryCode: row.countryCode },
    });
    return presentCommitment(row);
  });
}

export async function removeCommitment(services: Services, actor: Actor, id: string) {
  if (!commitmentPolicy.keep(actor)) throw new Forbidden("Headquarters keeps the registries of commitments.");
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.delete(commitments).where(eq(commitments.id, id)).returning();
    if (!row) throw new NotFound("No such commitment.");
    await recordAuditEvent(tx, actor, {
      action: "commitment.remove",
      subjectType: "commitment",
      subjectId: row.id,
      details: { kind: row.kind, countryCode: row.countryCode, joinedOn: row.joinedOn },
    });
  });
}
