// The application shell: who is signed in decides between sign-in, two-factor enrolment and the
// workspace, whose navigation follows the abilities the server sends.
import { AppShell, Button, Group, NavLink, Select, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiProblem, api, type Me, setCsrfToken } from "./api.js";
import { applyLanguage } from "./i18n/index.js";
import { type Language, languages } from "./i18n/messages.js";
import { CaseList } from "./routes/cases.js";
import { EnrolTwoFactor } from "./routes/enrol.js";
import { SignIn } from "./routes/sign-in.js";

const areas = ["cases", "users", "reference", "audit", "tokens"] as const;

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t("app.language")}
      w={130}
      data={languages.map((l) => ({ value: l.code, label: l.label }))}
      value={i18n.language}
      onChange={(value) => value && applyLanguage(value as Language)}
      allowDeselect={false}
    />
  );
}

export function App() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        const result = await api<Me>("GET", "/api/me");
        setCsrfToken(result.csrfToken);
        return result;
      } catch (problem) {
        if (problem instanceof ApiProblem && problem.status === 401) return null;
        throw problem;
      }
    },
  });
  const [area, setArea] = useState<(typeof areas)[number]>("cases");
  const refresh = () => queryClient.invalidateQueries();

  const header = (
    <Group h="100%" px="md" justify="space-between">
      <Group gap="xs">
        <Title order={2} size="h4">{t("app.name")}</Title>
        {me.data && <Text size="sm" c="gray.7">{me.data.name} · {t(`roles.${me.data.role}`)}</Text>}
      </Group>
      <Group gap="xs">
        <LanguageSwitcher />
        {me.data && (
          <Button variant="subtle" onClick={async () => { await api("POST", "/api/auth/sign-out", {}); setCsrfToken(null); await refresh(); }}>
            {t("app.signOut")}
          </Button>
        )}
      </Group>
    </Group>
  );

  if (me.isPending) return <Text p="xl">{t("app.loading")}</Text>;
  if (!me.data || me.data.twoFactorPending) {
    return (
      <AppShell header={{ height: 60 }} padding="md">
        <AppShell.Header>{header}</AppShell.Header>
        <AppShell.Main>{me.data ? <EnrolTwoFactor onEnrolled={refresh} /> : <SignIn onSignedIn={refresh} />}</AppShell.Main>
      </AppShell>
    );
  }
  const visible = areas.filter((name) => me.data?.can[name]);
  const current = visible.includes(area) ? area : visible[0];
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: "sm" }} padding="md">
      <AppShell.Header>{header}</AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {visible.map((name) => (
          <NavLink key={name} component="button" label={t(`nav.${name}`)} active={name === current} onClick={() => setArea(name)} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {current === "cases" ? <CaseList /> : <><Title order={1} size="h2" mb="md">{t(`nav.${current}`)}</Title><Text c="gray.7">{t("soon")}</Text></>}
      </AppShell.Main>
    </AppShell>
  );
}
