// The quarterly risk report as the files a mission sends headquarters: a spreadsheet (one sheet per
// table) and a PDF. Written in English or French, the Secretariat's working languages.
import { en } from "../../../web/i18n/en.js";
import { openPdf } from "../../pdf.js";
import { type Cell, type Sheet, workbookBuffer } from "../../spreadsheets.js";
import { fr } from "../../../web/i18n/fr.js";
import {
  type QuarterlyReport,
  RATING_MAX,
  type RiskLevel,
  riskLevel,
  riskLevels,
  riskScore,
} from "../../../domain/risk.js";

type Language = "en" | "fr";
type Report = QuarterlyReport & { missionCode: string };

const labels = {
  en: {
    title: "Misconduct risk management — quarterly report",
    mission: "Mission",
    quarter: "Quarter",
    asOf: "Overdue as of",
    summary: "Summary",
    locations: "Locations assessed",
    rated: "Locations rated",
    assessedInQuarter: "Assessed or reassessed in the quarter",
    reviewsOverdue: "Reviews overdue",
    mitigationsDue: "Mitigations due in the quarter",
    mitigationsCompleted: "Mitigations completed in the quarter",
    mitigationsOverdue: "Mitigations overdue",
    heat: "Factors by likelihood (rows, 5 = almost certain) and impact (columns, 5 = severe)",
    location: "Location",
    kind: "Kind",
    assessedOn: "Assessed",
    reviewOn: "Review",
    level: "Rating",
    factor: "Factor",
    likelihood: "Likelihood",
    impact: "Impact",
    score: "Score",
    action: "Mitigation",
    owner: "Owner",
    dueOn: "Due",
    overdue: "overdue",
    factors: "Factors",
    overdueMitigations: "Overdue mitigations",
    none: "None",
    notRated: "Not rated",
  },
  fr: {
    title: "Gestion des risques de faute — rapport trimestriel",
    mission: "Mission",
    quarter: "Trimestre",
    asOf: "Retards au",
    summary: "Synthèse",
    locations: "Sites évalués",
    rated: "Sites de niveau",
    assessedInQuarter: "Évalués ou réévalués dans le trimestre",
    reviewsOverdue: "Révisions en retard",
    mitigationsDue: "Mesures d'atténuation dues dans le trimestre",
    mitigationsCompleted: "Mesures achevées dans le trimestre",
    mitigationsOverdue: "Mesures en retard",
    heat: "Facteurs par probabilité (lignes, 5 = quasi certaine) et impact (colonnes, 5 = grave)",
    location: "Site",
    kind: "Type",
    assessedOn: "Évalué le",
    reviewOn: "Révision",
    level: "Niveau",
    factor: "Facteur",
    likelihood: "Probabilité",
    impact: "Impact",
    score: "Score",
    action: "Mesure d'atténuation",
    owner: "Responsable",
    dueOn: "Échéance",
    overdue: "en retard",
    factors: "Facteurs",
    overdueMitigations: "Mesures en retard",
    none: "Aucune",
    notRated: "Non évalué",
  },
} satisfies Record<Language, unknown>;

export const reportLanguage = (language: string): Language => (language === "fr" ? "fr" : "en");

/** The report's own words, and the names of levels, factors and kinds of location the web app shows too. */
function words(language: Language) {
  const l = labels[language];
  const names = (language === "fr" ? fr : en).risk;
  return {
    l,
    level: (level: RiskLevel | null) => (level === null ? l.notRated : names.levels[level]),
    factor: (kind: string) => names.factorKinds[kind as keyof typeof names.factorKinds] ?? kind,
    locationKind: (kind: string) => names.locationKinds[kind as keyof typeof names.locationKinds] ?? kind,
  };
}

function summaryRows(report: Report, language: Language): [string, string | number][] {
  const { l, level } = words(language);
  return [
    [l.mission, report.missionCode],
    [l.quarter, `${report.quarter} (${report.from} – ${report.to})`],
    [l.asOf, report.asOf],
    [l.locations, report.totals.locations],
    ...riskLevels.map((name): [string, number] => [
      `${l.rated} ${level(name).toLocaleLowerCase(language)}`,
      report.levels[name],
    ]),
    [l.assessedInQuarter, report.totals.assessedInQuarter],
    [l.reviewsOverdue, report.totals.reviewsOverdue],
    [l.mitigationsDue, report.totals.mitigationsDue],
    [l.mitigationsCompleted, report.totals.mitigationsCompleted],
    [l.mitigationsOverdue, report.totals.mitigationsOverdue],
  ];
}

export function reportSpreadsheet(report: Report, language: Language): Promise<Buffer> {
  const { l, level, factor, locationKind } = words(language);
  const sheet = (name: string, header: Cell[], rows: Cell[][], boldRows?: number[]): Sheet => ({
    name,
    header,
    rows,
    boldRows,
    columnWidth: 22,
  });
  const summary = summaryRows(report, language);
  const heat = [
    [],
    [l.heat],
    [`${l.likelihood} \\ ${l.impact}`, 1, 2, 3, 4, 5],
    ...Array.from({ length: RATING_MAX }, (_, i) => [RATING_MAX - i, ...report.heat[RATING_MAX - i - 1]]),
  ];
  return workbookBuffer([
    sheet(l.summary, [l.summary, ""], [...summary, ...heat], [summary.length + 1]),
    sheet(
      l.location,
      [
        l.location,
        l.kind,
        l.assessedOn,
        l.reviewOn,
        l.level,
        l.mitigationsDue,
        l.mitigationsCompleted,
        l.mitigationsOverdue,
      ],
      report.locations.map((x) => [
        x.location,
        locationKind(x.locationKind),
        x.assessedOn,
        x.reviewOverdue ? `${x.reviewOn} (${l.overdue})` : x.reviewOn,
        level(x.level),
        x.mitigations.due,
        x.mitigations.completed,
        x.mitigations.overdue,
      ]),
    ),
    sheet(
      l.factors,
      [l.location, l.factor, l.likelihood, l.impact, l.score, l.level],
      report.locations.flatMap((x) =>
        x.factors.map((f) => [x.location, factor(f.kind), f.likelihood, f.impact, f.score, level(f.level)]),
      ),
    ),
    sheet(
      l.overdueMitigations,
      [l.location, l.action, l.owner, l.dueOn],
      report.locations.flatMap((x) => x.overdueMitigations.map((m) => [x.location, m.action, m.owner, m.dueOn])),
    ),
  ]);
}

const levelColours: Record<RiskLevel, string> = {
  low: "#d3f9d8",
  medium: "#fff3bf",
  high: "#ffd8a8",
  critical: "#ffc9c9",
};

export async function reportPdf(report: Report, language: Language): Promise<Buffer> {
  const { l, level, factor, locationKind } = words(language);
  const { doc, done } = await openPdf({ title: `${l.title} — ${report.missionCode} ${report.quarter}`, language });
  doc.font("bold").fontSize(15).text(l.title);
  doc.moveDown(0.5).font("regular").fontSize(10);
  for (const [label, value] of summaryRows(report, language)) doc.text(`${label}: ${value}`);

  doc.moveDown().font("bold").fontSize(10).text(l.heat);
  const size = 26;
  const left = doc.page.margins.left + 20;
  let top = doc.y + 6;
  for (let likelihood = RATING_MAX; likelihood >= 1; likelihood--, top += size) {
    doc
      .font("regular")
      .fontSize(9)
      .fillColor("#000")
      .text(String(likelihood), left - 16, top + 8);
    for (let impact = 1; impact <= RATING_MAX; impact++) {
      const x = left + (impact - 1) * size;
      doc.rect(x, top, size, size).fillAndStroke(levelColours[riskLevel(riskScore(likelihood, impact))], "#868e96");
      const count = report.heat[likelihood - 1][impact - 1];
      if (count > 0)
        doc
          .fillColor("#000")
          .font("bold")
          .text(String(count), x, top + 8, { width: size, align: "center" });
    }
  }
  for (let impact = 1; impact <= RATING_MAX; impact++)
    doc
      .font("regular")
      .fillColor("#000")
      .text(String(impact), left + (impact - 1) * size, top + 4, { width: size, align: "center" });
  doc.x = doc.page.margins.left;
  doc.y = top + 24;

  for (const x of report.locations) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc
      .moveDown()
      .font("bold")
      .fontSize(12)
      .fillColor("#000")
      .text(`${x.location} — ${locationKind(x.locationKind)} — ${level(x.level)}`);
    doc
      .font("regular")
      .fontSize(9)
      .text(
        `${l.assessedOn}: ${x.assessedOn}   ${l.reviewOn}: ${x.reviewOn}${x.reviewOverdue ? ` (${l.overdue})` : ""}   ${l.mitigationsDue}: ${x.mitigations.due}   ${l.mitigationsCompleted}: ${x.mitigations.completed}`,
      );
    for (const f of x.factors)
      doc.text(
        `• ${factor(f.kind)} — ${l.likelihood} ${f.likelihood} × ${l.impact} ${f.impact} = ${f.score} (${level(f.level)})`,
        { indent: 8 },
      );
    doc.font("bold").text(`${l.overdueMitigations}: ${x.overdueMitigations.length === 0 ? l.none : ""}`);
    doc.font("regular");
    for (const m of x.overdueMitigations)
      doc.text(`• ${m.action} — ${l.owner}: ${m.owner} — ${l.dueOn}: ${m.dueOn}`, { indent: 8 });
  }
  doc.end();
  return done;
}
