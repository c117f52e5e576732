// The intake queue: reports received in the officer's scope, each opened to read and to write to
// the reporter through their receipt.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ListCases } from "../../domain/contracts/cases.js";
import type { LinkReportToCase, ListIntakeQueue, ReadReport as FullReport } from "../../domain/contracts/reports.js";
import { api } from "../api.js";
import { useFormat } from "../format.js";
import { AssistanceRequestButton } from "./assistance-requests.js";
import {
  HeadquartersOnlyNotice,
  NewMessageBadge,
  ReplyToReporter,
  ThreadMessages,
  UrgencyBadge,
} from "../components/reports.js";
import { SendToUnit } from "../components/send-to-unit.js";
import { reportKinds, urgencies } from "../../domain/triage.js";
import { PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { Outbox } from "../offline/outbox-view.js";
import { useMe } from "../session.js";
import type { Me } from "../../domain/contracts/users.js";
import { useCountries, useEntities, usePersonnelCategories } from "../reference-data.js";

/** Makes the report part of a case: a new one, or an existing case of the same mission. */
function CaseLink({ report }: { report: FullReport }) {
  const { t } = useTranslation();
  const format = useFormat();
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
                    t("reports.duplicates.reportedOn", { date: format.date(match.dateReported) }),
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
                  {t("reports.duplicates.otherReport", { code: other.code, date: format.dateTime(other.receivedAt) })}
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

type QueueFilters = { status: "new" | "linked" | "all"; unread: boolean; kind: string; urgency: string; q: string };

const queuePath = (filters: QueueFilters) => {
  const params = new URLSearchParams({ limit: "100" });
  if (filters.status === "new") params.set("unlinked", "true");
  if (filters.unread) params.set("unread", "true");
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.urgency) params.set("urgency", filters.urgency);
  if (filters.q) params.set("q", filters.q);
  return `/api/reports?${params}`;
};

/** The intake queue as a list of cards, readable on a phone: what to triage on at a glance, and filters. */
export function ReportQueue() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const format = useFormat();
  const [filters, setFilters] = useState<QueueFilters>({ status: "new", unread: false, kind: "", urgency: "", q: "" });
  const [searchText, setSearchText] = useState("");
  // On a phone the three choices are stacked: side by side they would not fit.
  const narrow = useMediaQuery("(max-width: 36em)") ?? false;
  const query = useQuery({
    queryKey: ["reports", filters],
    queryFn: () => api<ListIntakeQueue>("GET", queuePath(filters)),
  });
  const set = (next: Partial<QueueFilters>) => setFilters({ ...filters, ...next });
  const option = (group: string, code: string) => ({ value: code, label: t(`reports.${group}.${code}`) });
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
      <Outbox ownerId={me.id} />
      <Stack gap="sm" mb="md">
        <SegmentedControl
          aria-label={t("reports.filters.status")}
          orientation={narrow ? "vertical" : "horizontal"}
          fullWidth={narrow}
          value={filters.status}
          onChange={(status) => set({ status: status as QueueFilters["status"] })}
          data={(["new", "linked", "all"] as const).map((value) => ({
            value,
            label: t(`reports.filters.${value}`),
          }))}
        />
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t("reports.kind")}
            clearable
            w={220}
            value={filters.kind || null}
            onChange={(kind) => set({ kind: kind ?? "" })}
            data={reportKinds.map((code) => option("kinds", code))}
          />
          <Select
            label={t("reports.urgency")}
            clearable
            w={160}
            value={filters.urgency || null}
            onChange={(urgency) => set({ urgency: urgency ?? "" })}
            data={urgencies.map((code) => option("urgencies", code))}
          />
          <form
            onSubmit={(event) => {
              event.preventDefault();
              set({ q: searchText.trim() });
            }}
          >
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t("reports.filters.search")}
                description={t("reports.filters.searchHelp")}
                value={searchText}
                onChange={(event) => setSearchText(event.currentTarget.value)}
                w={260}
              />
              <Button type="submit" variant="light">
                {t("reports.filters.searchButton")}
              </Button>
            </Group>
          </form>
          <Checkbox
            label={t("reports.filters.unread")}
            checked={filters.unread}
            onChange={(event) => set({ unread: event.currentTarget.checked })}
          />
        </Group>
      </Stack>
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("reports.empty")}>
        {(data) => (
          <Stack gap="sm" component="ul" p={0} style={{ listStyle: "none" }} aria-label={t("reports.title")}>
            {data.items.map((item) => (
              <Paper key={item.id} component="li" withBorder p="md">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} dir="ltr">
                        {item.code}
                      </Text>
                      {item.unread && <NewMessageBadge />}
                      <UrgencyBadge urgency={item.urgency} />
                      {item.headquartersOnly && (
                        <Badge color="grape" variant="light">
                          {t("reports.headquartersOnly.badge")}
                        </Badge>
                      )}
                      <Badge variant="outline" color="gray">
                        {t(`reports.kinds.${item.kind}`)}
                      </Badge>
                      {item.childrenInvolved === "yes" && (
                        <Badge color="red" variant="light">
                          {t("reports.childrenInvolved")}
                        </Badge>
                      )}
                    </Group>
                    <Text dir="auto" lineClamp={2}>
                      {item.excerpt}
                    </Text>
                    <Text size="sm" c="gray.7">
                      {[
                        format.dateTime(item.receivedAt),
                        item.missionCode ?? t("reports.noMission"),
                        t(`reports.channels.${item.channel}`),
                      ].join(" · ")}
                      {item.place && (
                        <>
                          {" · "}
                          <bdi>{item.place}</bdi>
                        </>
                      )}
                    </Text>
                    {item.caseId && item.caseReference ? (
                      <Text size="sm">
                        {t("reports.linkedTo")}:{" "}
                        <Link to="/cases/$caseId" params={{ caseId: item.caseId }} dir="ltr">
                          {item.caseReference}
                        </Link>
                      </Text>
                    ) : (
                      item.possibleDuplicate && (
                        <Text size="sm" c="yellow.9">
                          {t("reports.duplicates.badge")}
                          {item.duplicateReferences.length > 0 && (
                            <>
                              {": "}
                              <bdi>{item.duplicateReferences.join(", ")}</bdi>
                            </>
                          )}
                        </Text>
                      )
                    )}
                  </Stack>
                  <Button
                    size="xs"
                    variant="light"
                    component={Link}
                    to={`/reports/${item.id}`}
                    aria-label={`${t("reports.open")}: ${item.code}`}
                    style={{ flexShrink: 0 }}
                  >
                    {t("reports.open")}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
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
  const { t } = useTranslation();
  const { reportId } = useParams({ from: "/reports/$reportId" });
  const queryClient = useQueryClient();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const entities = useEntities();
  const query = useQuery({
    queryKey: ["report", reportId],
    queryFn: () => api<FullReport>("GET", `/api/reports/${reportId}`),
  });
  const format = useFormat();
  return (
    <>
      <Button component={Link} to="/reports" variant="subtle" px={0} mb="sm">
        {t("reports.back")}
      </Button>
      <QueryView query={query}>
        {(report) => (
          <Stack>
            <PageHeader
              title={report.code}
              intro={`${t("reports.received")} ${format.dateTime(report.receivedAt)}`}
              actions={
                <Group gap="xs">
                  {report.can.reply && report.missionCode && (
                    <AssistanceRequestButton
                      url={`/api/reports/${report.id}/assistance-requests`}
                      urgency={report.urgency}
                      needs={report.needs}
                    />
                  )}
                  <UrgencyBadge urgency={report.urgency} />
                  <Badge variant="outline" color="gray">
                    {t(`reports.kinds.${report.kind}`)}
                  </Badge>
                </Group>
              }
            />
            {report.headquartersOnly && (
              <HeadquartersOnlyNotice report={report} onHanded={() => queryClient.invalidateQueries()} />
            )}
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="xs">
                {t("reports.whatHappened")}
              </Title>
              <Text style={{ whiteSpace: "pre-wrap" }} dir="auto">
                {report.whatHappened}
              </Text>
            </Paper>
            <Paper withBorder p="lg">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Fact label={t("reports.mission")}>{report.missionCode ?? t("reports.noMission")}</Fact>
                <Fact label={t("reports.organisation")}>
                  {report.organisationCode
                    ? entities.labelOf(report.organisationCode)
                    : t("reports.organisationUnknown")}
                </Fact>
                <Fact label={t("reports.place")}>{report.place ? <bdi>{report.place}</bdi> : "—"}</Fact>
                <Fact label={t("reports.incidentDate")}>
                  {report.incidentDate ? format.date(report.incidentDate) : t("reports.unknownDate")}
                </Fact>
                <Fact label={t("reports.immediateDanger")}>{t(`reports.answers.${report.immediateDanger}`)}</Fact>
                <Fact label={t("reports.needs")}>
                  {report.needs.map((need) => t(`reports.needOptions.${need}`)).join(", ") || "—"}
                </Fact>
                <Fact label={t("reports.channel")}>{t(`reports.channels.${report.channel}`)}</Fact>
                <Fact label={t("reports.categories")}>
                  {report.personnelCategoryCodes.map(categories.labelOf).join(", ") || "—"}
                </Fact>
                <Fact label={t("reports.nationalities")}>
                  {report.nationalityCodes.map(countries.nameOf).join(", ") || "—"}
                </Fact>
                <Fact label={t("reports.children")}>{t(`reports.answers.${report.childrenInvolved}`)}</Fact>
                <Fact label={t("reports.reporterIsVictim")}>{t(`reports.answers.${report.reporterIsVictim}`)}</Fact>
                <Fact label={t("reports.routes.legend")}>{t(`reports.routes.${report.route}`)}</Fact>
              </SimpleGrid>
              {report.involved && (
                <Fact label={t("reports.involved")}>
                  <bdi>{report.involved}</bdi>
                </Fact>
              )}
              <Text mt="md">
                {report.anonymous ? t("reports.anonymousReporter") : `${t("reports.contact")}: ${report.contact}`}
              </Text>
            </Paper>
            {report.can.route && !report.caseId && (
              <SendToUnit
                path={`/api/reports/${report.id}/route`}
                record={report}
                help={t("reports.routeTo.help", { mission: report.missionCode ?? t("reports.noMission") })}
                send={t("reports.routeTo.send")}
                onSent={() => queryClient.invalidateQueries()}
              />
            )}
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
              <ThreadMessages messages={report.messages} />
              {report.can.reply && (
                <ReplyToReporter
                  reportId={report.id}
                  onSent={() => queryClient.invalidateQueries({ queryKey: ["report", reportId] })}
                />
              )}
            </Paper>
          </Stack>
        )}
      </QueryView>
    </>
  );
}
