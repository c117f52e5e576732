// Browsing and verifying the audit trail (auditors), and the chain check the CLI runs.
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { auditPolicy } from "../../auth/policies/index.js";
import { Forbidden } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { type ChainBreak, findChainBreak, GENESIS_HASH } from "./chain.js";
import { type AuditFilter, auditEventsPage, auditSubjectNames, listAuditEvents } from "./queries.js";
import { recordAuditEvent } from "./record.js";

import { presentAuditEvent } from "./presenters.js";

export async function browseAuditEvents(services: Services, actor: Actor, filter: AuditFilter) {
  if (!auditPolicy.browse(actor)) throw new Forbidden("Only auditors browse the audit trail.");
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await listAuditEvents(tx, { ...filter, limit: filter.limit + 1 });
    const page = rows.slice(0, filter.limit);
    const subjectNames = await auditSubjectNames(
      tx,
      page.map((row) => row.subjectId),
    );
    const items = page.map((row) => presentAuditEvent(row, subjectNames));
    await recordAuditEvent(tx, actor, { action: "audit.browse", details: { results: items.length } });
    return { items, nextBefore: rows.length > filter.limit ? items[items.length - 1].id : null };
  });
}

/** Walks the whole chain in pages, so memory stays flat on a long trail. */
export async function verifyAuditChain(tx: Transaction): Promise<{ events: number; firstBreak: ChainBreak | null }> {
  let afterId = 0;
  let previous = GENESIS_HASH;
  let events = 0;
  for (;;) {
    const page = await auditEventsPage(tx, afterId, 1000);
    if (page.length === 0) return { events, firstBreak: null };
    const firstBreak = findChainBreak(page, previous);
    if (firstBreak) return { events: events + page.findIndex((row) => row.id === firstBreak.id), firstBreak };
    events += page.length;
    previous = page[page.length - 1].hash;
    afterId = page[page.length - 1].id;
  }
}

export async function verifyAuditTrail(services: Services, actor: Actor) {
  if (!auditPolicy.browse(actor)) throw new Forbidden("Only auditors verify the audit trail.");
  return inTransaction(services.db, actor, async (tx) => {
    const result = await verifyAuditChain(tx);
    await recordAuditEvent(tx, actor, {
      action: "audit.verify",
      outcome: result.firstBreak ? "failure" : "success",
      details: { events: result.events },
    });
    return {
      intact: result.firstBreak === null,
      eventsChecked: result.events,
      firstBrokenEventId: result.firstBreak?.id ?? null,
      reason: result.firstBreak?.reason ?? null,
    };
  });
}
