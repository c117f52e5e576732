// The single sign-on rules, on the users page: which identity providers staff may sign in with, and
// which of their claims give which role and scope here (the first rule that holds decides).
import { Alert, Button, Select, Stack, Table, Text, TextInput, Title, NumberInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type UseQueryResult, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CreateSsoRuleBody,
  createSsoRuleBody,
  type SsoRuleDeleted,
  type SsoRules,
} from "../../domain/contracts/sso.js";
import { api } from "../api.js";
import { Dialog } from "../components/dialog.js";
import { DataTable, FormActions, ProblemAlert, QueryView } from "../components/page.js";
import { fitScope, RoleAndScopeFields, useScopeLabel, validateStaff } from "./staff-scope.js";

export const useSsoRules = () =>
  useQuery({ queryKey: ["sso-rules"], queryFn: () => api<SsoRules>("GET", "/api/sso/rules") });

function NewRule({ providers, onClose }: { providers: SsoRules["providers"]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<CreateSsoRuleBody>({
    initialValues: {
      providerId: providers[0]?.id ?? "",
      claim: "groups",
      value: "",
      role: "cdt_officer",
      missionCodes: [],
      entityCodes: [],
      countryCode: null,
    },
    validate: validateStaff(createSsoRuleBody, t),
  });
  const create = useMutation({
    mutationFn: (values: CreateSsoRuleBody) => api("POST", "/api/sso/rules", fitScope(values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["sso-rules"] });
      onClose();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack>
        <ProblemAlert error={create.error} />
        <Select
          label={t("sso.provider")}
          data={providers.map((provider) => ({ value: provider.id, label: provider.name }))}
          allowDeselect={false}
          {...form.getInputProps("providerId")}
        />
        <TextInput
          label={t("sso.claim")}
          description={t("sso.claimHelp")}
          dir="ltr"
          required
          {...form.getInputProps("claim")}
        />
        <TextInput label={t("sso.value")} dir="ltr" required {...form.getInputProps("value")} />
        <RoleAndScopeFields form={form} />
        <NumberInput
          label={t("sso.position")}
          description={t("sso.positionHelp")}
          min={1}
          {...form.getInputProps("position")}
        />
        <FormActions onCancel={onClose} submitLabel={t("sso.newRule")} loading={create.isPending} />
      </Stack>
    </form>
  );
}

export function SsoRulesPanel({ query }: { query: UseQueryResult<SsoRules> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scopeLabel = useScopeLabel();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api<SsoRuleDeleted>("DELETE", `/api/sso/rules/${id}`),
    onSuccess: async (result) => {
      setNotice(t("sso.ended.removed", { count: result.sessionsEnded }));
      await queryClient.invalidateQueries({ queryKey: ["sso-rules"] });
    },
  });
  return (
    <Stack component="section" aria-labelledby="sso-rules" mt="xl" gap="sm">
      <Title order={2} size="h3" id="sso-rules">
        {t("sso.title")}
      </Title>
      <Text size="sm" c="gray.7">
        {t("sso.intro")}
      </Text>
      <QueryView query={query}>
        {(data) =>
          data.providers.length === 0 ? (
            <Alert color="gray">{t("sso.none")}</Alert>
          ) : (
            <Stack gap="sm">
              {notice && <Alert color="blue">{notice}</Alert>}
              <ProblemAlert error={remove.error} />
              <div>
                <Button onClick={() => setCreating(true)}>{t("sso.newRule")}</Button>
              </div>
              {data.items.length === 0 ? (
                <Text size="sm">{t("sso.empty")}</Text>
              ) : (
                <DataTable
                  label={t("sso.rules")}
                  minWidth={720}
                  headers={[t("sso.position"), t("sso.provider"), t("sso.when"), t("users.role"), t("users.scope")]}
                  actions
                >
                  {data.items.map((rule) => (
                    <Table.Tr key={rule.id}>
                      <Table.Td>{rule.position}</Table.Td>
                      <Table.Td>
                        {data.providers.find((provider) => provider.id === rule.providerId)?.name ?? rule.providerId}
                      </Table.Td>
                      <Table.Td dir="ltr">
                        <code>
                          {rule.claim} = {rule.value}
                        </code>
                      </Table.Td>
                      <Table.Td>{t(`roles.${rule.role}`)}</Table.Td>
                      <Table.Td>{scopeLabel(rule)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === rule.id}
                          onClick={() => remove.mutate(rule.id)}
                          aria-label={`${t("sso.remove")}: ${rule.claim} = ${rule.value}`}
                        >
                          {t("sso.remove")}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
              <Dialog opened={creating} onClose={() => setCreating(false)} title={t("sso.newRule")}>
                {creating && <NewRule providers={data.providers} onClose={() => setCreating(false)} />}
              </Dialog>
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
