// Words of the public home and of the page for an address that does not exist, in the six UN languages.
import type { PublicLanguage } from "./messages.js";

export interface HomeMessages {
  title: string;
  heading: string;
  intro: string;
  urgent: string;
  links: Record<HomeLink, { title: string; text: string }>;
  notFoundTitle: string;
  notFoundText: string;
  /** Shown atop a community language's pages until a translator has reviewed them. */
  draft: string;
}

type HomeLink = "report" | "followUp" | "help" | "figures" | "staff";
export const homeLinks: { key: HomeLink; href: string }[] = [
  { key: "report", href: "/report" },
  { key: "followUp", href: "/report/follow-up" },
  { key: "help", href: "/help" },
  { key: "figures", href: "/data" },
  { key: "staff", href: "/staff" },
];

export const homeMessages: Record<PublicLanguage, HomeMessages> = {
  en: {
    title: "Conduct Ledger: report misconduct by UN personnel",
    heading: "Report misconduct by UN personnel, and find help",
    intro:
      "Anyone can report sexual exploitation and abuse, or other misconduct, by people working for the United Nations. You do not have to give your name.",
    urgent:
      "If someone is in danger now, call the local emergency number. After a rape, medical care within 72 hours can prevent HIV and pregnancy.",
    links: {
      report: { title: "Report misconduct", text: "Tell us what happened. You choose who receives your report." },
      followUp: {
        title: "Follow up on a report",
        text: "With your receipt code, see where your report stands and write to the officer.",
      },
      help: {
        title: "Get help now",
        text: "Emergency numbers, medical care and support for victims, mission by mission.",
      },
      figures: { title: "Published figures", text: "Allegations, investigations and the actions taken." },
      staff: {
        title: "Staff sign-in",
        text: "For conduct and discipline staff, investigators and Member State focal points.",
      },
    },
    notFoundTitle: "This page does not exist",
    notFoundText: "The address may be mistyped or out of date. From here you can:",
    draft: "This page is a draft translation, not yet reviewed. If a word is unclear, choose another language above.",
  },
  fr: {
    title: "Conduct Ledger : signaler une faute du personnel des Nations Unies",
    heading: "Signaler une faute du personnel des Nations Unies, et trouver de l'aide",
    intro:
      "Toute personne peut signaler l'exploitation et les atteintes sexuelles, ou toute autre faute, commises par des personnes travaillant pour les Nations Unies. Vous n'êtes pas obligé de donner votre nom.",
    urgent:
      "Si quelqu'un est en danger maintenant, appelez le numéro d'urgence local. Après un viol, des soins médicaux dans les 72 heures peuvent prévenir le VIH et une grossesse.",
    links: {
      report: {
        title: "Signaler une faute",
        text: "Dites-nous ce qui s'est passé. Vous choisissez qui reçoit votre signalement.",
      },
      followUp: {
        title: "Suivre un signalement",
        text: "Avec votre code de reçu, voyez où en est votre signalement et écrivez à l'agent.",
      },
      help: {
        title: "Obtenir de l'aide maintenant",
        text: "Numéros d'urgence, soins médicaux et soutien aux victimes, mission par mission.",
      },
      figures: { title: "Chiffres publiés", text: "Allégations, enquêtes et mesures prises." },
      staff: {
        title: "Connexion du personnel",
        text: "Pour le personnel déontologie et discipline, les enquêteurs et les points focaux des États Membres.",
      },
    },
    notFoundTitle: "Cette page n'existe pas",
    notFoundText: "L'adresse est peut-être mal saisie ou périmée. D'ici, vous pouvez :",
    draft:
      "Cette page est une traduction provisoire, pas encore relue. Si un mot n'est pas clair, choisissez une autre langue ci-dessus.",
  },
  ar: {
    title: "Conduct Ledger: الإبلاغ عن سوء سلوك أفراد الأمم المتحدة",
    heading: "الإبلاغ عن سوء سلوك أفراد الأمم المتحدة، والحصول على المساعدة",
    intro:
      "يمكن لأي شخص الإبلاغ عن الاستغلال والانتهاك الجنسيين أو أي سوء سلوك آخر من أشخاص يعملون لدى الأمم المتحدة. لست مضطرًا إلى ذكر اسمك.",
    urgent:
      "إذا كان أحد في خطر الآن، فاتصل برقم الطوارئ المحلي. بعد الاغتصاب، يمكن للرعاية الطبية خلال 72 ساعة أن تقي من فيروس نقص المناعة البشرية ومن الحمل.",
    links: {
      report: { title: "الإبلاغ عن سوء سلوك", text: "أخبرنا بما حدث. أنت تختار من يتلقى بلاغك." },
      followUp: { title: "متابعة بلاغ", text: "برمز الإيصال، اطّلع على حالة بلاغك واكتب إلى الموظف المسؤول." },
      help: { title: "احصل على المساعدة الآن", text: "أرقام الطوارئ والرعاية الطبية ودعم الضحايا، بعثةً بعثة." },
      figures: { title: "الأرقام المنشورة", text: "الادعاءات والتحقيقات والإجراءات المتخذة." },
      staff: { title: "دخول الموظفين", text: "لموظفي السلوك والانضباط والمحققين ومنسقي الدول الأعضاء." },
    },
    notFoundTitle: "هذه الصفحة غير موجودة",
    notFoundText: "ربما كُتب العنوان خطأً أو لم يعد صالحًا. يمكنك من هنا:",
    draft: "هذه الصفحة ترجمة مبدئية لم تُراجَع بعد. إذا كانت كلمة غير واضحة، فاختر لغة أخرى أعلاه.",
  },
  zh: {
    title: "Conduct Ledger：举报联合国人员的不当行为",
    heading: "举报联合国人员的不当行为并获得帮助",
    intro: "任何人都可以举报为联合国工作的人员实施的性剥削和性虐待或其他不当行为。您无需提供姓名。",
    urgent: "如果现在有人处于危险之中，请拨打当地紧急电话。遭受强奸后，72小时内就医可以预防艾滋病毒感染和怀孕。",
    links: {
      report: { title: "举报不当行为", text: "告诉我们发生了什么。由您选择谁接收您的举报。" },
      followUp: { title: "跟进举报", text: "凭收据编号查看举报的进展，并给负责官员写信。" },
      help: { title: "立即获得帮助", text: "各特派团的紧急电话、医疗服务和受害者支助。" },
      figures: { title: "已公布的数据", text: "指控、调查和所采取的行动。" },
      staff: { title: "工作人员登录", text: "供行为和纪律工作人员、调查人员和会员国联络人使用。" },
    },
    notFoundTitle: "此页面不存在",
    notFoundText: "地址可能有误或已过时。您可以从这里：",
    draft: "本页为尚未审校的翻译草稿。如有词语不清楚，请在上方选择其他语言。",
  },
  ru: {
    title: "Conduct Ledger: сообщить о проступке персонала ООН",
    heading: "Сообщить о проступке персонала ООН и получить помощь",
    intro:
      "Любой человек может сообщить о сексуальной эксплуатации и сексуальных надругательствах или другом проступке лиц, работающих на Организацию Объединенных Наций. Называть своё имя не обязательно.",
    urgent:
      "Если кто-то в опасности прямо сейчас, позвоните по местному номеру экстренной помощи. После изнасилования медицинская помощь в течение 72 часов может предотвратить ВИЧ и беременность.",
    links: {
      report: {
        title: "Сообщить о проступке",
        text: "Расскажите, что произошло. Вы сами выбираете, кто получит ваше сообщение.",
      },
      followUp: {
        title: "Узнать о ходе рассмотрения",
        text: "По коду квитанции узнайте, как рассматривается ваше сообщение, и напишите сотруднику.",
      },
      help: {
        title: "Получить помощь сейчас",
        text: "Номера экстренной помощи, медицинская помощь и поддержка пострадавших по каждой миссии.",
      },
      figures: { title: "Опубликованные данные", text: "Обвинения, расследования и принятые меры." },
      staff: {
        title: "Вход для сотрудников",
        text: "Для сотрудников по вопросам поведения и дисциплины, следователей и координаторов государств-членов.",
      },
    },
    notFoundTitle: "Такой страницы нет",
    notFoundText: "Возможно, адрес набран с ошибкой или устарел. Отсюда можно:",
    draft: "Эта страница — черновой перевод, ещё не проверенный. Если слово непонятно, выберите другой язык выше.",
  },
  es: {
    title: "Conduct Ledger: denunciar faltas de conducta del personal de las Naciones Unidas",
    heading: "Denunciar faltas de conducta del personal de las Naciones Unidas y obtener ayuda",
    intro:
      "Cualquier persona puede denunciar la explotación y los abusos sexuales, u otras faltas de conducta, de personas que trabajan para las Naciones Unidas. No tiene que dar su nombre.",
    urgent:
      "Si alguien está en peligro ahora, llame al número de emergencias local. Tras una violación, la atención médica en las primeras 72 horas puede prevenir el VIH y el embarazo.",
    links: {
      report: { title: "Denunciar una falta", text: "Cuéntenos qué ocurrió. Usted elige quién recibe su denuncia." },
      followUp: {
        title: "Seguir una denuncia",
        text: "Con su código de recibo, vea en qué punto está su denuncia y escriba al oficial.",
      },
      help: {
        title: "Obtener ayuda ahora",
        text: "Números de emergencia, atención médica y apoyo a las víctimas, misión por misión.",
      },
      figures: { title: "Cifras publicadas", text: "Denuncias, investigaciones y medidas adoptadas." },
      staff: {
        title: "Acceso del personal",
        text: "Para el personal de conducta y disciplina, los investigadores y los coordinadores de los Estados Miembros.",
      },
    },
    notFoundTitle: "Esta página no existe",
    notFoundText: "Puede que la dirección esté mal escrita o ya no sea válida. Desde aquí puede:",
    draft:
      "Esta página es una traducción provisional, aún no revisada. Si una palabra no está clara, elija otro idioma arriba.",
  },
};
