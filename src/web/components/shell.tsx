// The signed-in workspace: header with language and sign-out, navigation from the abilities the
// server sent (the UI never re-derives permissions), and the page.
import { AppShell, Badge, Burger, Button, Group, NavLink, Select, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { Link, useRouterState } from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../domain/contracts/users.js";
import { api, setCsrfToken } from "../api.js";
import { applyLanguage, type Language, languages } from "../i18n/index.js";
import { useMe } from "../session.js";
import type { ListNotifications } from "../../domain/contracts/deadlines.js";
import { areas, pathOf, STAFF_SESSION_CACHE } from "../../domain/contracts/staff-app.js";
import { keepAppOnDevice } from "../offline/app-on-device.js";
import { OutboxSync, useOutbox } from "../offline/outbox-view.js";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const signedIn = useMe().data;
  const choose = (language: Language) => {
    void applyLanguage(language);
    // Remembered on the account too, so that reminders and exports can follow it later.
    if (signedIn && !signedIn.twoFactorPending)
      void api("PATCH", "/api/me/preferences", { language }).catch(() => undefined);
  };
  return (
    <Select
      aria-label={t("app.language")}
      w={130}
      size="sm"
      data={languages.map((l) => ({ value: l.code, label: l.label }))}
      value={i18n.language}
      onChange={(value) => value && choose(value as Language)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function useSignOut(me: Me | null) {
  return async () => {
    await api("POST", "/api/auth/sign-out", {});
    setCsrfToken(null);
    // The offline app's copy of who was signed in goes with the session.
    if ("caches" in window) await caches.delete(STAFF_SESSION_CACHE);
    // A fresh page: nothing read while signed in stays in this tab's memory. An account an
    // organisation keeps is signed out there too, then comes back to the sign-in page.
    window.location.replace(me?.signOutTo ?? "/sign-in");
  };
}

export function Header({ me, burger }: { me: Me | null; burger?: ReactNode }) {
  const { t } = useTranslation();
  const signOut = useSignOut(me);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        {burger}
        <Title order={2} size="h4">
          {t("app.name")}
        </Title>
        {me && (
          <Text size="sm" c="gray.7" visibleFrom="sm">
            {me.name} · {t(`roles.${me.role}`)}
          </Text>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <LanguageSwitcher />
        {me && !me.twoFactorPending && (
          // On a phone the header has no room for it: the menu carries it instead.
          <Button variant="subtle" onClick={() => void signOut()} visibleFrom={burger ? "sm" : undefined}>
            {t("app.signOut")}
          </Button>
        )}
      </Group>
    </Group>
  );
}

export function Workspace({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(keepAppOnDevice, []);
  const signOut = useSignOut(me);
  const [opened, { toggle, close }] = useDisclosure();
  const path = useRouterState({ select: (state) => state.location.pathname });
  const visible = areas.filter((area) => me.can[area]);
  // Reminders arrive while people work: the count is refreshed every minute.
  const unread =
    useQuery({
      queryKey: ["notifications"],
      queryFn: () => api<ListNotifications>("GET", "/api/notifications"),
      refetchInterval: 60_000,
      enabled: me.can.notifications,
    }).data?.unread ?? 0;
  // Reports written offline and not yet sent are counted beside Reports, so none is forgotten.
  const waiting = useOutbox(me.can.reports ? me.id : null).filter((item) => item.state !== "sent").length;
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Header
          me={me}
          burger={<Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("app.openMenu")} />}
        />
      </AppShell.Header>
      {/* Headquarters' areas outgrow a laptop's height: the navigation scrolls on its own. */}
      <AppShell.Navbar p="xs" component="nav" aria-label={t("app.mainNavigation")} style={{ overflowY: "auto" }}>
        {[...visible, "account" as const].map((area) => (
          <NavLink
            key={area}
            component={Link}
            to={pathOf(area)}
            label={t(`nav.${area}`)}
            rightSection={
              area === "notifications" && unread > 0 ? (
                <Badge size="sm" color="red" aria-label={t("notifications.unread", { count: unread })}>
                  {unread}
                </Badge>
              ) : area === "reports" && waiting > 0 ? (
                <Badge
                  size="sm"
                  color="orange"
                  variant="light"
                  aria-label={t("reports.outbox.counts.waiting", { count: waiting })}
                >
                  {waiting}
                </Badge>
              ) : undefined
            }
            active={path === pathOf(area) || path.startsWith(`${pathOf(area)}/`)}
            variant="filled"
            onClick={close}
          />
        ))}
        <NavLink component="button" label={t("app.signOut")} onClick={() => void signOut()} hiddenFrom="sm" />
      </AppShell.Navbar>
      <AppShell.Main>
        {me.can.reports && <OutboxSync ownerId={me.id} />}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
