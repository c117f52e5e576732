// One's own account: who I am, and signing out of every device.
import { Button, Paper, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Me } from "../../domain/contracts/users.js";
import { api, setCsrfToken } from "../api.js";
import { PageHeader, ProblemAlert } from "../components/page.js";
import { LanguageSwitcher } from "../components/shell.js";

export function AccountPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signOutEverywhere = useMutation({
    mutationFn: () => api("POST", "/api/me/revoke-sessions", {}),
    onSuccess: async () => {
      setCsrfToken(null);
      queryClient.clear();
      await queryClient.invalidateQueries();
    },
  });
  return (
    <>
      <PageHeader title={t("account.title")} />
      <Paper withBorder p="lg" maw={560}>
        <Stack>
          <div>
            <Text fw={600}>{me.name}</Text>
            <Text size="sm" c="gray.7" dir="ltr">
              {me.email}
            </Text>
            <Text size="sm">
              {t(`roles.${me.role}`)}
              {me.missionCodes.length ? ` · ${me.missionCodes.join(", ")}` : ""}
              {me.countryCode ? ` · ${me.countryCode}` : ""}
            </Text>
          </div>
          <LanguageSwitcher />
          <ProblemAlert error={signOutEverywhere.error} />
          <Text size="sm">{t("account.signOutEverywhereHelp")}</Text>
          <Button
            color="red"
            variant="light"
            w="fit-content"
            loading={signOutEverywhere.isPending}
            onClick={() => signOutEverywhere.mutate()}
          >
            {t("account.signOutEverywhere")}
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
