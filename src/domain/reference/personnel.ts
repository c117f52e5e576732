// Categories of personnel as the UN publishes them; uniformed categories carry a nationality.
// Their names are in the vocabulary (src/domain/vocabulary).
export interface PersonnelCategorySeed {
  code: string;
  uniformed: boolean;
}

export const personnelCategorySeeds: PersonnelCategorySeed[] = [
  { code: "CIV_INT", uniformed: false },
  { code: "CIV_NS", uniformed: false },
  { code: "CIV_UNV", uniformed: false },
  { code: "MIL_MC", uniformed: true },
  { code: "MIL_MO", uniformed: true },
  { code: "POL_UNPOL", uniformed: true },
  { code: "POL_FPU", uniformed: true },
];
