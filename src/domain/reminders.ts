// When a deadline calls for a reminder, and what it says, in the reader's language. No personal
// data: a case number, a date and a count of days, nothing from the case's content.
import { daysOverdue } from "./deadlines.js";

export const reminderKinds = [
  "referral_reply_overdue",
  "investigation_due_soon",
  "investigation_overdue",
  "paternity_claim_notified",
  "paternity_response_overdue",
  "child_support_overdue",
  "risk_mitigation_overdue",
  "risk_review_overdue",
  "after_action_overdue",
  "reporter_message",
  "assistance_request",
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** Investigations get a first reminder this many days before they fall due. */
export const DUE_SOON_DAYS = 14;

export type DeadlineSubject =
  | "referral"
  | "investigation"
  | "paternity_response"
  | "child_support"
  | "risk_mitigation"
  | "risk_review"
  | "after_action";

/** The reminder a deadline calls for today, if any; the due date is in the key, so an extension earns a new one. */
export function reminderFor(
  subject: DeadlineSubject,
  id: string,
  dueOn: string,
  today: string,
): { kind: ReminderKind; dedupeKey: string } | null {
  const late = daysOverdue(dueOn, today);
  if (subject === "risk_mitigation")
    return late > 0 ? { kind: "risk_mitigation_overdue", dedupeKey: `risk-mitigation:${id}:overdue:${dueOn}` } : null;
  if (subject === "after_action")
    return late > 0 ? { kind: "after_action_overdue", dedupeKey: `after-action:${id}:overdue:${dueOn}` } : null;
  if (subject === "risk_review")
    return late > 0 ? { kind: "risk_review_overdue", dedupeKey: `risk-review:${id}:overdue:${dueOn}` } : null;
  if (subject === "paternity_response")
    return late > 0 ? { kind: "paternity_response_overdue", dedupeKey: `paternity:${id}:response:${dueOn}` } : null;
  // The caller decides that payments have stopped; the missed due date is in the key, so each stop is reminded once.
  if (subject === "child_support")
    return { kind: "child_support_overdue", dedupeKey: `paternity:${id}:support:${dueOn}` };
  if (subject === "referral")
    return late > 0 ? { kind: "referral_reply_overdue", dedupeKey: `referral:${id}:overdue:${dueOn}` } : null;
  if (late > 0) return { kind: "investigation_overdue", dedupeKey: `investigation:${id}:overdue:${dueOn}` };
  if (late >= -DUE_SOON_DAYS) return { kind: "investigation_due_soon", dedupeKey: `investigation:${id}:soon:${dueOn}` };
  return null;
}

type Language = "en" | "fr" | "ar";
const subjects: Record<ReminderKind, Record<Language, string>> = {
  referral_reply_overdue: {
    en: "{ref}: the Member State's reply was due on {due}",
    fr: "{ref} : la réponse de l'État Membre était attendue le {due}",
    ar: "{ref}: كان موعد رد الدولة العضو {due}",
  },
  investigation_due_soon: {
    en: "{ref}: the investigation is due on {due}",
    fr: "{ref} : l'enquête doit être achevée le {due}",
    ar: "{ref}: موعد إنجاز التحقيق {due}",
  },
  investigation_overdue: {
    en: "{ref}: the investigation was due on {due}",
    fr: "{ref} : l'enquête devait être achevée le {due}",
    ar: "{ref}: كان موعد إنجاز التحقيق {due}",
  },
  paternity_claim_notified: {
    en: "{ref}: a paternity claim concerns one of your nationals; please appoint a paternity focal point by {due}",
    fr: "{ref} : une demande de reconnaissance de paternité concerne l'un de vos ressortissants ; veuillez désigner un point focal paternité d'ici le {due}",
    ar: "{ref}: مطالبة بإثبات أبوة تخص أحد رعاياكم؛ يرجى تعيين جهة تنسيق للأبوة قبل {due}",
  },
  paternity_response_overdue: {
    en: "{ref}: the State's paternity focal point was due to be appointed by {due}",
    fr: "{ref} : le point focal paternité de l'État devait être désigné au plus tard le {due}",
    ar: "{ref}: كان يجب تعيين جهة تنسيق الأبوة لدى الدولة قبل {due}",
  },
  risk_mitigation_overdue: {
    en: "{ref}: a risk mitigation was due on {due}",
    fr: "{ref} : une mesure d'atténuation des risques était due le {due}",
    ar: "{ref}: كان موعد إنجاز أحد تدابير تخفيف المخاطر {due}",
  },
  risk_review_overdue: {
    en: "{ref}: the risk assessment was due for review on {due}",
    fr: "{ref} : l'évaluation des risques devait être révisée le {due}",
    ar: "{ref}: كان موعد مراجعة تقييم المخاطر {due}",
  },
  after_action_overdue: {
    en: "{ref}: a follow-up action of an after-action review was due on {due}",
    fr: "{ref} : une mesure de suivi d'un examen a posteriori était due le {due}",
    ar: "{ref}: كان موعد إنجاز أحد إجراءات المتابعة لاستعراض ما بعد الإجراء {due}",
  },
  assistance_request: {
    en: "{ref}: an officer asks victim assistance to see a victim",
    fr: "{ref} : un agent demande à l'assistance aux victimes de voir une victime",
    ar: "{ref}: يطلب أحد الموظفين من مساعدة الضحايا مقابلة ضحية",
  },
  reporter_message: {
    en: "{ref}: the reporter sent a new message",
    fr: "{ref} : la personne qui a signalé les faits a envoyé un nouveau message",
    ar: "{ref}: أرسل صاحب البلاغ رسالة جديدة",
  },
  child_support_overdue: {
    en: "{ref}: a child-support payment due on {due} has not been recorded",
    fr: "{ref} : un versement de pension alimentaire dû le {due} n'a pas été enregistré",
    ar: "{ref}: لم تُسجَّل دفعة نفقة الطفل المستحقة في {due}",
  },
};
const preventionBodies: Record<Language, string> = {
  en: "Open the record to see what is outstanding:\n{link}\n\nYou receive this because you keep this mission's prevention records in Conduct Ledger.",
  fr: "Ouvrez la fiche pour voir ce qui reste à faire :\n{link}\n\nVous recevez ce message parce que vous tenez les dossiers de prévention de cette mission dans Conduct Ledger.",
  ar: "افتح السجل لمعرفة ما لم يُنجز بعد:\n{link}\n\nتتلقى هذه الرسالة لأنك تتولى سجلات الوقاية لهذه البعثة في Conduct Ledger.",
};
// The message itself stays in the application: email carries no word of it.
const messageBodies: Record<Language, string> = {
  en: "Open it to read the message and answer:\n{link}\n\nYou receive this because you handle this report in Conduct Ledger.",
  fr: "Ouvrez-le pour lire le message et répondre :\n{link}\n\nVous recevez ce message parce que vous traitez ce signalement dans Conduct Ledger.",
  ar: "افتحه لقراءة الرسالة والرد عليها:\n{link}\n\nتتلقى هذه الرسالة لأنك تتولى هذا البلاغ في Conduct Ledger.",
};
const bodies: Record<Language, string> = {
  en: "Open the case to see what is outstanding:\n{link}\n\nYou receive this because you follow this case in Conduct Ledger.",
  fr: "Ouvrez le dossier pour voir ce qui reste à faire :\n{link}\n\nVous recevez ce message parce que vous suivez ce dossier dans Conduct Ledger.",
  ar: "افتح الملف لمعرفة ما لم يُنجز بعد:\n{link}\n\nتتلقى هذه الرسالة لأنك تتابع هذا الملف في Conduct Ledger.",
};

export function reminderMessage(
  kind: ReminderKind,
  language: string,
  values: { ref: string; due: string; link: string },
) {
  const lang: Language = language === "fr" || language === "ar" ? language : "en";
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, key: keyof typeof values) => values[key]);
  const body =
    kind === "reporter_message"
      ? messageBodies[lang]
      : kind.startsWith("risk_") || kind === "after_action_overdue"
        ? preventionBodies[lang]
        : bodies[lang];
  return { subject: fill(subjects[kind][lang]), text: fill(body) };
}
