// What is late (per mission, per Member State, and each item), and each person's reminders.
import { Badge, Button, Group, Paper, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format.js";
import { api } from "../api.js";
import { DataTable, PageHeader, QueryView } from "../components/page.js";
import type { ListNotifications, OverdueDashboard as Dashboard } from "../../domain/contracts/deadlines.js";
import { useCountries } from "../reference-data.js";

type LateCount = Dashboard["byMission"][number];

const caseLink = (caseId: string, reference: string) => (
  <Link to="/cases/$caseId" params={{ caseId }} dir="ltr" style={{ color: "var(--mantine-color-blue-9)" }}>
    {reference}
  </Link>
);
function Late({ days }: { days: number }) {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light">
      {t("referrals.daysOverdue", { count: days })}
    </Badge>
  );
}

function Counts({
  title,
  keyHeader,
  groups,
  nameOf,
}: {
  title: string;
  keyHeader: string;
  groups: LateCount[];
  nameOf: (key: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {groups.length === 0 ? (
        <Text c="gray.7" size="sm">
          —
        </Text>
      ) : (
        <DataTable
          label={title}
          minWidth={300}
          headers={[keyHeader, t("overdue.replies"), t("overdue.investigations")]}
        >
          {groups.map((group) => (
            <Table.Tr key={group.key}>
              <Table.Td>{nameOf(group.key)}</Table.Td>
              <Table.Td>{group.referrals}</Table.Td>
              <Table.Td>{group.investigations}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}

export function OverduePage() {
  const { t } = useTranslation();
  const countries = useCountries();
  const query = useQuery({ queryKey: ["overdue"], queryFn: () => api<Dashboard>("GET", "/api/overdue") });
  return (
    <>
      <PageHeader title={t("overdue.title")} intro={t("overdue.intro")} />
      <QueryView
        query={query}
        isEmpty={(data) => data.referrals.length + data.investigations.length === 0}
        empty={t("overdue.empty")}
      >
        {(data) => (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
              <Counts
                title={t("overdue.byMission")}
                keyHeader={t("cases.mission")}
                groups={data.byMission}
                nameOf={(key) => key}
              />
              <Counts
                title={t("overdue.byCountry")}
                keyHeader={t("referrals.country")}
                groups={data.byCountry}
                nameOf={countries.nameOf}
              />
            </SimpleGrid>
            <Title order={2} size="h4" mb="xs">
              {t("referrals.overdueTitle")}
            </Title>
            {data.referrals.length === 0 ? (
              <Text c="gray.7" mb="lg">
                {t("referrals.overdueEmpty")}
              </Text>
            ) : (
              <DataTable
                label={t("referrals.overdueTitle")}
                minWidth={640}
                headers={[
                  t("cases.reference"),
                  t("cases.mission"),
                  t("referrals.country"),
                  t("referrals.sentOn"),
                  t("referrals.replyDue"),
                  t("referrals.reply"),
                ]}
              >
                {data.referrals.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{caseLink(item.caseId, item.reference)}</Table.Td>
                    <Table.Td>{item.missionCode}</Table.Td>
                    <Table.Td>{countries.nameOf(item.countryCode)}</Table.Td>
                    <Table.Td>{item.sentOn}</Table.Td>
                    <Table.Td>{item.replyDueOn}</Table.Td>
                    <Table.Td>
                      <Late days={item.daysOverdue} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
            <Title order={2} size="h4" mt="lg" mb="xs">
              {t("overdue.investigationsTitle")}
            </Title>
            {data.investigations.length === 0 ? (
              <Text c="gray.7">{t("overdue.noInvestigations")}</Text>
            ) : (
              <DataTable
                label={t("overdue.investigationsTitle")}
                minWidth={640}
                headers={[
                  t("cases.reference"),
                  t("cases.mission"),
                  t("enforcement.entity"),
                  t("referrals.country"),
                  t("enforcement.dueOn"),
                  t("overdue.late"),
                ]}
              >
                {data.investigations.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{caseLink(item.caseId, item.reference)}</Table.Td>
                    <Table.Td>{item.missionCode}</Table.Td>
                    <Table.Td>{t(`enforcement.entities.${item.entity}`)}</Table.Td>
                    <Table.Td>{countries.nameOf(item.countryCode) || "—"}</Table.Td>
                    <Table.Td>{item.dueOn}</Table.Td>
                    <Table.Td>
                      <Late days={item.daysOverdue} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["notifications"],
    queryFn: () => api<ListNotifications>("GET", "/api/notifications"),
  });
  const markRead = useMutation({
    mutationFn: (id?: string) => api("POST", "/api/notifications/read", id ? { id } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
  const format = useFormat();
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        intro={t("notifications.intro")}
        actions={
          query.data?.unread ? (
            <Button variant="light" onClick={() => markRead.mutate(undefined)}>
              {t("notifications.markAll")}
            </Button>
          ) : undefined
        }
      />
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("notifications.empty")}>
        {(data) => (
          <DataTable
            label={t("notifications.title")}
            minWidth={560}
            headers={[t("notifications.when"), t("notifications.what"), t("cases.reference")]}
            actions
          >
            {data.items.map((item) => (
              <Table.Tr key={item.id} fw={item.read ? undefined : 600}>
                <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
                <Table.Td>{t(`notifications.kinds.${item.kind}`, { due: item.dueOn })}</Table.Td>
                <Table.Td>
                  {item.caseId && item.caseReference ? (
                    caseLink(item.caseId, item.caseReference)
                  ) : item.subjectPath && item.caseReference ? (
                    <Link to={item.subjectPath as never} dir="ltr" style={{ color: "var(--mantine-color-blue-9)" }}>
                      {item.caseReference}
                    </Link>
                  ) : (
                    "—"
                  )}
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    {!item.read && (
                      <Button size="xs" variant="subtle" onClick={() => markRead.mutate(item.id)}>
                        {t("notifications.markRead")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </>
  );
}
