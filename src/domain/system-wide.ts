// The UN's system-wide SEA figures: published allegations of every entity (Secretariat, agencies,
// funds, programmes, their implementing partners, non-UN forces) by quarter, entity, system-wide
// category of personnel and status. An allegation is a unit of the counting rule (counting.ts), so
// a peace operation's system-wide total equals its own published total; its category is counted in
// the category's system-wide group (reference/personnel.ts) and its status is the case's.
import { foldTerm, investigationStatuses } from "./public-stats.js";
import type { CaseStatus } from "./workflow.js";
import { type SystemWideCategory, personnelCategorySeedOf } from "./reference/personnel.js";

export const systemWideGroupings = ["entity", "quarter", "category", "status"] as const;
export type SystemWideGrouping = (typeof systemWideGroupings)[number];

/**
 * Where an allegation stands, as the published tables already say it (public-stats.ts): strongest
 * first, so the order is also which of several a case's status is — its findings before how far it got.
 */
export const systemWideStatuses = investigationStatuses;
export type SystemWideStatus = (typeof systemWideStatuses)[number];

/**
 * A case's system-wide status: its finding once there is one (for imported history, what its file
 * published); otherwise under investigation once an investigation was opened, closed (other) when it
 * was closed without one, else pending assessment.
 */
export function systemWideStatusOf(status: CaseStatus, finding: SystemWideStatus | null): SystemWideStatus {
  if (finding) return finding;
  if (status === "under_investigation" || status === "findings" || status === "actions") return "under_investigation";
  if (status === "closed") return "closed_other";
  return "pending_assessment";
}

/** What imported history's findings column published ("Substantiated;Under Investigation"), the strongest; null when it names no status. */
export function publishedStatusOf(findings: readonly (string | null)[]): SystemWideStatus | null {
  const said = new Set(findings.flatMap((text) => (text ?? "").split(";")).map(foldTerm));
  return systemWideStatuses.find((status) => said.has(status)) ?? null;
}

/** The system-wide group a category of personnel is counted in; an unknown category is counted as not known. */
export const systemWideCategoryOf = (category: string): SystemWideCategory | "unknown" =>
  personnelCategorySeedOf(category)?.systemWide ?? "unknown";
