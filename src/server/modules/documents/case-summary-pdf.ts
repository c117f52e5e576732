// A printable summary of a case as its reader may see it (what the case page shows them): its
// facts, the narrative and place if they may read them, the referrals addressed where they may know
// of them, and the history with who acted. In the six UN languages (Arabic set right to left).
import type { Case } from "../../../domain/contracts/cases.js";
import type { Referral } from "../../../domain/contracts/referrals.js";
import { allegationLabel, label } from "../../../domain/vocabulary/index.js";
import type { UnLanguage } from "../../../domain/un-languages.js";
import { staffMessages } from "../../../web/i18n/all.js";
import { openPdf, rightToLeft, writeParagraph } from "../../pdf.js";
import { counted } from "../../public/plurals.js";

export interface CaseSummaryInput {
  item: Case;
  referrals: Referral[];
  history: {
    at: string;
    action: string;
    actorName: string | null;
    actorRole: string | null;
    details: Record<string, unknown>;
  }[];
  countryNames: Map<string, string>;
  printedBy: string;
}

export async function caseSummaryPdf(input: CaseSummaryInput, language: UnLanguage): Promise<Buffer> {
  const w = staffMessages[language];
  const { item } = input;
  const day = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const date = (iso: string | null) => (iso ? day.format(new Date(iso)) : "—");
  const names = (codes: string[], name: (code: string) => string) => codes.map(name).join(", ") || "—";
  const country = (code: string) => input.countryNames.get(code) ?? code;
  const title = `${w.caseSummary.title} — ${item.reference}`;
  const { doc, done } = await openPdf({ title, language });
  const rtl = rightToLeft(language);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const say = (text: string) => writeParagraph(doc, text, left, doc.y, width, rtl);
  const heading = (text: string) => {
    doc.moveDown(0.8).font("bold").fontSize(12);
    say(text);
    doc.moveDown(0.2).font("regular").fontSize(10);
  };
  const line = (name: string, value: string) => say(`${name}: ${value}`);

  doc.font("bold").fontSize(16);
  say(title);
  doc.font("regular").fontSize(9).fillColor("#495057");
  say(w.caseSummary.printed.replace("{{date}}", moment.format(new Date())).replace("{{name}}", input.printedBy));
  doc.fillColor("#000").fontSize(10).moveDown(0.5);

  line(w.cases.status, label(language, "caseStatuses", item.status));
  line(w.cases.mission, item.missionCode);
  line(w.cases.reported, date(item.dateReported));
  line(w.cases.dateOfIncident, date(item.dateOfIncident));
  line(
    w.cases.categories,
    names(item.categoryCodes, (code) => label(language, "personnelCategories", code)),
  );
  line(w.cases.nationalities, names(item.nationalityCodes, country));
  line(
    w.cases.allegations,
    names(item.allegationCodes, (code) => allegationLabel(language, code)),
  );
  if (item.can.seeVictims) {
    const groups = (["women", "girls", "boys", "men"] as const).filter((group) => item.victims[group] > 0);
    line(w.caseWork.victims, groups.map((group) => counted(language, group, item.victims[group])).join(", ") || "—");
  }
  line(w.caseWork.childrenInvolved, w.reports.answers[item.childrenInvolved]);
  if (item.can.readNarrative) {
    line(w.reports.place, item.place ?? "—");
    heading(w.cases.narrative);
    say(item.narrative ?? "—");
  }

  heading(w.referrals.title);
  if (input.referrals.length === 0) say(w.referrals.none);
  for (const referral of input.referrals) {
    const to = `${label(language, "referralEntities", referral.entity)}${referral.countryCode ? ` — ${country(referral.countryCode)}` : ""}`;
    const facts = [
      referral.noteVerbaleReference ? `${w.referrals.noteVerbale} ${referral.noteVerbaleReference}` : null,
      `${w.referrals.sentOn} ${date(referral.sentOn)}`,
      referral.replyDueOn ? `${w.referrals.replyDue} ${date(referral.replyDueOn)}` : null,
      referral.reply ? w.referrals.replies[referral.reply as keyof typeof w.referrals.replies] : null,
      referral.nioName ? `${w.referrals.nio}: ${referral.nioName}` : null,
    ].filter(Boolean);
    say(`${to} · ${facts.join(" · ")}`);
  }

  heading(w.cases.timeline);
  for (const event of input.history) {
    const what =
      event.action === "case.transition"
        ? `${w.cases.events.case_transition} ${label(language, "caseStatuses", String(event.details.to))}`
        : label(language, "auditActions", event.action);
    const who = event.actorName ?? (event.actorRole ? label(language, "roles", event.actorRole) : "");
    say(`${moment.format(new Date(event.at))} — ${what}${who ? ` (${who})` : ""}`);
  }
  doc.end();
  return done;
}
