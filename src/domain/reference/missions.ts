// UN peace operations and special political missions, current and closed. Reference data that an
// administrator may extend; the seed only adds codes that are missing.
export type MissionKind = "peacekeeping_operation" | "special_political_mission" | "other_entity";

export interface MissionSeed {
  code: string;
  name: string;
  nameFr: string;
  kind: MissionKind;
  hostCountryCode: string | null;
  location: string;
  startYear: number;
  endYear: number | null;
}

const pko = "peacekeeping_operation" as const;
const spm = "special_political_mission" as const;

export const missionSeeds: MissionSeed[] = [
  { code: "MINURSO", name: "United Nations Mission for the Referendum in Western Sahara", nameFr: "Mission des Nations Unies pour l'organisation d'un référendum au Sahara occidental", kind: pko, hostCountryCode: "ESH", location: "Western Sahara", startYear: 1991, endYear: null },
  { code: "MINUSCA", name: "United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic", nameFr: "Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation en République centrafricaine", kind: pko, hostCountryCode: "CAF", location: "Central African Republic", startYear: 2014, endYear: null },
  { code: "MONUSCO", name: "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo", nameFr: "Mission de l'Organisation des Nations Unies pour la stabilisation en République démocratique du Congo", kind: pko, hostCountryCode: "COD", location: "Democratic Republic of the Congo", startYear: 2010, endYear: null },
  { code: "UNDOF", name: "United Nations Disengagement Observer Force", nameFr: "Force des Nations Unies chargée d'observer le dégagement", kind: pko, hostCountryCode: "SYR", location: "Golan", startYear: 1974, endYear: null },
  { code: "UNFICYP", name: "United Nations Peacekeeping Force in Cyprus", nameFr: "Force des Nations Unies chargée du maintien de la paix à Chypre", kind: pko, hostCountryCode: "CYP", location: "Cyprus", startYear: 1964, endYear: null },
  { code: "UNIFIL", name: "United Nations Interim Force in Lebanon", nameFr: "Force intérimaire des Nations Unies au Liban", kind: pko, hostCountryCode: "LBN", location: "Lebanon", startYear: 1978, endYear: null },
  { code: "UNISFA", name: "United Nations Interim Security Force for Abyei", nameFr: "Force intérimaire de sécurité des Nations Unies pour Abyei", kind: pko, hostCountryCode: null, location: "Abyei", startYear: 2011, endYear: null },
  { code: "UNMIK", name: "United Nations Interim Administration Mission in Kosovo", nameFr: "Mission d'administration intérimaire des Nations Unies au Kosovo", kind: pko, hostCountryCode: null, location: "Kosovo", startYear: 1999, endYear: null },
  { code: "UNMISS", name: "United Nations Mission in the Republic of South Sudan", nameFr: "Mission des Nations Unies au Soudan du Sud", kind: pko, hostCountryCode: "SSD", location: "South Sudan", startYear: 2011, endYear: null },
  { code: "UNMOGIP", name: "United Nations Military Observer Group in India and Pakistan", nameFr: "Groupe d'observateurs militaires des Nations Unies dans l'Inde et le Pakistan", kind: pko, hostCountryCode: null, location: "India and Pakistan", startYear: 1949, endYear: null },
  { code: "UNTSO", name: "United Nations Truce Supervision Organization", nameFr: "Organisme des Nations Unies chargé de la surveillance de la trêve", kind: pko, hostCountryCode: null, location: "Middle East", startYear: 1948, endYear: null },
  { code: "MINUSMA", name: "United Nations Multidimensional Integrated Stabilization Mission in Mali", nameFr: "Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali", kind: pko, hostCountryCode: "MLI", location: "Mali", startYear: 2013, endYear: 2023 },
  { code: "MINUSTAH", name: "United Nations Stabilization Mission in Haiti", nameFr: "Mission des Nations Unies pour la stabilisation en Haïti", kind: pko, hostCountryCode: "HTI", location: "Haiti", startYear: 2004, endYear: 2017 },
  { code: "MINUJUSTH", name: "United Nations Mission for Justice Support in Haiti", nameFr: "Mission des Nations Unies pour l'appui à la justice en Haïti", kind: pko, hostCountryCode: "HTI", location: "Haiti", startYear: 2017, endYear: 2019 },
  { code: "UNMIL", name: "United Nations Mission in Liberia", nameFr: "Mission des Nations Unies au Libéria", kind: pko, hostCountryCode: "LBR", location: "Liberia", startYear: 2003, endYear: 2018 },
  { code: "UNOCI", name: "United Nations Operation in Côte d'Ivoire", nameFr: "Opération des Nations Unies en Côte d'Ivoire", kind: pko, hostCountryCode: "CIV", location: "Côte d'Ivoire", startYear: 2004, endYear: 2017 },
  { code: "UNAMID", name: "African Union-United Nations Hybrid Operation in Darfur", nameFr: "Opération hybride Union africaine-Nations Unies au Darfour", kind: pko, hostCountryCode: "SDN", location: "Darfur", startYear: 2007, endYear: 2020 },
  { code: "MONUC", name: "United Nations Organization Mission in the Democratic Republic of the Congo", nameFr: "Mission de l'Organisation des Nations Unies en République démocratique du Congo", kind: pko, hostCountryCode: "COD", location: "Democratic Republic of the Congo", startYear: 1999, endYear: 2010 },
  { code: "UNMIS", name: "United Nations Mission in the Sudan", nameFr: "Mission des Nations Unies au Soudan", kind: pko, hostCountryCode: "SDN", location: "Sudan", startYear: 2005, endYear: 2011 },
  { code: "UNMIT", name: "United Nations Integrated Mission in Timor-Leste", nameFr: "Mission intégrée des Nations Unies au Timor-Leste", kind: pko, hostCountryCode: "TLS", location: "Timor-Leste", startYear: 2006, endYear: 2012 },
  { code: "MINURCAT", name: "United Nations Mission in the Central African Republic and Chad", nameFr: "Mission des Nations Unies en République centrafricaine et au Tchad", kind: pko, hostCountryCode: "TCD", location: "Chad and Central African Republic", startYear: 2007, endYear: 2010 },
  { code: "UNAMSIL", name: "United Nations Mission in Sierra Leone", nameFr: "Mission des Nations Unies en Sierra Leone", kind: pko, hostCountryCode: "SLE", location: "Sierra Leone", startYear: 1999, endYear: 2005 },
  { code: "ONUB", name: "United Nations Operation in Burundi", nameFr: "Opération des Nations Unies au Burundi", kind: pko, hostCountryCode: "BDI", location: "Burundi", startYear: 2004, endYear: 2006 },
  { code: "UNAMA", name: "United Nations Assistance Mission in Afghanistan", nameFr: "Mission d'assistance des Nations Unies en Afghanistan", kind: spm, hostCountryCode: "AFG", location: "Afghanistan", startYear: 2002, endYear: null },
  { code: "UNAMI", name: "United Nations Assistance Mission for Iraq", nameFr: "Mission d'assistance des Nations Unies pour l'Iraq", kind: spm, hostCountryCode: "IRQ", location: "Iraq", startYear: 2003, endYear: 2025 },
  { code: "UNSOM", name: "United Nations Assistance Mission in Somalia", nameFr: "Mission d'assistance des Nations Unies en Somalie", kind: spm, hostCountryCode: "SOM", location: "Somalia", startYear: 2013, endYear: 2024 },
  { code: "UNTMIS", name: "United Nations Transitional Assistance Mission in Somalia", nameFr: "Mission d'assistance transitoire des Nations Unies en Somalie", kind: spm, hostCountryCode: "SOM", location: "Somalia", startYear: 2024, endYear: null },
  { code: "UNVMC", name: "United Nations Verification Mission in Colombia", nameFr: "Mission de vérification des Nations Unies en Colombie", kind: spm, hostCountryCode: "COL", location: "Colombia", startYear: 2017, endYear: null },
  { code: "UNSMIL", name: "United Nations Support Mission in Libya", nameFr: "Mission d'appui des Nations Unies en Libye", kind: spm, hostCountryCode: "LBY", location: "Libya", startYear: 2011, endYear: null },
  { code: "UNITAMS", name: "United Nations Integrated Transition Assistance Mission in Sudan", nameFr: "Mission intégrée des Nations Unies pour l'assistance à la transition au Soudan", kind: spm, hostCountryCode: "SDN", location: "Sudan", startYear: 2020, endYear: 2024 },
  { code: "BINUH", name: "United Nations Integrated Office in Haiti", nameFr: "Bureau intégré des Nations Unies en Haïti", kind: spm, hostCountryCode: "HTI", location: "Haiti", startYear: 2019, endYear: null },
  { code: "UNMHA", name: "United Nations Mission to support the Hudaydah Agreement", nameFr: "Mission des Nations Unies en appui à l'Accord sur Hodeïda", kind: spm, hostCountryCode: "YEM", location: "Yemen", startYear: 2019, endYear: null },
  { code: "UNOWAS", name: "United Nations Office for West Africa and the Sahel", nameFr: "Bureau des Nations Unies pour l'Afrique de l'Ouest et le Sahel", kind: spm, hostCountryCode: "SEN", location: "West Africa and the Sahel", startYear: 2016, endYear: null },
  { code: "UNOCA", name: "United Nations Regional Office for Central Africa", nameFr: "Bureau régional des Nations Unies pour l'Afrique centrale", kind: spm, hostCountryCode: "GAB", location: "Central Africa", startYear: 2011, endYear: null },
];
