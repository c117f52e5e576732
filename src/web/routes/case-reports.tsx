// The reports a case was built from, with what each said and the thread with its reporter: the
// officer reads and answers here, and reading clears the case's new-message mark.
import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Case } from "../../domain/contracts/cases.js";
import type { ListCaseReports } from "../../domain/contracts/reports.js";
import { api } from "../api.js";
import { QueryView } from "../components/page.js";
import { useFormat } from "../format.js";
import { NewMessageBadge, ReplyToReporter, ThreadMessages, UrgencyBadge } from "../components/reports.js";

export function CaseReports({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["case-reports", caseId],
    queryFn: async () => {
      const data = await api<ListCaseReports>("GET", `/api/cases/${caseId}/reports`);
      // Reading the threads cleared the case's mark for this reader: the page says so without a reload.
      queryClient.setQueryData<Case>(["case", caseId], (current) =>
        current ? { ...current, unreadMessages: false } : current,
      );
      return data;
    },
  });
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {t("caseReports.title")}
      </Title>
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("caseReports.none")}>
        {(data) => (
          <Stack>
            {data.items.map((report) => (
              <Paper key={report.id} withBorder p="md">
                <Stack gap="xs">
                  <Group gap="xs" wrap="wrap">
                    <Link to="/reports/$reportId" params={{ reportId: report.id }} dir="ltr">
                      {report.code}
                    </Link>
                    {report.unread && <NewMessageBadge />}
                    <UrgencyBadge urgency={report.urgency} />
                    <Badge variant="outline" color="gray">
                      {t(`reports.kinds.${report.kind}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="gray.7">
                    {t("reports.received")} {format.dateTime(report.receivedAt)} ·{" "}
                    {t(`reports.channels.${report.channel}`)}
                    {report.place && (
                      <>
                        {" · "}
                        <bdi>{report.place}</bdi>
                      </>
                    )}
                  </Text>
                  <Text style={{ whiteSpace: "pre-wrap" }} dir="auto">
                    {report.whatHappened}
                  </Text>
                  <Title order={3} size="h5" mt="xs">
                    {t("reports.thread")}
                  </Title>
                  <ThreadMessages messages={report.messages} />
                  {report.can.reply && (
                    <ReplyToReporter
                      reportId={report.id}
                      onSent={() => queryClient.invalidateQueries({ queryKey: ["case-reports", caseId] })}
                    />
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}
