// Reference data for forms and tables, fetched once per session and named in the user's language.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type {
  AllegationTypeList,
  CountryList,
  MisconductTypeList,
  MissionList,
  PersonnelCategoryList,
} from "../domain/contracts/reference.js";
import type { z } from "zod";
import type { listUnEntitiesSchema } from "../domain/contracts/reference.js";
import { scopeOfRole } from "../domain/roles.js";
import { api } from "./api.js";
import { useMe } from "./session.js";
import { useVocabulary } from "./i18n/index.js";
import { entityLabel, entityName, entityShortName } from "../domain/vocabulary/entity-names.js";

type UnEntityList = z.infer<typeof listUnEntitiesSchema>;

export function useMissions() {
  return useQuery({
    queryKey: ["reference", "missions"],
    queryFn: () => api<MissionList>("GET", "/api/reference/missions"),
    staleTime: 5 * 60_000,
  });
}

/** The UN system's entities, with their names in the reader's language (the installation's own keep theirs). */
export function useEntities() {
  const words = useVocabulary();
  const query = useQuery({
    queryKey: ["reference", "entities"],
    queryFn: () => api<UnEntityList>("GET", "/api/reference/entities"),
    staleTime: 5 * 60_000,
  });
  const items = query.data?.items ?? [];
  return {
    ...query,
    nameOf: (entity: { code: string; name: string }) => entityName(words, entity),
    shortNameOf: (code: string) => entityShortName(words, code),
    /** "UNHCR — Office of the United Nations High Commissioner for Refugees"; a partner by its name. */
    labelOf: (code: string) =>
      entityLabel(words, items.find((item) => item.code === code) ?? { code, name: code, partnerOf: null }),
    choices: items.map((entity) => ({ value: entity.code, label: entityLabel(words, entity) })),
  };
}

/** The missions a person may pick: their own when their role is scoped to missions, else every mission. */
export function useMissionChoices(): string[] {
  const me = useMe().data;
  const missions = useMissions();
  if (me && scopeOfRole[me.role] === "missions") return me.missionCodes;
  return (missions.data?.items ?? []).map((mission) => mission.code);
}

export function useCountries() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ["reference", "countries"],
    queryFn: () => api<CountryList>("GET", "/api/reference/countries"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const nameOf = (code: string | null) => {
    if (!code) return "";
    const country = query.data?.items.find((c) => c.code === code);
    return country?.names[i18n.language] ?? country?.names.en ?? code;
  };
  const collator = new Intl.Collator(i18n.language);
  const choicesOf = (items: CountryList["items"]) =>
    items.map((c) => ({ value: c.code, label: nameOf(c.code) })).sort((a, b) => collator.compare(a.label, b.label));
  const items = query.data?.items ?? [];
  return {
    ...query,
    nameOf,
    /** Member States and observer States: the nationalities and States people pick. */
    stateChoices: choicesOf(items.filter((c) => c.standing !== "territory")),
    /** Every country and area (a mission's host may be a territory). */
    everyChoice: choicesOf(items),
  };
}

export function usePersonnelCategories() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["reference", "categories"],
    queryFn: () => api<PersonnelCategoryList>("GET", "/api/reference/personnel-categories"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const labelOf = (code: string) =>
    t(`categories.${code}`, { defaultValue: query.data?.items.find((c) => c.code === code)?.label ?? code });
  // Peace operations' seven first, then those the system-wide figures add (agencies, partners, forces).
  const items = query.data?.items ?? [];
  const options = [
    { group: t("reference.peacekeepingCategories"), items: items.filter((c) => c.peacekeeping) },
    { group: t("reference.systemWideCategories"), items: items.filter((c) => !c.peacekeeping) },
  ]
    .filter((group) => group.items.length > 0)
    .map(({ group, items }) => ({ group, items: items.map((c) => ({ value: c.code, label: labelOf(c.code) })) }));
  return { ...query, labelOf, options };
}

/** SEA types and the misconduct taxonomy, grouped for a multi-select, labelled in the user's language where we have it. */
export function useAllegationOptions() {
  const { t } = useTranslation();
  const sea = useQuery({
    queryKey: ["reference", "allegation-types"],
    queryFn: () => api<AllegationTypeList>("GET", "/api/reference/allegation-types"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const misconduct = useQuery({
    queryKey: ["reference", "misconduct-types"],
    queryFn: () => api<MisconductTypeList>("GET", "/api/reference/misconduct-types"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return [
    {
      group: t("enforcement.seaGroup"),
      items: (sea.data?.items ?? []).map((item) => ({
        value: item.code,
        label: t(`allegations.${item.code}`, { defaultValue: item.label }),
      })),
    },
    {
      group: t("enforcement.misconductGroup"),
      items: (misconduct.data?.items ?? []).map((item) => ({ value: item.code, label: item.label })),
    },
  ];
}
