// The signed-in user's API tokens: create (shown once), see when they were used, revoke.
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format.js";
import { createTokenBody } from "../../domain/contracts/tokens.js";
import { api } from "../api.js";
import { DataTable, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { validateWith } from "../forms.js";
import type { CreateToken, ListTokens } from "../../domain/contracts/tokens.js";

export function TokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ["tokens"], queryFn: () => api<ListTokens>("GET", "/api/tokens") });
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<{ name: string; expiresInDays?: number }>({
    initialValues: { name: "" },
    validate: validateWith(createTokenBody, t),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["tokens"] });
  const create = useMutation({
    mutationFn: (values: { name: string; expiresInDays?: number }) => api<CreateToken>("POST", "/api/tokens", values),
    onSuccess: async (result) => {
      setCreated(result.token);
      form.reset();
      await refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => api("DELETE", `/api/tokens/${id}`), onSuccess: refresh });
  const format = useFormat();
  const date = (value: string | null) => (value ? format.date(value) : t("tokens.never"));

  return (
    <>
      <PageHeader title={t("tokens.title")} intro={t("tokens.intro")} />
      {created && (
        <Alert color="green" mb="md" withCloseButton onClose={() => setCreated(null)} closeButtonLabel={t("app.close")}>
          <Stack gap="xs">
            <Text size="sm">{t("tokens.created")}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code dir="ltr" style={{ wordBreak: "break-all" }}>
                {created}
              </Code>
              <CopyButton value={created}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t("app.copied") : t("app.copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      <form
        onSubmit={form.onSubmit((values) =>
          create.mutate({ name: values.name, expiresInDays: values.expiresInDays || undefined }),
        )}
      >
        <ProblemAlert error={create.error ?? revoke.error} />
        <Group align="flex-end" mb="lg" wrap="wrap">
          <TextInput label={t("tokens.name")} required {...form.getInputProps("name")} />
          <NumberInput label={t("tokens.expiresInDays")} min={1} max={730} {...form.getInputProps("expiresInDays")} />
          <Button type="submit" loading={create.isPending}>
            {t("tokens.create")}
          </Button>
        </Group>
      </form>
      <QueryView query={tokens} isEmpty={(data) => data.items.length === 0} empty={t("tokens.empty")}>
        {(data) => (
          <DataTable
            label={t("tokens.title")}
            minWidth={640}
            headers={[
              t("tokens.name"),
              t("tokens.prefix"),
              t("tokens.createdAt"),
              t("tokens.lastUsed"),
              t("tokens.expires"),
            ]}
            actions
          >
            {data.items.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code dir="ltr">{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{date(token.createdAt)}</Table.Td>
                <Table.Td>{date(token.lastUsedAt)}</Table.Td>
                <Table.Td>{date(token.expiresAt)}</Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    <Badge color="gray">{t("tokens.revoked")}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      onClick={() => revoke.mutate(token.id)}
                      aria-label={`${t("tokens.revoke")}: ${token.name}`}
                    >
                      {t("tokens.revoke")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </>
  );
}
