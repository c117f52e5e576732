// Words of the help for people who report, in the six UN languages.
import type { PublicLanguage } from "./messages.js";

export interface HelpMessages {
  title: string;
  intro: string;
  headquarters: string;
  contacts: string;
  nextSteps: string;
  timeline: string;
  noContacts: string;
  formBox: string;
  moreHelp: string;
  /** The platform's own words, shown until a mission or headquarters writes its own. */
  defaults: { nextSteps: string; timeline: string };
}

export const helpMessages: Record<PublicLanguage, HelpMessages> = {
  en: {
    title: "Get help",
    intro:
      "If someone is in danger now, call the emergency number. After a rape, medical care within 72 hours can prevent HIV and pregnancy. Help is given whether or not you report, and you do not have to give your name.",
    headquarters: "Everywhere: United Nations Headquarters",
    contacts: "Who to contact",
    nextSteps: "What happens next",
    timeline: "How long it takes",
    noContacts: "No contact is given here yet: use the headquarters contacts.",
    formBox: "Need help now?",
    moreHelp: "Help near you, mission by mission",
    defaults: {
      nextSteps:
        "An officer reads every report. A report of sexual exploitation or abuse is assessed and referred for investigation to the UN's investigators (OIOS) or to the country of the personnel concerned. The person it happened to is offered medical, psychosocial and legal help. With your receipt code you can follow your report and write to the officer without giving your name.",
      timeline:
        "The country concerned is asked to say within 10 working days whether it will investigate. An investigation of sexual exploitation or abuse should be completed within 90 days; of other serious misconduct, within 6 months.",
    },
  },
  fr: {
    title: "Obtenir de l'aide",
    intro:
      "Si quelqu'un est en danger maintenant, appelez le numéro d'urgence. Après un viol, des soins médicaux dans les 72 heures peuvent prévenir le VIH et une grossesse. L'aide est apportée que vous signaliez ou non, et vous n'êtes pas obligé de donner votre nom.",
    headquarters: "Partout : Siège de l'Organisation des Nations Unies",
    contacts: "Qui contacter",
    nextSteps: "Ce qui se passe ensuite",
    timeline: "Combien de temps cela prend",
    noContacts: "Aucun contact n'est encore indiqué ici : utilisez ceux du Siège.",
    formBox: "Besoin d'aide maintenant ?",
    moreHelp: "L'aide près de chez vous, mission par mission",
    defaults: {
      nextSteps:
        "Un agent lit chaque signalement. Un signalement d'exploitation ou d'atteintes sexuelles est évalué et transmis pour enquête aux enquêteurs de l'ONU (BSCI) ou au pays du personnel concerné. La personne concernée se voit proposer une aide médicale, psychosociale et juridique. Avec votre code de reçu, vous pouvez suivre votre signalement et écrire à l'agent sans donner votre nom.",
      timeline:
        "Le pays concerné est prié de dire dans un délai de 10 jours ouvrables s'il va enquêter. Une enquête sur l'exploitation ou les atteintes sexuelles devrait être achevée en 90 jours ; sur une autre faute grave, en 6 mois.",
    },
  },
  ar: {
    title: "احصل على المساعدة",
    intro:
      "إذا كان أحد في خطر الآن، فاتصل برقم الطوارئ. بعد الاغتصاب، يمكن للرعاية الطبية خلال 72 ساعة أن تقي من فيروس نقص المناعة البشرية ومن الحمل. تُقدَّم المساعدة سواء أبلغت أم لا، ولست مضطرًا إلى ذكر اسمك.",
    headquarters: "في كل مكان: مقر الأمم المتحدة",
    contacts: "بمن تتصل",
    nextSteps: "ماذا يحدث بعد ذلك",
    timeline: "كم يستغرق ذلك",
    noContacts: "لم تُذكر هنا أي جهة اتصال بعد: استخدم جهات الاتصال في المقر.",
    formBox: "هل تحتاج إلى مساعدة الآن؟",
    moreHelp: "المساعدة القريبة منك، بعثةً بعثة",
    defaults: {
      nextSteps:
        "يقرأ موظف كل بلاغ. يُقيَّم البلاغ عن الاستغلال أو الانتهاك الجنسي ويُحال للتحقيق إلى محققي الأمم المتحدة (مكتب خدمات الرقابة الداخلية) أو إلى بلد الأفراد المعنيين. ويُعرض على الشخص المعني عون طبي ونفسي اجتماعي وقانوني. وبرمز الإيصال يمكنك متابعة بلاغك والكتابة إلى الموظف دون ذكر اسمك.",
      timeline:
        "يُطلب من البلد المعني أن يبيّن خلال 10 أيام عمل ما إذا كان سيحقق. وينبغي إنجاز التحقيق في الاستغلال أو الانتهاك الجنسي في غضون 90 يومًا، وفي غيره من سوء السلوك الجسيم في غضون 6 أشهر.",
    },
  },
  zh: {
    title: "获得帮助",
    intro:
      "如果现在有人处于危险之中，请拨打紧急电话。遭受强奸后，72小时内就医可以预防艾滋病毒感染和怀孕。无论您是否举报都可获得帮助，您无需提供姓名。",
    headquarters: "所有地区：联合国总部",
    contacts: "联系谁",
    nextSteps: "接下来会发生什么",
    timeline: "需要多长时间",
    noContacts: "此处尚未提供联系方式：请使用总部的联系方式。",
    formBox: "现在需要帮助吗？",
    moreHelp: "各特派团附近的帮助",
    defaults: {
      nextSteps:
        "每份举报都有官员阅读。关于性剥削和性虐待的举报经评估后，移交联合国调查人员（监督厅）或有关人员所属国家进行调查。当事人可获得医疗、心理社会和法律帮助。凭收据编号，您可以跟进举报并给官员写信，而无需提供姓名。",
      timeline:
        "有关国家须在10个工作日内说明是否进行调查。性剥削和性虐待调查应在90天内完成；其他严重不当行为调查应在6个月内完成。",
    },
  },
  ru: {
    title: "Получить помощь",
    intro:
      "Если кто-то в опасности прямо сейчас, позвоните по номеру экстренной помощи. После изнасилования медицинская помощь в течение 72 часов может предотвратить ВИЧ и беременность. Помощь оказывается независимо от того, сообщаете ли вы о случившемся, и называть своё имя не обязательно.",
    headquarters: "Везде: Центральные учреждения Организации Объединенных Наций",
    contacts: "Куда обращаться",
    nextSteps: "Что будет дальше",
    timeline: "Сколько это займёт",
    noContacts: "Контакты здесь пока не указаны: используйте контакты Центральных учреждений.",
    formBox: "Нужна помощь сейчас?",
    moreHelp: "Помощь рядом с вами, по каждой миссии",
    defaults: {
      nextSteps:
        "Каждое сообщение читает сотрудник. Сообщение о сексуальной эксплуатации или надругательстве оценивается и передаётся для расследования следователям ООН (УСВН) или стране соответствующего персонала. Пострадавшему предлагается медицинская, психосоциальная и юридическая помощь. По коду квитанции вы можете следить за рассмотрением сообщения и писать сотруднику, не называя своего имени.",
      timeline:
        "Соответствующую страну просят в течение 10 рабочих дней сообщить, будет ли она проводить расследование. Расследование сексуальной эксплуатации или надругательства должно быть завершено в течение 90 дней, других серьёзных проступков — в течение 6 месяцев.",
    },
  },
  es: {
    title: "Obtener ayuda",
    intro:
      "Si alguien está en peligro ahora, llame al número de emergencias. Tras una violación, la atención médica en las primeras 72 horas puede prevenir el VIH y el embarazo. La ayuda se presta tanto si denuncia como si no, y no tiene que dar su nombre.",
    headquarters: "En todas partes: Sede de las Naciones Unidas",
    contacts: "A quién contactar",
    nextSteps: "Qué ocurre después",
    timeline: "Cuánto tiempo lleva",
    noContacts: "Aún no se indica ningún contacto aquí: use los contactos de la Sede.",
    formBox: "¿Necesita ayuda ahora?",
    moreHelp: "Ayuda cerca de usted, misión por misión",
    defaults: {
      nextSteps:
        "Un oficial lee cada denuncia. Una denuncia de explotación o abusos sexuales se evalúa y se remite para su investigación a los investigadores de la ONU (OSSI) o al país del personal de que se trate. A la persona afectada se le ofrece ayuda médica, psicosocial y jurídica. Con su código de recibo puede seguir su denuncia y escribir al oficial sin dar su nombre.",
      timeline:
        "Se pide al país de que se trate que indique en un plazo de 10 días hábiles si investigará. Una investigación de explotación o abusos sexuales debería concluir en 90 días; la de otra falta grave, en 6 meses.",
    },
  },
};
