// Categories of personnel as the UN publishes them; uniformed categories carry a nationality.
export interface PersonnelCategorySeed {
  code: string;
  label: string;
  uniformed: boolean;
}

export const personnelCategorySeeds: PersonnelCategorySeed[] = [
  { code: "CIV_INT", label: "Civilian (INT)", uniformed: false },
  { code: "CIV_NS", label: "Civilian (NS)", uniformed: false },
  { code: "CIV_UNV", label: "Civilian (UNV)", uniformed: false },
  { code: "MIL_MC", label: "Military (MC)", uniformed: true },
  { code: "MIL_MO", label: "Military (MO)", uniformed: true },
  { code: "POL_UNPOL", label: "Police (UNPOL)", uniformed: true },
  { code: "POL_FPU", label: "Police (FPU)", uniformed: true },
];
