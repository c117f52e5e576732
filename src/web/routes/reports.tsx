// The intake queue: reports received in the officer's scope, each opened to read and to write to
// the reporter through their receipt.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ListCases } from "../../domain/contracts/cases.js";
import type { LinkReportToCase, ListIntakeQueue, ReadReport as FullReport } from "../../domain/contracts/reports.js";
import { api } from "../api.js";
import { PageHeader, ProblemAlert, QueryView, DataTable } from "../components/page.js";
import { useCountries, usePersonnelCategories } from "../reference-data.js";

/** Makes the report part of a case: a new one, or an existing case of the same mission. */
function CaseLink({ report }: { report: FullReport }) {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  const queryClient = useQueryClient();
  const [caseId, setCaseId] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: ["cases", "for-link", report.missionCode],
    queryFn: () =>
      api<ListCases>("GET", `/api/cases?limit=200${report.missionCode ? `&mission=${report.missionCode}` : ""}`),
    enabled: report.caseId === null,
  });
  const link = useMutation({
    mutationFn: (target: { caseId?: string }) =>
      api<LinkReportToCase>("POST", `/api/reports/${report.id}/case`, {
        ...target,
        version: report.version,
      }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  if (report.caseId) {
    return (
      <Text>
        {t("reports.linkedTo")}:{" "}
        <Link to="/cases/$caseId" params={{ caseId: report.caseId }}>
          {link.data?.reference ?? t("reports.open")}
        </Link>
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <ProblemAlert error={link.error} />
      {report.possibleDuplicates.length + report.similarReports.length > 0 && (
        <Alert color="yellow" title={t("reports.duplicates.title")}>
          <Text size="sm" mb="xs">
            {t("reports.duplicates.intro")}
          </Text>
          <Stack gap="xs">
            {report.possibleDuplicates.map((match) => (
              <Group key={match.caseId} justify="space-between" wrap="wrap">
                <Text size="sm">
                  <Link to="/cases/$caseId" params={{ caseId: match.caseId }}>
                    {match.reference}
                  </Link>
                  {" · "}
                  {[
                    match.sameNationality && t("reports.duplicates.sameNationality"),
                    match.sameCategory && t("reports.duplicates.sameCategory"),
                    t("reports.duplicates.reportedOn", { date: day.format(new Date(match.dateReported)) }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => link.mutate({ caseId: match.caseId })}
                  aria-label={`${t("reports.link")}: ${match.reference}`}
                >
                  {t("reports.link")}
                </Button>
              </Group>
            ))}
            {report.similarReports.map((other) => (
              <Text size="sm" key={other.reportId}>
                <Link to="/reports/$reportId" params={{ reportId: other.reportId }}>
                  {t("reports.duplicates.otherReport", { date: time.format(new Date(other.receivedAt)) })}
                </Link>
                {[
                  other.sameNationality && t("reports.duplicates.sameNationality"),
                  other.sameCategory && t("reports.duplicates.sameCategory"),
                ]
                  .filter(Boolean)
                  .map((reason) => ` · ${reason}`)
                  .join("")}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Group>
        <Button onClick={() => link.mutate({})} loading={link.isPending && !caseId}>
          {t("reports.openCase")}
        </Button>
      </Group>
      <Group align="flex-end">
        <Select
          label={t("reports.chooseCase")}
          searchable
          w={320}
          data={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: c.reference }))}
          value={caseId}
          onChange={setCaseId}
        />
        <Button variant="light" disabled={!caseId} onClick={() => caseId && link.mutate({ caseId })}>
          {t("reports.link")}
        </Button>
      </Group>
    </Stack>
  );
}

export function ReportQueue() {
  const { t, i18n } = useTranslation();
  const [unlinkedOnly, setUnlinkedOnly] = useState(true);
  const query = useQuery({
    queryKey: ["reports", unlinkedOnly],
    queryFn: () => api<ListIntakeQueue>("GET", `/api/reports?limit=100${unlinkedOnly ? "&unlinked=true" : ""}`),
  });
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader
        title={t("reports.title")}
        intro={t("reports.intro")}
        actions={
          <Button component={Link} to="/reports/new">
            {t("reports.record.button")}
          </Button>
        }
      />
      <Checkbox
        mb="md"
        label={t("reports.unlinkedOnly")}
        checked={unlinkedOnly}
        onChange={(e) => setUnlinkedOnly(e.currentTarget.checked)}
      />
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("reports.empty")}>
        {(data) => (
          <DataTable
            label={t("reports.title")}
            minWidth={720}
            headers={[
              t("reports.received"),
              t("reports.mission"),
              t("reports.channel"),
              t("reports.children"),
              t("reports.anonymous"),
            ]}
            actions
          >
            {data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  {time.format(new Date(item.receivedAt))}
                  {item.possibleDuplicate && (
                    <Badge ms="xs" color="yellow" variant="light">
                      {t("reports.duplicates.badge")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{item.missionCode ?? t("reports.noMission")}</Table.Td>
                <Table.Td>{t(`reports.channels.${item.channel}`)}</Table.Td>
                <Table.Td>
                  {item.childrenInvolved === "yes" ? (
                    <Badge color="red" variant="light">
                      {t("reports.answers.yes")}
                    </Badge>
                  ) : (
                    t(`reports.answers.${item.childrenInvolved}`)
                  )}
                </Table.Td>
                <Table.Td>{item.anonymous ? t("app.yes") : t("app.no")}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    component={Link}
                    to={`/reports/${item.id}`}
                    aria-label={`${t("reports.open")}: ${time.format(new Date(item.receivedAt))}`}
                  >
                    {t("reports.open")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

export function ReportDetail() {
  const { t, i18n } = useTranslation();
  const { reportId } = useParams({ from: "/reports/$reportId" });
  const queryClient = useQueryClient();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const query = useQuery({
    queryKey: ["report", reportId],
    queryFn: () => api<FullReport>("GET", `/api/reports/${reportId}`),
  });
  const [message, setMessage] = useState("");
  const reply = useMutation({
    mutationFn: () => api("POST", `/api/reports/${reportId}/messages`, { message }),
    onSuccess: async () => {
      setMessage("");
      await queryClient.invalidateQueries({ queryKey: ["report", reportId] });
    },
  });
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <Button component={Link} to="/reports" variant="subtle" px={0} mb="sm">
        {t("reports.back")}
      </Button>
      <QueryView query={query}>
        {(report) => (
          <Stack>
            <PageHeader title={`${t("reports.received")} ${time.format(new Date(report.receivedAt))}`} />
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="xs">
                {t("reports.whatHappened")}
              </Title>
              <Text style={{ whiteSpace: "pre-wrap" }}>{report.whatHappened}</Text>
            </Paper>
            <Paper withBorder p="lg">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Fact label={t("reports.mission")}>{report.missionCode ?? t("reports.noMission")}</Fact>
                <Fact label={t("reports.place")}>{report.place ?? "—"}</Fact>
                <Fact label={t("reports.incidentDate")}>{report.incidentDate ?? t("reports.unknownDate")}</Fact>
                <Fact label={t("reports.channel")}>{t(`reports.channels.${report.channel}`)}</Fact>
                <Fact label={t("reports.categories")}>
                  {report.personnelCategoryCodes.map(categories.labelOf).join(", ") || "—"}
                </Fact>
                <Fact label={t("reports.nationalities")}>
                  {report.nationalityCodes.map(countries.nameOf).join(", ") || "—"}
                </Fact>
                <Fact label={t("reports.children")}>{t(`reports.answers.${report.childrenInvolved}`)}</Fact>
                <Fact label={t("reports.reporterIsVictim")}>{t(`reports.answers.${report.reporterIsVictim}`)}</Fact>
              </SimpleGrid>
              {report.involved && <Fact label={t("reports.involved")}>{report.involved}</Fact>}
              <Text mt="md">
                {report.anonymous ? t("reports.anonymousReporter") : `${t("reports.contact")}: ${report.contact}`}
              </Text>
            </Paper>
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="xs">
                {t("reports.evidence")}
              </Title>
              {report.evidence.length === 0 ? (
                <Text c="gray.7">{t("reports.noEvidence")}</Text>
              ) : (
                <Stack gap={4}>
                  {report.evidence.map((file) => (
                    <Text key={file.id} size="sm">
                      <a
                        href={`/api/reports/${report.id}/evidence/${file.id}`}
                        download={file.fileName}
                        dir="auto"
                        style={{ color: "var(--mantine-color-blue-9)" }}
                      >
                        {file.fileName}
                      </a>
                      {` · ${file.contentType} · ${(file.sizeBytes / 1024).toFixed(0)} KB · SHA-256 `}
                      <span dir="ltr" style={{ fontFamily: "var(--mantine-font-family-monospace)" }}>
                        {file.sha256.slice(0, 16)}…
                      </span>
                    </Text>
                  ))}
                </Stack>
              )}
            </Paper>
            {report.can.reply && (
              <Paper withBorder p="lg">
                <CaseLink report={report} />
              </Paper>
            )}
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="sm">
                {t("reports.thread")}
              </Title>
              {report.messages.length === 0 && <Text c="gray.7">{t("reports.noMessages")}</Text>}
              {report.messages.map((m) => (
                <Paper key={m.id} p="sm" mb="xs" bg={m.fromReporter ? "gray.0" : "blue.0"}>
                  <Text size="xs" c="gray.7">
                    {m.fromReporter ? t("reports.fromReporter") : t("reports.fromOfficer")} ·{" "}
                    {time.format(new Date(m.createdAt))}
                  </Text>
                  <Text style={{ whiteSpace: "pre-wrap" }}>{m.message}</Text>
                </Paper>
              ))}
              {report.can.reply && (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    reply.mutate();
                  }}
                >
                  <ProblemAlert error={reply.error} />
                  {reply.isSuccess && (
                    <Alert color="green" mb="sm" role="status">
                      {t("reports.sent")}
                    </Alert>
                  )}
                  <Textarea
                    label={t("reports.reply")}
                    value={message}
                    onChange={(e) => setMessage(e.currentTarget.value)}
                    minRows={3}
                    autosize
                    maxLength={5000}
                  />
                  <Group justify="flex-end" mt="sm">
                    <Button type="submit" loading={reply.isPending} disabled={!message.trim()}>
                      {t("reports.send")}
                    </Button>
                  </Group>
                </form>
              )}
            </Paper>
          </Stack>
        )}
      </QueryView>
    </>
  );
}
