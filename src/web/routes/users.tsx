// Staff accounts for administrators: who they are, their role, their need-to-know scope.
import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CreateUserBody, createUserBody, type StaffUser, updateUserBody } from "../../domain/contracts/users.js";
import { ApiProblem, api } from "../api.js";
import { Dialog } from "../components/dialog.js";
import { FormActions, PageHeader, ProblemAlert, QueryView, DataTable, ShownOnce } from "../components/page.js";
import type { CreateStaffUser, ListStaffUsers } from "../../domain/contracts/users.js";
import { SsoRulesPanel, useSsoRules } from "./sso-rules.js";
import { fitScope, RoleAndScopeFields, useScopeLabel, validateStaff } from "./staff-scope.js";

function NewUser({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const form = useForm<CreateUserBody>({
    initialValues: { email: "", name: "", role: "cdt_officer", missionCodes: [], entityCodes: [], countryCode: null },
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
        <RoleAndScopeFields form={form} />
        <FormActions onCancel={onClose} submitLabel={t("users.new")} loading={create.isPending} />
      </Stack>
    </form>
  );
}

function EditUser({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useTranslation();
  // An identity provider's account takes its role from the rules, and has no password or code here.
  const kept = user.signInWith !== null;
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: user.name,
      role: user.role,
      missionCodes: user.missionCodes,
      entityCodes: user.entityCodes,
      countryCode: user.countryCode,
      disabled: user.disabled,
      version: user.version,
    },
    validate: validateStaff(updateUserBody, t),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["users"] });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api<StaffUser>(
        "PATCH",
        `/api/users/${user.id}`,
        kept ? { name: values.name, disabled: values.disabled, version: values.version } : fitScope(values),
      ),
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
          entityCodes: current.entityCodes,
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
        {kept ? <Alert color="gray">{t("sso.followsRules")}</Alert> : <RoleAndScopeFields form={form} />}
        <Checkbox label={t("users.disable")} {...form.getInputProps("disabled", { type: "checkbox" })} />
        <Group gap="xs">
          {!kept && (
            <Button size="xs" variant="light" onClick={() => action.mutate("reset-two-factor")}>
              {t("users.resetTwoFactor")}
            </Button>
          )}
          <Button size="xs" variant="light" onClick={() => action.mutate("revoke-sessions")}>
            {t("users.revokeSessions")}
          </Button>
          {!kept && (
            <Button size="xs" variant="light" onClick={() => action.mutate("temporary-password")}>
              {t("users.newTemporaryPassword")}
            </Button>
          )}
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
  const sso = useSsoRules();
  const providerName = (id: string) => sso.data?.providers.find((provider) => provider.id === id)?.name ?? id;
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
                  {user.signInWith ? (
                    <Text size="sm">{t("users.throughProvider", { name: providerName(user.signInWith) })}</Text>
                  ) : !user.twoFactorRequired ? (
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
      <SsoRulesPanel query={sso} />
      <Dialog opened={creating} onClose={() => setCreating(false)} title={t("users.new")}>
        {creating && <NewUser onClose={() => setCreating(false)} />}
      </Dialog>
      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={t("users.edit")}>
        {editing && <EditUser key={editing.id} user={editing} onClose={() => setEditing(null)} />}
      </Dialog>
    </>
  );
}
