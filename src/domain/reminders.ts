// When a deadline calls for a reminder, and what it says, in the reader's language. No personal
// data: a case number, a date and a count of days, nothing from the case's content.
import { daysOverdue } from "./deadlines.js";
import { type UnLanguage, unLanguages } from "./un-languages.js";

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
  "leadership_commitment_overdue",
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
  | "after_action"
  | "leadership_commitment";

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
  if (subject === "leadership_commitment")
    return late > 0 ? { kind: "leadership_commitment_overdue", dedupeKey: `leadership:${id}:overdue:${dueOn}` } : null;
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

type Language = UnLanguage;
const subjects: Record<ReminderKind, Record<Language, string>> = {
  referral_reply_overdue: {
    en: "{ref}: the Member State's reply was due on {due}",
    fr: "{ref} : la réponse de l'État Membre était attendue le {due}",
    ar: "{ref}: كان موعد رد الدولة العضو {due}",
    es: "{ref}: la respuesta del Estado Miembro vencía el {due}",
    ru: "{ref}: ответ государства-члена ожидался {due}",
    zh: "{ref}：会员国的答复应于 {due} 前提交",
  },
  investigation_due_soon: {
    en: "{ref}: the investigation is due on {due}",
    fr: "{ref} : l'enquête doit être achevée le {due}",
    ar: "{ref}: موعد إنجاز التحقيق {due}",
    es: "{ref}: la investigación vence el {due}",
    ru: "{ref}: срок расследования — {due}",
    zh: "{ref}：调查将于 {due} 到期",
  },
  investigation_overdue: {
    en: "{ref}: the investigation was due on {due}",
    fr: "{ref} : l'enquête devait être achevée le {due}",
    ar: "{ref}: كان موعد إنجاز التحقيق {due}",
    es: "{ref}: la investigación vencía el {due}",
    ru: "{ref}: срок расследования истек {due}",
    zh: "{ref}：调查已于 {due} 到期",
  },
  paternity_claim_notified: {
    en: "{ref}: a paternity claim concerns one of your nationals; please appoint a paternity focal point by {due}",
    fr: "{ref} : une demande de reconnaissance de paternité concerne l'un de vos ressortissants ; veuillez désigner un point focal paternité d'ici le {due}",
    ar: "{ref}: مطالبة بإثبات أبوة تخص أحد رعاياكم؛ يرجى تعيين جهة تنسيق للأبوة قبل {due}",
    es: "{ref}: una reclamación de paternidad concierne a uno de sus nacionales; nombre un coordinador de paternidad antes del {due}",
    ru: "{ref}: иск об отцовстве касается одного из ваших граждан; просим назначить координатора по вопросам отцовства до {due}",
    zh: "{ref}：一项亲子关系索赔涉及贵国国民；请在 {due} 前任命亲子关系协调人",
  },
  paternity_response_overdue: {
    en: "{ref}: the State's paternity focal point was due to be appointed by {due}",
    fr: "{ref} : le point focal paternité de l'État devait être désigné au plus tard le {due}",
    ar: "{ref}: كان يجب تعيين جهة تنسيق الأبوة لدى الدولة قبل {due}",
    es: "{ref}: el coordinador de paternidad del Estado debía nombrarse antes del {due}",
    ru: "{ref}: координатор государства по вопросам отцовства должен был быть назначен до {due}",
    zh: "{ref}：国家的亲子关系协调人应于 {due} 前任命",
  },
  risk_mitigation_overdue: {
    en: "{ref}: a risk mitigation was due on {due}",
    fr: "{ref} : une mesure d'atténuation des risques était due le {due}",
    ar: "{ref}: كان موعد إنجاز أحد تدابير تخفيف المخاطر {due}",
    es: "{ref}: una medida de mitigación de riesgos vencía el {due}",
    ru: "{ref}: срок меры по снижению риска истек {due}",
    zh: "{ref}：一项风险缓解措施已于 {due} 到期",
  },
  risk_review_overdue: {
    en: "{ref}: the risk assessment was due for review on {due}",
    fr: "{ref} : l'évaluation des risques devait être révisée le {due}",
    ar: "{ref}: كان موعد مراجعة تقييم المخاطر {due}",
    es: "{ref}: la evaluación de riesgos debía revisarse el {due}",
    ru: "{ref}: оценку рисков следовало пересмотреть {due}",
    zh: "{ref}：风险评估应于 {due} 审查",
  },
  after_action_overdue: {
    en: "{ref}: a follow-up action of an after-action review was due on {due}",
    fr: "{ref} : une mesure de suivi d'un examen a posteriori était due le {due}",
    ar: "{ref}: كان موعد إنجاز أحد إجراءات المتابعة لاستعراض ما بعد الإجراء {due}",
    es: "{ref}: una medida de seguimiento de un examen a posteriori vencía el {due}",
    ru: "{ref}: срок последующей меры по итогам разбора истек {due}",
    zh: "{ref}：一项事后审查后续措施已于 {due} 到期",
  },
  leadership_commitment_overdue: {
    en: "{ref}: an item of a leader's commitments on SEA was due on {due}",
    fr: "{ref} : un élément des engagements d'un responsable en matière d'EAS était dû le {due}",
    ar: "{ref}: كان موعد إنجاز أحد بنود التزامات أحد القادة بشأن الاستغلال والانتهاك الجنسيين {due}",
    es: "{ref}: un elemento de los compromisos de un responsable sobre EAS vencía el {due}",
    ru: "{ref}: срок пункта обязательств руководителя по СЭНС истек {due}",
    zh: "{ref}：一名领导人关于性剥削和性虐待承诺中的一个事项已于 {due} 到期",
  },
  assistance_request: {
    en: "{ref}: an officer asks victim assistance to see a victim",
    fr: "{ref} : un agent demande à l'assistance aux victimes de voir une victime",
    ar: "{ref}: يطلب أحد الموظفين من مساعدة الضحايا مقابلة ضحية",
    es: "{ref}: un oficial pide a asistencia a las víctimas que atienda a una víctima",
    ru: "{ref}: сотрудник просит службу помощи потерпевшим принять потерпевшего",
    zh: "{ref}：一名干事请受害人援助部门接待一名受害人",
  },
  reporter_message: {
    en: "{ref}: the reporter sent a new message",
    fr: "{ref} : la personne qui a signalé les faits a envoyé un nouveau message",
    ar: "{ref}: أرسل صاحب البلاغ رسالة جديدة",
    es: "{ref}: el denunciante envió un mensaje nuevo",
    ru: "{ref}: заявитель прислал новое сообщение",
    zh: "{ref}：举报人发来新信息",
  },
  child_support_overdue: {
    en: "{ref}: a child-support payment due on {due} has not been recorded",
    fr: "{ref} : un versement de pension alimentaire dû le {due} n'a pas été enregistré",
    ar: "{ref}: لم تُسجَّل دفعة نفقة الطفل المستحقة في {due}",
    es: "{ref}: no se ha registrado un pago de manutención que vencía el {due}",
    ru: "{ref}: платеж на содержание ребенка со сроком {due} не зарегистрирован",
    zh: "{ref}：应于 {due} 支付的子女抚养费尚未登记",
  },
};
const preventionBodies: Record<Language, string> = {
  en: "Open the record to see what is outstanding:\n{link}\n\nYou receive this because you keep this mission's prevention records in Conduct Ledger.",
  fr: "Ouvrez la fiche pour voir ce qui reste à faire :\n{link}\n\nVous recevez ce message parce que vous tenez les dossiers de prévention de cette mission dans Conduct Ledger.",
  ar: "افتح السجل لمعرفة ما لم يُنجز بعد:\n{link}\n\nتتلقى هذه الرسالة لأنك تتولى سجلات الوقاية لهذه البعثة في Conduct Ledger.",
  es: "Abra el expediente para ver lo que queda pendiente:\n{link}\n\nRecibe este mensaje porque lleva los expedientes de prevención de esta misión en Conduct Ledger.",
  ru: "Откройте запись, чтобы увидеть, что осталось сделать:\n{link}\n\nВы получили это сообщение, потому что ведете записи о предотвращении этой миссии в Conduct Ledger.",
  zh: "打开记录查看尚未完成的事项：\n{link}\n\n您收到此信息，是因为您在 Conduct Ledger 中负责此特派团的预防记录。",
};
// The message itself stays in the application: email carries no word of it.
const messageBodies: Record<Language, string> = {
  en: "Open it to read the message and answer:\n{link}\n\nYou receive this because you handle this report in Conduct Ledger.",
  fr: "Ouvrez-le pour lire le message et répondre :\n{link}\n\nVous recevez ce message parce que vous traitez ce signalement dans Conduct Ledger.",
  ar: "افتحه لقراءة الرسالة والرد عليها:\n{link}\n\nتتلقى هذه الرسالة لأنك تتولى هذا البلاغ في Conduct Ledger.",
  es: "Ábralo para leer el mensaje y responder:\n{link}\n\nRecibe este mensaje porque se ocupa de esta denuncia en Conduct Ledger.",
  ru: "Откройте его, чтобы прочитать сообщение и ответить:\n{link}\n\nВы получили это сообщение, потому что работаете с этим сообщением в Conduct Ledger.",
  zh: "打开即可阅读信息并答复：\n{link}\n\n您收到此信息，是因为您在 Conduct Ledger 中处理此举报。",
};
const bodies: Record<Language, string> = {
  en: "Open the case to see what is outstanding:\n{link}\n\nYou receive this because you follow this case in Conduct Ledger.",
  fr: "Ouvrez le dossier pour voir ce qui reste à faire :\n{link}\n\nVous recevez ce message parce que vous suivez ce dossier dans Conduct Ledger.",
  ar: "افتح الملف لمعرفة ما لم يُنجز بعد:\n{link}\n\nتتلقى هذه الرسالة لأنك تتابع هذا الملف في Conduct Ledger.",
  es: "Abra el caso para ver lo que queda pendiente:\n{link}\n\nRecibe este mensaje porque sigue este caso en Conduct Ledger.",
  ru: "Откройте дело, чтобы увидеть, что осталось сделать:\n{link}\n\nВы получили это сообщение, потому что следите за этим делом в Conduct Ledger.",
  zh: "打开案件查看尚未完成的事项：\n{link}\n\n您收到此信息，是因为您在 Conduct Ledger 中跟进此案件。",
};

export function reminderMessage(
  kind: ReminderKind,
  language: string,
  values: { ref: string; due: string; link: string },
) {
  const lang: Language = (unLanguages as readonly string[]).includes(language) ? (language as Language) : "en";
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, key: keyof typeof values) => values[key]);
  const body =
    kind === "reporter_message"
      ? messageBodies[lang]
      : kind.startsWith("risk_") || kind === "after_action_overdue" || kind === "leadership_commitment_overdue"
        ? preventionBodies[lang]
        : bodies[lang];
  return { subject: fill(subjects[kind][lang]), text: fill(body) };
}
