// A staff account's role and need-to-know scope in forms and tables: the fields a role needs, its
// label, and the domain's scope rule checked before anything is sent (accounts and sign-on rules).
import { MultiSelect, Select } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { StaffUser } from "../../domain/contracts/users.js";
import { type Role, roles, scopeOfRole, scopeProblem, takesEntities } from "../../domain/roles.js";
import { validateWith } from "../forms.js";
import { useCountries, useEntities, useMissions } from "../reference-data.js";

type FieldsForm = { values: { role: Role }; getInputProps: (path: string) => object };

/** The role to choose, then the scope that role needs. */
export function RoleAndScopeFields({ form }: { form: FieldsForm }) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t("users.role")}
        data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        allowDeselect={false}
        {...form.getInputProps("role")}
      />
      <ScopeFields role={form.values.role} form={form} />
    </>
  );
}

function ScopeFields({ role, form }: { role: Role; form: { getInputProps: (path: string) => object } }) {
  const { t } = useTranslation();
  const missions = useMissions();
  const entities = useEntities();
  const countries = useCountries();
  const kind = scopeOfRole[role];
  if (kind === "missions") {
    return (
      <>
        <MultiSelect
          label={t("users.entities")}
          description={t("users.entitiesHelp")}
          searchable
          data={entities.choices}
          {...form.getInputProps("entityCodes")}
        />
        <MultiSelect
          label={t("users.missions")}
          searchable
          data={(missions.data?.items ?? []).map((m) => ({
            value: m.code,
            label: `${m.code} — ${m.location ?? m.name}`,
          }))}
          {...form.getInputProps("missionCodes")}
        />
      </>
    );
  }
  if (takesEntities(role)) {
    return (
      <MultiSelect
        label={t("users.entities")}
        description={t("users.entityNarrowHelp")}
        searchable
        data={entities.choices}
        {...form.getInputProps("entityCodes")}
      />
    );
  }
  if (kind === "country") {
    return (
      <Select
        label={t("users.country")}
        searchable
        data={countries.stateChoices}
        {...form.getInputProps("countryCode")}
      />
    );
  }
  return null;
}

type Scoped = Pick<StaffUser, "role" | "missionCodes" | "entityCodes" | "countryCode">;

export function useScopeLabel() {
  const { t } = useTranslation();
  const countries = useCountries();
  const entities = useEntities();
  const everyUnitOf = (codes: string[]) =>
    codes.map((code) => t("users.everyUnitOf", { entity: entities.shortNameOf(code) }));
  return (user: Scoped) => {
    switch (scopeOfRole[user.role]) {
      case "missions":
        return [...everyUnitOf(user.entityCodes), ...user.missionCodes].join(", ");
      case "country":
        return countries.nameOf(user.countryCode);
      case "global":
        return user.entityCodes.length > 0 ? everyUnitOf(user.entityCodes).join(", ") : t("users.allCases");
      case "assigned":
        return t("users.assignedCases");
      default:
        return t("users.noCaseContent");
    }
  };
}

/** The API's contract and the domain's scope rule, checked in the form before anything is sent. */
export function validateStaff<
  T extends { role: Role; missionCodes?: string[]; entityCodes?: string[]; countryCode?: string | null },
>(schema: Parameters<typeof validateWith>[0], t: TFunction) {
  return (values: T) => {
    const fitted = fitScope(values);
    const errors = validateWith(schema, t)(fitted);
    const problem = scopeProblem(fitted.role, {
      missionCodes: fitted.missionCodes ?? [],
      entityCodes: fitted.entityCodes ?? [],
      countryCode: fitted.countryCode ?? null,
    });
    if (problem)
      errors[scopeOfRole[fitted.role] === "country" ? "countryCode" : "missionCodes"] = t(
        `problems.${problem.replaceAll(".", "_")}`,
      );
    return errors;
  };
}

/** Clears the scope a role does not use, so switching roles never sends a stale one. */
export function fitScope<
  T extends { role: Role; missionCodes?: string[]; entityCodes?: string[]; countryCode?: string | null },
>(values: T): T {
  const kind = scopeOfRole[values.role];
  return {
    ...values,
    missionCodes: kind === "missions" ? (values.missionCodes ?? []) : [],
    entityCodes: takesEntities(values.role) ? (values.entityCodes ?? []) : [],
    countryCode: kind === "country" ? (values.countryCode ?? null) : null,
  };
}
