// One case: its facts, the narrative when the role may read it, the workflow steps open to this
// person (as the server says), and the case's history.
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useCountries, usePersonnelCategories } from "../reference-data.js";
import { Assignments, type CaseData, EditCaseButton, Notes, PublishButton } from "./case-work.js";
import { EnforcementSections } from "./enforcement.js";
import { CaseVictims } from "./victims.js";
import { CaseReferrals } from "./referrals.js";
import { CaseDocuments } from "./documents.js";
import { CaseReports } from "./case-reports.js";
import { AssistanceRequestButton } from "./assistance-requests.js";
import { NewMessageBadge } from "../components/reports.js";
import { SendToUnit } from "../components/send-to-unit.js";
import { ReasonedSharesPanel } from "../components/shares.js";
import { useMe } from "../session.js";
import { useFormat } from "../format.js";
import { RedactButton } from "./redaction.js";
import { REDACTED } from "../../domain/contracts/retention.js";
import type { CaseTimeline } from "../../domain/contracts/cases.js";
import type { DocumentKind } from "../../domain/contracts/documents.js";
import { useVocabulary } from "../i18n/index.js";

export function CaseDetail() {
  const { t, i18n } = useTranslation();
  const victimSummary = (victims: CaseData["victims"]) =>
    (Object.entries(victims) as [keyof CaseData["victims"], number][])
      .filter(([, count]) => count > 0)
      .map(([group, count]) => t(`caseWork.victimCount.${group}`, { count }))
      .join(", ");
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const queryClient = useQueryClient();
  const me = useMe().data;
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const query = useQuery({ queryKey: ["case", caseId], queryFn: () => api<CaseData>("GET", `/api/cases/${caseId}`) });
  const timeline = useQuery({
    queryKey: ["case", caseId, "timeline"],
    queryFn: () => api<CaseTimeline>("GET", `/api/cases/${caseId}/timeline`),
  });
  const step = useMutation({
    mutationFn: (transition: string) =>
      api<CaseData>("POST", `/api/cases/${caseId}/transitions`, { transition, version: query.data?.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["case", caseId] }),
  });
  const format = useFormat();
  const words = useVocabulary();
  type Event = CaseTimeline["items"][number];
  const eventTitle = (event: Event) =>
    event.action === "case.transition"
      ? `${t("cases.events.case_transition")} ${t(`status.${event.details.to}`)}`
      : event.action === "report.message"
        ? t(event.details.fromReporter ? "cases.events.reporter_message" : "cases.events.officer_message")
        : t(`cases.events.${event.action.replaceAll(".", "_")}`, {
            defaultValue: event.action,
            // A note's number and a document's kind say which one the event is about.
            number: event.details.number,
            unit: event.details.unitCode ?? event.details.toMissionCode,
            kind: words.documentKinds[event.details.kind as DocumentKind],
          });
  // The person who acted as far as this reader may know; otherwise their role; the reporter is named as such.
  const eventActor = (event: Event) =>
    event.actorName ??
    (event.actorRole && !["system", "public"].includes(event.actorRole)
      ? t(`roles.${event.actorRole}`)
      : event.action.startsWith("report.")
        ? t("reports.fromReporter")
        : t("cases.events.bySystem"));
  return (
    <>
      <Button component={Link} to="/cases" variant="subtle" px={0} mb="sm">
        {t("cases.back")}
      </Button>
      <QueryView query={query}>
        {(item) => (
          <Stack>
            <PageHeader
              title={item.reference}
              actions={
                <Group>
                  {item.unreadMessages && <NewMessageBadge />}
                  {item.urgent && (
                    <Badge size="lg" color="red" variant="light">
                      {t("caseWork.urgentBadge")}
                    </Badge>
                  )}
                  {item.headquartersOnly && (
                    <Badge size="lg" color="grape" variant="light" title={t("reports.headquartersOnly.title")}>
                      {t("reports.headquartersOnly.badge")}
                    </Badge>
                  )}
                  <Badge size="lg" variant="light">
                    {t(`status.${item.status}`)}
                  </Badge>
                  {item.can.edit && <EditCaseButton item={item} />}
                  {item.can.edit && (
                    <AssistanceRequestButton
                      url={`/api/cases/${item.id}/assistance-requests`}
                      urgency={item.urgent ? "urgent" : "priority"}
                      needs={[]}
                    />
                  )}
                  {item.can.publish && <PublishButton caseId={item.id} published={item.publishedAt !== null} />}
                  <Button
                    component="a"
                    href={`/api/cases/${item.id}/summary?language=${i18n.language}`}
                    variant="default"
                    size="xs"
                  >
                    {t("caseSummary.print")}
                  </Button>
                </Group>
              }
            />
            <Paper withBorder p="lg">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <div>
                  <Text size="sm" c="gray.7">
                    {t("cases.mission")}
                  </Text>
                  <Text>{item.missionCode}</Text>
                </div>
                <div>
                  <Text size="sm" c="gray.7">
                    {t("cases.reported")}
                  </Text>
                  <Text>{format.date(item.dateReported)}</Text>
                </div>
                <div>
                  <Text size="sm" c="gray.7">
                    {t("cases.dateOfIncident")}
                  </Text>
                  <Text>{item.dateOfIncident ? format.date(item.dateOfIncident) : t("reports.unknownDate")}</Text>
                </div>
                <div>
                  <Text size="sm" c="gray.7">
                    {t("cases.categories")}
                  </Text>
                  <Text>{item.categoryCodes.map(categories.labelOf).join(", ") || "—"}</Text>
                </div>
                <div>
                  <Text size="sm" c="gray.7">
                    {t("cases.nationalities")}
                  </Text>
                  <Text>{item.nationalityCodes.map(countries.nameOf).join(", ") || "—"}</Text>
                </div>
                <div>
                  <Text size="sm" c="gray.7">
                    {t("cases.allegations")}
                  </Text>
                  <Text>
                    {item.allegationCodes.map((code) => t(`allegations.${code}`, { defaultValue: code })).join(", ") ||
                      "—"}
                  </Text>
                </div>
                <div>
                  <Text size="sm" c="gray.7">
                    {t("caseWork.victims")}
                  </Text>
                  <Text>{victimSummary(item.victims) || "—"}</Text>
                </div>
                <div>
                  <Text size="sm" c="gray.7">
                    {t("caseWork.childrenInvolved")}
                  </Text>
                  <Text>{t(`reports.answers.${item.childrenInvolved}`)}</Text>
                </div>
                {item.can.readNarrative && (
                  <div>
                    <Text size="sm" c="gray.7">
                      {t("reports.place")}
                    </Text>
                    <Text>{item.place ? <bdi>{item.place}</bdi> : "—"}</Text>
                  </div>
                )}
                <div>
                  <Text size="sm" c="gray.7">
                    {t("caseWork.riskLocation")}
                  </Text>
                  <Text>{item.riskLocation ? <bdi>{item.riskLocation}</bdi> : "—"}</Text>
                </div>
                <div>
                  <Text size="sm" c="gray.7">
                    {t("caseWork.paternityClaim")}
                  </Text>
                  <Text>{item.paternityClaim ? t("app.yes") : t("app.no")}</Text>
                </div>
              </SimpleGrid>
            </Paper>
            <Paper withBorder p="lg">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {t("cases.narrative")}
                </Title>
                {item.can.redact && item.narrative && item.narrative !== REDACTED && (
                  <RedactButton field="case.narrative" recordId={item.id} caseId={item.id} />
                )}
              </Group>
              <Text style={{ whiteSpace: "pre-wrap" }} c={item.narrative ? undefined : "gray.7"} dir="auto">
                {item.narrative ?? t("cases.narrativeHidden")}
              </Text>
            </Paper>
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="sm">
                {t("cases.workflow")}
              </Title>
              <ProblemAlert error={step.error} />
              {item.awaiting.map((record) => (
                <Text key={record} size="sm" mb="xs">
                  {t(`cases.awaiting.${record}`)}
                </Text>
              ))}
              {item.next.length === 0 ? (
                item.awaiting.length === 0 && <Text c="gray.7">{t("cases.noNext")}</Text>
              ) : (
                <Group>
                  {item.next.map((transition) => (
                    <Button
                      key={transition}
                      variant={transition === "close" ? "light" : "filled"}
                      loading={step.isPending && step.variables === transition}
                      onClick={() => step.mutate(transition)}
                    >
                      {t(`cases.steps.${transition}`)}
                    </Button>
                  ))}
                </Group>
              )}
            </Paper>
            <CaseReferrals
              caseId={item.id}
              caseVersion={item.version}
              status={item.status}
              categoryCodes={item.categoryCodes}
              nationalityCodes={item.nationalityCodes}
              canRefer={item.can.refer}
              canReadDocuments={item.can.readDocuments}
            />
            {item.can.readDocuments && <CaseDocuments caseId={item.id} />}
            {item.can.readReports && <CaseReports caseId={item.id} />}
            {item.can.seeVictims && (
              <CaseVictims caseId={item.id} missionCode={item.missionCode} canRegister={item.can.registerVictim} />
            )}
            <EnforcementSections
              caseId={item.id}
              missionCode={item.missionCode}
              status={item.status}
              nationalityCodes={item.nationalityCodes}
            />
            {item.can.edit && <Assignments caseId={item.id} version={item.version} />}
            {item.can.transfer && (
              <SendToUnit
                path={`/api/cases/${item.id}/transfer`}
                record={{ missionCode: item.missionCode, organisationCode: null, version: item.version }}
                help={t("cases.transferTo.help", { mission: item.missionCode })}
                send={t("cases.transferTo.send")}
                onSent={() => queryClient.invalidateQueries()}
              />
            )}
            {(item.can.share || (item.can.readNotes && item.sharedUnitCodes.length > 0)) && (
              <ReasonedSharesPanel
                path={`/api/cases/${item.id}/shares`}
                holder={item.missionCode}
                canShare={item.can.share}
                sharedWithReader={
                  !item.can.share && item.sharedUnitCodes.some((unit) => me?.missionCodes.includes(unit))
                }
                keys="cases.shares"
                // The case's abilities, list and history change with a share: all are read again.
                onChange={() => queryClient.invalidateQueries({ queryKey: ["case", item.id] })}
              />
            )}
            {item.can.readNotes && <Notes caseId={item.id} canAdd={item.can.addNote} />}
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="sm">
                {t("cases.timeline")}
              </Title>
              <Timeline bulletSize={14} lineWidth={2}>
                {(timeline.data?.items ?? []).map((event) => (
                  <Timeline.Item
                    key={`${event.at}-${event.action}-${JSON.stringify(event.details)}`}
                    title={eventTitle(event)}
                  >
                    <Text size="xs" c="gray.7">
                      {format.dateTime(event.at)} · {eventActor(event)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Paper>
          </Stack>
        )}
      </QueryView>
    </>
  );
}
