// The filtered case list as a spreadsheet, within the caller's scope: data fields only, never a
// narrative, a note or a name. Every export is an audit event naming the filter and the row count.
import type { CaseFilter } from "../../../domain/contracts/cases.js";
import { childVictims, totalVictims } from "../../../domain/enforcement.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { casePolicy } from "../../auth/policies/index.js";
import { Forbidden, ValidationFailed } from "../../errors.js";
import { inTransaction } from "../../transaction.js";
import { csvText, workbookBuffer, workbookContentType } from "../../spreadsheets.js";
import { recordAuditEvent } from "../audit/index.js";
import { readCaseRows } from "./service.js";

export const EXPORT_ROW_LIMIT = 100_000;

const columns = [
  "reference",
  "mission",
  "status",
  "date_reported",
  "date_of_incident",
  "categories_of_personnel",
  "nationalities",
  "allegation_types",
  "victims",
  "child_victims",
  "paternity_claim",
  "urgent",
];

export async function exportCases(services: Services, actor: Actor, filter: CaseFilter, format: "csv" | "xlsx") {
  if (!casePolicy.list(actor)) throw new Forbidden("Your role does not work with cases.");
  if (filter.q)
    throw new ValidationFailed(
      "Exports use the list's filters, not a text search.",
      [{ path: "querystring.q", message: "not for export" }],
      "search_not_exported",
    );
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await readCaseRows(tx, actor, { ...filter, limit: EXPORT_ROW_LIMIT + 1, offset: 0 });
    if (rows.length > EXPORT_ROW_LIMIT) {
      throw new ValidationFailed(
        `More than ${EXPORT_ROW_LIMIT.toLocaleString("en")} cases match: narrow the filters (a mission or a year) and export in parts.`,
        [],
        "export_too_large",
      );
    }
    const visible = rows.filter((row) =>
      casePolicy.view(actor, {
        missionCode: row.missionCode,
        nationalityCodes: row.nationalityCodes,
        assignedUserIds: row.assignedUserIds,
        headquartersOnly: row.headquartersOnly,
        sharedUnitCodes: row.sharedUnitCodes,
      }),
    );
    const records = visible.map((row) => {
      const victims = {
        women: row.victimsWomen,
        girls: row.victimsGirls,
        boys: row.victimsBoys,
        men: row.victimsMen,
        unknown: row.victimsUnknown,
      };
      return [
        row.reference,
        row.missionCode,
        row.status,
        row.dateReported,
        row.dateOfIncident ?? "",
        row.categoryCodes.join(";"),
        casePolicy.knownNationalities(actor, row.nationalityCodes).join(";"),
        row.allegationCodes.join(";"),
        totalVictims(victims),
        childVictims(victims),
        row.paternityClaim ? "Yes" : "No",
        row.urgent ? "Yes" : "No",
      ];
    });
    await recordAuditEvent(tx, actor, {
      action: "case.export",
      subjectType: "case",
      details: {
        format,
        filter: Object.entries(filter).map(([key, value]) => `${key}=${value}`),
        rows: records.length,
      },
    });
    if (format === "csv")
      return {
        body: Buffer.from(csvText([columns, ...records], { byteOrderMark: true }), "utf8"),
        contentType: "text/csv; charset=utf-8",
      };
    return {
      body: await workbookBuffer([{ name: "Cases", header: columns, rows: records }]),
      contentType: workbookContentType,
    };
  });
}
