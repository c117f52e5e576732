// Demonstration help for reporters: headquarters' contacts for everywhere, and two missions' own,
// with invented numbers (the public pages say the instance holds demonstration data).
import type { HelpInformationInput } from "../domain/help.js";
import { systemActor } from "../server/auth/actor.js";
import { saveHelp } from "../server/modules/help/index.js";
import type { Services } from "../server/services.js";

const demoHelp: Record<string, Omit<HelpInformationInput, "version">> = {
  HQ: {
    contacts: [
      { kind: "hotline", value: "+1 212 555 0100", hours: "24/7" },
      { kind: "email", value: "report@conduct-ledger.example", hours: null },
      { kind: "sms", value: "+1 212 555 0101", hours: null },
    ],
    texts: {},
  },
  MONUSCO: {
    contacts: [
      { kind: "emergency", value: "+243 81 555 0112", hours: "24/7" },
      { kind: "medical", value: "+243 81 555 0120", hours: "24/7 (Goma, Bukavu, Bunia)" },
      { kind: "victim_assistance", value: "+243 81 555 0130", hours: "Lun–ven 8 h–17 h" },
      { kind: "hotline", value: "+243 81 555 0140", hours: "24/7" },
      { kind: "office", value: "Goma, Katindo: boîte à plaintes du marché", hours: null },
    ],
    texts: {
      en: {
        nextSteps:
          "MONUSCO's Conduct and Discipline Team reads every report within two working days. If someone needs care, the victims' rights advocate contacts you or the complaint network's focal point first.",
        timeline: "An assessment within 5 working days; a referral for investigation within 10.",
      },
      fr: {
        nextSteps:
          "L'équipe déontologie et discipline de la MONUSCO lit chaque signalement dans les deux jours ouvrables. Si quelqu'un a besoin de soins, le défenseur des droits des victimes vous contacte d'abord, ou contacte le point focal du réseau de plaintes.",
        timeline: "Une évaluation sous 5 jours ouvrables ; une transmission pour enquête sous 10.",
      },
    },
  },
  MINUSCA: {
    contacts: [
      { kind: "emergency", value: "+236 72 555 0112", hours: "24/7" },
      { kind: "victim_assistance", value: "+236 72 555 0130", hours: null },
    ],
    texts: {
      fr: {
        nextSteps:
          "L'équipe déontologie et discipline de la MINUSCA lit chaque signalement. Le défenseur des droits des victimes propose des soins médicaux et un soutien psychosocial à Bangui et Bambari.",
        timeline: "",
      },
    },
  },
};

export async function seedDemoHelp(services: Services) {
  for (const [scope, help] of Object.entries(demoHelp))
    await saveHelp(services, systemActor, scope, { ...help, version: 0 });
}
