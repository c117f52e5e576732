// Categories of personnel as the UN publishes them: the seven of peace operations, then those the
// system-wide reporting adds for agencies, funds, programmes and forces outside the UN (docs/domain.md,
// "One UN"). Uniformed categories carry a nationality; their names are in the vocabulary.

/** The groups the UN's system-wide SEA figures report personnel in, whatever the entity. */
export const systemWideCategories = [
  "un_staff",
  "un_volunteer",
  "non_staff",
  "military",
  "police",
  "government_provided",
  "implementing_partner",
  "non_un_forces",
] as const;
export type SystemWideCategory = (typeof systemWideCategories)[number];

export interface PersonnelCategorySeed {
  code: string;
  /** Counted per contributing country: its nationality is recorded and published. */
  uniformed: boolean;
  /** One of the seven categories peace operations publish, or a system-wide addition. */
  peacekeeping: boolean;
  /** Where the system-wide figures count it. */
  systemWide: SystemWideCategory;
}

export const personnelCategorySeeds: PersonnelCategorySeed[] = [
  { code: "CIV_INT", uniformed: false, peacekeeping: true, systemWide: "un_staff" },
  { code: "CIV_NS", uniformed: false, peacekeeping: true, systemWide: "un_staff" },
  { code: "CIV_UNV", uniformed: false, peacekeeping: true, systemWide: "un_volunteer" },
  { code: "MIL_MC", uniformed: true, peacekeeping: true, systemWide: "military" },
  { code: "MIL_MO", uniformed: true, peacekeeping: true, systemWide: "military" },
  { code: "POL_UNPOL", uniformed: true, peacekeeping: true, systemWide: "police" },
  { code: "POL_FPU", uniformed: true, peacekeeping: true, systemWide: "police" },
  // Consultants, contractors and individual contractors: engaged by an entity, not its staff.
  { code: "CIV_NONSTAFF", uniformed: false, peacekeeping: false, systemWide: "non_staff" },
  // Provided by a government to serve the UN as individuals (e.g. corrections officers).
  { code: "GPP", uniformed: false, peacekeeping: false, systemWide: "government_provided" },
  // Staff of an organisation carrying out a UN entity's programme under an agreement.
  { code: "IP_STAFF", uniformed: false, peacekeeping: false, systemWide: "implementing_partner" },
  // Forces outside the UN deployed under a Security Council mandate: their State answers for them.
  { code: "NON_UN_FORCE", uniformed: true, peacekeeping: false, systemWide: "non_un_forces" },
];

const seedOf = new Map(personnelCategorySeeds.map((seed) => [seed.code, seed]));

/** A category's seed; undefined for a code that is not a category. */
export const personnelCategorySeedOf = (category: string) => seedOf.get(category);

/** Whether a category's nationality is recorded and counted (uniformed personnel). */
export const isUniformed = (category: string) => seedOf.get(category)?.uniformed ?? false;
