// Staff accounts for administrators: who they are, their role, their need-to-know scope.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type CreateUserBody, createUserBody, type StaffUser, updateUserBody } from "../../domain/contracts/users.js";
import { type Role, roles, scopeOfRole, scopeProblem } from "../../domain/roles.js";
import { ApiProblem, api } from "../api.js";
import { Dialog } from "../components/dialog.js";
import { FormActions, PageHeader, ProblemAlert, QueryView, DataTable, ShownOnce } from "../components/page.js";
import { validateWith } from "../forms.js";
import { useCountries, useMissions } from "../reference-data.js";
import type { CreateStaffUser, ListStaffUsers } from "../../domain/contracts/users.js";

function ScopeFields({ role, form }: { role: Role; form: { getInputProps: (path: string) => object } }) {
  const { t } = useTranslation();
  const missions = useMissions();
  const countries = useCountries();
  const kind = scopeOfRole[role];
  if (kind === "missions") {
    return (
      <MultiSelect
        label={t("users.missions")}
        searchable
        data={(missions.data?.items ?? []).map((m) => ({
          value: m.code,
          label: `${m.code} — ${m.location ?? m.name}`,
        }))}
        {...form.getInputProps("missionCodes")}
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

function useScopeLabel() {
  const { t } = useTranslation();
  const countries = useCountries();
  return (user: StaffUser) => {
    switch (scopeOfRole[user.role]) {
      case "missions":
        return user.missionCodes.join(", ");
      case "country":
        return countries.nameOf(user.countryCode);
      case "global":
        return t("users.allCases");
      case "assigned":
        return t("users.assignedCases");
      default:
        return t("users.noCaseContent");
    }
  };
}

/** The API's contract and the domain's scope rule, checked in the form before anything is sent. */
function validateStaff<T extends { role: Role; missionCodes?: string[]; countryCode?: string | null }>(
  schema: Parameters<typeof validateWith>[0],
  t: TFunction,
) {
  return (values: T) => {
    const fitted = fitScope(values);
    const errors = validateWith(schema, t)(fitted);
    const problem = scopeProblem(fitted.role, {
      missionCodes: fitted.missionCodes ?? [],
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
function fitScope<T extends { role: Role; missionCodes?: string[]; countryCode?: string | null }>(values: T): T {
  const kind = scopeOfRole[values.role];
  return {
    ...values,
    missionCodes: kind === "missions" ? (values.missionCodes ?? []) : [],
    countryCode: kind === "country" ? (values.countryCode ?? null) : null,
  };
}

function NewUser({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const form = useForm<CreateUserBody>({
    initialValues: { email: "", name: "", role: "cdt_officer", missionCodes: [], countryCode: null },
    validate: validateStaff(createUserBody, t),
  });
  const create = useMutation({
    mutationFn: (values: CreateUserBody) => api<CreateStaffUser>("POST", "/api/users", fitScope(values)),
    onSuccess: async (result) => {
      setTemporaryPassword(result.temporaryPassword);
      await queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
  if (temporaryPassword) {
    return (
      <Stack>
        <Alert color="green">{t("users.created")}</Alert>
        <ShownOnce intro={t("users.temporaryPassword")} value={temporaryPassword} />
        <Button onClick={onClose}>{t("app.close")}</Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack>
        <ProblemAlert error={create.error} />
        <TextInput label={t("users.email")} type="email" required {...form.getInputProps("email")} />
        <TextInput label={t("users.name")} required {...form.getInputProps("name")} />
        <Select
          label={t("users.role")}
          data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          allowDeselect={false}
          {...form.getInputProps("role")}
        />
        <ScopeFields role={form.values.role} form={form} />
        <FormActions onCancel={onClose} submitLabel={t("users.new")} loading={create.isPending} />
      </Stack>
    </form>
  );
}

function EditUser({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: user.name,
      role: user.role,
      missionCodes: user.missionCodes,
      countryCode: user.countryCode,
      disabled: user.disabled,
      version: user.version,
    },
    validate: validateStaff(updateUserBody, t),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["users"] });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => api<StaffUser>("PATCH", `/api/users/${user.id}`, fitScope(values)),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => {
      // Someone else saved first: show their version, keep the dialog open, lose nothing silently.
      if (error instanceof ApiProblem && error.code === "stale_version") {
        const current = error.body.current as StaffUser;
        form.setValues({
          name: current.name,
          role: current.role,
          missionCodes: current.missionCodes,
          countryCode: current.countryCode,
          disabled: current.disabled,
          version: current.version,
        });
        setNotice(t("users.staleVersion"));
        void refresh();
      }
    },
  });
  const action = useMutation({
    mutationFn: async (kind: "reset-two-factor" | "revoke-sessions" | "temporary-password") => ({
      kind,
      result: await api<Record<string, unknown>>("POST", `/api/users/${user.id}/${kind}`, {}),
    }),
    onSuccess: async ({ kind, result }) => {
      if (kind === "reset-two-factor") setNotice(t("users.resetTwoFactorDone"));
      if (kind === "revoke-sessions") setNotice(t("users.revokeSessionsDone", { count: Number(result.revoked) }));
      if (kind === "temporary-password") setSecret(String(result.temporaryPassword));
      await refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <Text size="sm" c="gray.7" dir="ltr">
          {user.email}
        </Text>
        {notice && <Alert color="blue">{notice}</Alert>}
        {secret && <ShownOnce intro={t("users.temporaryPassword")} value={secret} />}
        <ProblemAlert error={save.error ?? action.error} />
        <TextInput label={t("users.name")} required {...form.getInputProps("name")} />
        <Select
          label={t("users.role")}
          data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          allowDeselect={false}
          {...form.getInputProps("role")}
        />
        <ScopeFields role={form.values.role} form={form} />
        <Checkbox label={t("users.disable")} {...form.getInputProps("disabled", { type: "checkbox" })} />
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => action.mutate("reset-two-factor")}>
            {t("users.resetTwoFactor")}
          </Button>
          <Button size="xs" variant="light" onClick={() => action.mutate("revoke-sessions")}>
            {t("users.revokeSessions")}
          </Button>
          <Button size="xs" variant="light" onClick={() => action.mutate("temporary-password")}>
            {t("users.newTemporaryPassword")}
          </Button>
        </Group>
        <FormActions onCancel={onClose} submitLabel={t("app.save")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ["users"], queryFn: () => api<ListStaffUsers>("GET", "/api/users") });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const scopeLabel = useScopeLabel();
  return (
    <>
      <PageHeader
        title={t("users.title")}
        intro={t("users.intro")}
        actions={<Button onClick={() => setCreating(true)}>{t("users.new")}</Button>}
      />
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("users.empty")}>
        {(data) => (
          <DataTable
            label={t("users.title")}
            minWidth={760}
            headers={[t("users.name"), t("users.role"), t("users.scope"), t("users.twoFactor"), t("users.status")]}
            actions
          >
            {data.items.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {user.name}
                  </Text>
                  <Text size="xs" c="gray.7" dir="ltr">
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                <Table.Td>{scopeLabel(user)}</Table.Td>
                <Table.Td>
                  {!user.twoFactorRequired ? (
                    <Text size="sm" c="gray.7">
                      {t("users.notRequired")}
                    </Text>
                  ) : user.twoFactorEnabled ? (
                    <Badge color="green" variant="light">
                      {t("users.enrolled")}
                    </Badge>
                  ) : (
                    <Badge color="orange" variant="light">
                      {t("users.notEnrolled")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {user.disabled ? (
                    <Badge color="gray">{t("users.disabled")}</Badge>
                  ) : (
                    <Badge color="green" variant="outline">
                      {t("users.active")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setEditing(user)}
                    aria-label={`${t("users.edit")}: ${user.name}`}
                  >
                    {t("users.edit")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <Dialog opened={creating} onClose={() => setCreating(false)} title={t("users.new")}>
        {creating && <NewUser onClose={() => setCreating(false)} />}
      </Dialog>
      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={t("users.edit")}>
        {editing && <EditUser key={editing.id} user={editing} onClose={() => setEditing(null)} />}
      </Dialog>
    </>
  );
}
