// The Trust Fund in Support of Victims of Sexual Exploitation and Abuse (created 2016): money in from
// Member States and from payments withheld from personnel, projects by implementing partners in
// mission areas, and the people they reach — counted, never named.

export const beneficiaryCategories = ["victims", "children_born_of_sea", "community_members"] as const;
export type BeneficiaryCategory = (typeof beneficiaryCategories)[number];

interface Money {
  amount: number;
  currency: string;
}

/** Sums per currency (the fund receives several; converting them is not this system's call), largest first. */
export function totalsByCurrency(items: Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0) + item.amount);
  return [...totals]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
}

export interface FundOverviewInput {
  contributions: (Money & { fromWithheldPayments: boolean })[];
  projects: (Money & { endsOn: string })[];
  beneficiaries: { category: BeneficiaryCategory; people: number }[];
}

/** Money in (and the part withheld from personnel), money committed to projects, projects running, people reached. */
export function fundOverview(input: FundOverviewInput, today: string) {
  return {
    received: totalsByCurrency(input.contributions),
    fromWithheldPayments: totalsByCurrency(input.contributions.filter((c) => c.fromWithheldPayments)),
    committed: totalsByCurrency(input.projects),
    projects: input.projects.length,
    activeProjects: input.projects.filter((p) => p.endsOn >= today).length,
    reached: Object.fromEntries(
      beneficiaryCategories.map((category) => [
        category,
        input.beneficiaries.filter((b) => b.category === category).reduce((sum, b) => sum + b.people, 0),
      ]),
    ) as Record<BeneficiaryCategory, number>,
  };
}
