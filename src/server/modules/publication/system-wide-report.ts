// The quarterly system-wide report for headquarters: one quarter's published SEA allegations of every
// entity, by system-wide category of personnel and by status, as a workbook or a PDF in any of the
// six languages. Published figures only, exact (no small-cell ranges: it is not for the public page).
import type { z } from "zod";
import type { systemWideReportQuery } from "../../../domain/contracts/publication.js";
import { systemWideCategories } from "../../../domain/reference/personnel.js";
import { type SystemWideGrouping, systemWideStatuses } from "../../../domain/system-wide.js";
import type { Actor } from "../../auth/actor.js";
import { publicationPolicy } from "../../auth/policies/index.js";
import { Forbidden } from "../../errors.js";
import { dataMessages } from "../../public/data-messages.js";
import { quarterName, systemWideLabeller } from "../../public/system-wide-words.js";
import type { Services } from "../../services.js";
import { type Cell, workbookBuffer } from "../../spreadsheets.js";
import { namedEntities } from "../reference/index.js";
import { type SystemWideCell, systemWideQuarter } from "./system-wide.js";
import { madeOn, tablesPdf } from "./table-pdf.js";

type ReportQuery = z.infer<typeof systemWideReportQuery>;

interface Matrix {
  heading: string;
  header: string[];
  rows: Cell[][];
}

export async function systemWideReport(
  services: Services,
  actor: Actor,
  query: ReportQuery,
): Promise<{ fileName: string; body: Buffer }> {
  if (!publicationPolicy.systemWideReport(actor)) throw new Forbidden();
  const [cells, entities] = await Promise.all([
    systemWideQuarter(services, query.year, query.quarter),
    namedEntities(services.db),
  ]);
  const words = dataMessages[query.lang];
  const sw = words.systemWide;
  const label = systemWideLabeller(query.lang, entities);
  const entityCodes = [...new Set(cells.map((cell) => cell.entity))].sort((a, b) =>
    label("entity", a).localeCompare(label("entity", b), query.lang),
  );
  // Entities down, the dimension's values across, with totals both ways.
  const matrix = (heading: string, dimension: "category" | "status", keys: readonly string[]): Matrix => {
    const sum = (match: (cell: SystemWideCell) => boolean) =>
      cells.filter(match).reduce((total, cell) => total + cell.count, 0);
    const line = (name: string, inEntity: (cell: SystemWideCell) => boolean): Cell[] => [
      name,
      ...keys.map((key) => sum((cell) => inEntity(cell) && cell[dimension] === key)),
      sum(inEntity),
    ];
    return {
      heading,
      header: [sw.groupings.entity, ...keys.map((key) => label(dimension as SystemWideGrouping, key)), words.total],
      rows: [
        ...entityCodes.map((code) => line(label("entity", code), (cell) => cell.entity === code)),
        line(words.total, () => true),
      ],
    };
  };
  const tables = [
    matrix(sw.byCategory, "category", [...systemWideCategories, "unknown"]),
    matrix(sw.byStatus, "status", systemWideStatuses),
  ];
  const period = quarterName(words, `${query.year}-Q${query.quarter}`);
  const title = sw.reportTitle.replace("{{period}}", period);
  const fileName = `system-wide-${query.year}-Q${query.quarter}.${query.format}`;
  if (query.format === "xlsx")
    return {
      fileName,
      body: await workbookBuffer(
        tables.map((table) => ({
          name: table.heading.slice(0, 31),
          header: table.header,
          rows: table.rows,
          boldRows: [table.rows.length - 1],
          columnWidth: 18,
        })),
      ),
    };
  const number = new Intl.NumberFormat(query.lang);
  return {
    fileName,
    body: await tablesPdf(
      query.lang,
      title,
      `${sw.intro} ${madeOn(query.lang)}`,
      tables.map((table) => ({
        heading: table.heading,
        columns: table.header.map((header, index) => ({ header, weight: index === 0 ? 3 : 1 })),
        rows: table.rows.map((row) =>
          row.map((cell) => (typeof cell === "number" ? number.format(cell) : String(cell))),
        ),
        boldRows: [table.rows.length - 1],
      })),
      words.noData,
    ),
  };
}
