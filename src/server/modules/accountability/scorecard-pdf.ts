// A contributing country's scorecard as a PDF, in English or French, with the web app's own words.
import type { Share } from "../../../domain/accountability.js";
import { en } from "../../../web/i18n/en.js";
import { fr } from "../../../web/i18n/fr.js";
import { openPdf } from "../../pdf.js";
import type { Scorecard } from "./service.js";

export async function scorecardPdf(
  card: Scorecard,
  language: "en" | "fr",
  countryNames: Map<string, string>,
): Promise<Buffer> {
  const messages = language === "fr" ? fr : en;
  const w = messages.accountability;
  const actionName = (kind: string) =>
    messages.enforcement.kinds[kind as keyof typeof messages.enforcement.kinds] ?? kind;
  const statusName = (key: string) =>
    messages.enforcement.outcomes[key as keyof typeof messages.enforcement.outcomes] ?? key;
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

  const heading = (text: string) =>
    doc.moveDown(0.8).font("bold").fontSize(12).fillColor("#000").text(text).moveDown(0.2).font("regular").fontSize(10);
  const line = (label: string, value: string | number | null) => doc.text(`${label}: ${value ?? "—"}`);

  doc.font("bold").fontSize(16).text(`${w.title} — ${country}`);
  doc.font("regular").fontSize(9).fillColor("#495057").text(new Date().toISOString().slice(0, 10));

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

  heading(w.penalties);
  doc.fontSize(9).fillColor("#495057").text(w.penaltiesHelp).fillColor("#000").fontSize(10);
  if (m.penalties.length === 0) doc.text(w.noPenalties);
  for (const row of m.penalties) {
    doc
      .moveDown(0.3)
      .font("bold")
      .text(`${w.severities[row.severity]} — ${w.substantiated}: ${row.substantiated}`)
      .font("regular");
    for (const [kind, count] of Object.entries(row.actions))
      doc.text(`• ${actionName(kind)}: ${count}`, { indent: 10 });
    if (row.noAction > 0) doc.text(`• ${w.noAction}: ${row.noAction}`, { indent: 10 });
  }
  doc.end();
  return done;
}
