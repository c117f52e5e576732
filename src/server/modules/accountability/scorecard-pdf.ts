// A contributing country's scorecard as a PDF in the staff app's six languages (Arabic set right to
// left), with the web app's own words.
import type { Share } from "../../../domain/accountability.js";
import type { UnLanguage } from "../../../domain/un-languages.js";
import { staffMessages } from "../../../web/i18n/all.js";
import { label } from "../../../domain/vocabulary/index.js";
import { openPdf, rightToLeft, writeParagraph } from "../../pdf.js";
import type { Scorecard } from "./service.js";

export async function scorecardPdf(
  card: Scorecard,
  language: UnLanguage,
  countryNames: Map<string, string>,
): Promise<Buffer> {
  const messages = staffMessages[language];
  const w = messages.accountability;
  const actionName = (kind: string) =>
    messages.enforcement.kinds[kind as keyof typeof messages.enforcement.kinds] ?? kind;
  // Where an investigation stands, as published: the shared vocabulary names every status.
  const statusName = (key: string) => label(language, "investigationStatuses", key);
  const percent = new Intl.NumberFormat(language, { style: "percent" });
  const shareText = (value: Share) =>
    value.share === null
      ? w.noneYet
      : w.share
          .replace("{{count}}", String(value.count))
          .replace("{{of}}", String(value.of))
          .replace("{{percent}}", percent.format(value.share));
  const country = countryNames.get(card.countryCode) ?? card.countryCode;
  const { doc, done } = await openPdf({ title: `${w.title} — ${country}`, language });

  const rtl = rightToLeft(language);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  /** A paragraph in the flow of the page, indented from the reading side. */
  const say = (text: string, indent = 0) =>
    writeParagraph(doc, text, rtl ? left : left + indent, doc.y, width - indent, rtl);
  const heading = (text: string) => {
    doc.moveDown(0.8).font("bold").fontSize(12).fillColor("#000");
    say(text);
    doc.moveDown(0.2).font("regular").fontSize(10);
  };
  const line = (label: string, value: string | number | null) => say(`${label}: ${value ?? "—"}`);

  doc.font("bold").fontSize(16);
  say(`${w.title} — ${country}`);
  doc.font("regular").fontSize(9).fillColor("#495057");
  say(new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(new Date()));

  heading(`${w.publishedByYear} — ${w.published}`);
  for (const row of card.allegationsByYear) line(row.key, row.count ?? row.range ?? "");
  heading(w.investigationStatus);
  for (const row of card.investigations)
    line(
      statusName(row.key),
      `${row.count ?? row.range}${row.medianDays ? ` (${w.medianDays}: ${row.medianDays})` : ""}`,
    );
  heading(w.finalActions);
  for (const row of card.finalActions) line(actionName(row.key), row.count ?? row.range ?? "");

  const m = card.measures;
  heading(`${w.measures} — ${w.restricted}`);
  for (const row of card.allRecordedByYear) line(`${w.recordedByYear} ${row.key}`, row.count ?? "");
  line(w.repliesOnTime, shareText(m.repliesOnTime));
  line(w.nioMedian, m.nioAppointment.medianDays);
  line(w.nioNotAppointed, m.nioAppointment.notAppointed);
  line(w.investigationsCompleted, m.investigations.completed);
  line(w.investigationsOpen, m.investigations.open);
  line(w.medianDays, m.investigations.medianDays);
  line(w.p90Days, m.investigations.p90Days);
  line(w.withinDeadline, shareText(m.investigations.withinDeadline));
  line(w.openPastDeadline, m.investigations.openPastDeadline);
  line(w.substantiatedWithFinalAction, shareText(m.substantiatedWithFinalAction));
  line(w.proceedings, m.proceedings.total);
  line(w.onSiteCourtsMartial, m.proceedings.onSiteCourtsMartial);
  line(w.convictions, m.proceedings.convictions);
  line(w.commandUnits, m.command.units);
  line(w.commandSignalled, m.command.signalled);
  line(w.failedDuties, m.command.failedDuties);
  line(w.leaderAllegations, m.command.leaderAllegations);
  for (const [kind, count] of Object.entries(m.command.decisions))
    line(
      `${w.commandDecisions}: ${messages.units.decisionKinds[kind as keyof typeof messages.units.decisionKinds]}`,
      count,
    );

  heading(w.penalties);
  doc.fontSize(9).fillColor("#495057");
  say(w.penaltiesHelp);
  doc.fillColor("#000").fontSize(10);
  if (m.penalties.length === 0) say(w.noPenalties);
  for (const row of m.penalties) {
    doc.moveDown(0.3).font("bold");
    say(`${w.severities[row.severity]} — ${w.substantiated}: ${row.substantiated}`);
    doc.font("regular");
    for (const [kind, count] of Object.entries(row.actions)) say(`• ${actionName(kind)}: ${count}`, 10);
    if (row.noAction > 0) say(`• ${w.noAction}: ${row.noAction}`, 10);
  }
  doc.end();
  return done;
}
