// What the SMS conversation says, in the six UN languages (community languages translate the same
// keys in their files). Short: each message should fit one or two text messages.
import type { PublicLanguage } from "./messages.js";

export interface SmsMessages {
  welcome: string;
  whatHappened: string;
  tooShort: string;
  organisation: string;
  organisationUnknown: string;
  mission: string;
  missionUnknown: string;
  route: string;
  received: string;
  passedOn: string;
  fromOfficer: string;
  chooseNumber: string;
  forgotten: string;
}

export const smsMessages: Record<PublicLanguage, SmsMessages> = {
  en: {
    welcome:
      "Conduct Ledger: report misconduct by UN personnel, confidentially. Reply with the number of your language:",
    whatHappened: "What happened, where and when? Write it in one message. You do not have to give your name.",
    tooShort: "Please describe what happened in a few more words.",
    organisation: "Who do they work for? Reply with its number:",
    organisationUnknown: "I don't know",
    mission: "Which UN mission? Reply with its number:",
    missionUnknown: "I don't know",
    route: "Who should receive it? 1 the mission's team, 2 UN headquarters and OIOS only, 0 I don't know",
    received:
      "Report received. Your receipt: {{receipt}} Keep it secret. Reply to this number to write to the officer. Help: {{help}}",
    passedOn: "Your message was passed to the officer.",
    fromOfficer: "Conduct officer: {{message}}",
    chooseNumber: "Please reply with one of the numbers.",
    forgotten: "Your number is forgotten. Your report stays; follow it up with your receipt on the website.",
  },
  fr: {
    welcome:
      "Conduct Ledger : signalez une faute du personnel de l'ONU, en toute confidentialité. Répondez par le numéro de votre langue :",
    whatHappened:
      "Que s'est-il passé, où et quand ? Écrivez-le en un message. Vous n'êtes pas obligé de donner votre nom.",
    tooShort: "Décrivez ce qui s'est passé en quelques mots de plus.",
    organisation: "Pour qui travaillent-ils ? Répondez par son numéro :",
    organisationUnknown: "Je ne sais pas",
    mission: "Quelle mission de l'ONU ? Répondez par son numéro :",
    missionUnknown: "Je ne sais pas",
    route:
      "Qui doit le recevoir ? 1 l'équipe de la mission, 2 le Siège de l'ONU et le BSCI seulement, 0 je ne sais pas",
    received:
      "Signalement reçu. Votre reçu : {{receipt}} Gardez-le secret. Répondez à ce numéro pour écrire à l'agent. Aide : {{help}}",
    passedOn: "Votre message a été transmis à l'agent.",
    fromOfficer: "Agent déontologie : {{message}}",
    chooseNumber: "Répondez par l'un des numéros.",
    forgotten: "Votre numéro est oublié. Votre signalement reste ; suivez-le avec votre reçu sur le site.",
  },
  ar: {
    welcome: "Conduct Ledger: أبلغ عن سوء سلوك أفراد الأمم المتحدة بسرية. أجب برقم لغتك:",
    whatHappened: "ماذا حدث وأين ومتى؟ اكتب ذلك في رسالة واحدة. لست مضطرًا إلى ذكر اسمك.",
    tooShort: "صف ما حدث ببضع كلمات أخرى من فضلك.",
    organisation: "لمن يعملون؟ أجب برقمها:",
    organisationUnknown: "لا أعرف",
    mission: "أي بعثة للأمم المتحدة؟ أجب برقمها:",
    missionUnknown: "لا أعرف",
    route: "من ينبغي أن يتلقاه؟ 1 فريق البعثة، 2 مقر الأمم المتحدة ومكتب خدمات الرقابة الداخلية فقط، 0 لا أعرف",
    received:
      "تم استلام البلاغ. إيصالك: {{receipt}} احتفظ به سرًا. أجب على هذا الرقم لتكتب إلى الموظف. المساعدة: {{help}}",
    passedOn: "نُقلت رسالتك إلى الموظف.",
    fromOfficer: "موظف السلوك: {{message}}",
    chooseNumber: "أجب بأحد الأرقام من فضلك.",
    forgotten: "نُسي رقمك. يبقى بلاغك؛ تابعه بإيصالك على الموقع.",
  },
  zh: {
    welcome: "Conduct Ledger：保密举报联合国人员的不当行为。请回复您的语言编号：",
    whatHappened: "发生了什么、在哪里、什么时候？请用一条短信写下。您无需提供姓名。",
    tooShort: "请再多用几个词描述发生的事情。",
    organisation: "他们为谁工作？请回复其编号：",
    organisationUnknown: "我不知道",
    mission: "哪个联合国特派团？请回复其编号：",
    missionUnknown: "我不知道",
    route: "应由谁接收？1 特派团小组，2 仅联合国总部和监督厅，0 我不知道",
    received: "举报已收到。您的收据：{{receipt}} 请保密。回复此号码可给官员写信。帮助：{{help}}",
    passedOn: "您的消息已转给官员。",
    fromOfficer: "行为官员：{{message}}",
    chooseNumber: "请回复其中一个编号。",
    forgotten: "您的号码已被删除。您的举报仍然保留；请在网站上凭收据跟进。",
  },
  ru: {
    welcome: "Conduct Ledger: конфиденциально сообщите о проступке персонала ООН. Ответьте номером вашего языка:",
    whatHappened: "Что произошло, где и когда? Напишите одним сообщением. Называть имя не обязательно.",
    tooShort: "Пожалуйста, опишите случившееся подробнее.",
    organisation: "На кого они работают? Ответьте её номером:",
    organisationUnknown: "Не знаю",
    mission: "Какая миссия ООН? Ответьте её номером:",
    missionUnknown: "Не знаю",
    route: "Кто должен получить сообщение? 1 группа миссии, 2 только Центральные учреждения ООН и УСВН, 0 не знаю",
    received:
      "Сообщение получено. Ваша квитанция: {{receipt}} Храните её в тайне. Ответьте на этот номер, чтобы написать сотруднику. Помощь: {{help}}",
    passedOn: "Ваше сообщение передано сотруднику.",
    fromOfficer: "Сотрудник по вопросам поведения: {{message}}",
    chooseNumber: "Пожалуйста, ответьте одним из номеров.",
    forgotten: "Ваш номер удалён. Сообщение сохраняется; следите за ним по квитанции на сайте.",
  },
  es: {
    welcome:
      "Conduct Ledger: denuncie faltas del personal de la ONU, de forma confidencial. Responda con el número de su idioma:",
    whatHappened: "¿Qué ocurrió, dónde y cuándo? Escríbalo en un mensaje. No tiene que dar su nombre.",
    tooShort: "Describa lo ocurrido con algunas palabras más, por favor.",
    organisation: "¿Para quién trabajan? Responda con su número:",
    organisationUnknown: "No lo sé",
    mission: "¿Qué misión de la ONU? Responda con su número:",
    missionUnknown: "No lo sé",
    route: "¿Quién debe recibirla? 1 el equipo de la misión, 2 solo la Sede de la ONU y la OSSI, 0 no lo sé",
    received:
      "Denuncia recibida. Su recibo: {{receipt}} Manténgalo en secreto. Responda a este número para escribir al oficial. Ayuda: {{help}}",
    passedOn: "Su mensaje se transmitió al oficial.",
    fromOfficer: "Oficial de conducta: {{message}}",
    chooseNumber: "Responda con uno de los números, por favor.",
    forgotten: "Su número se ha borrado. Su denuncia se mantiene; sígala con su recibo en el sitio web.",
  },
};
