// Member State accountability: headquarters compares the contributing countries and opens any
// country's scorecard; a State's focal point sees its own. The published part is public as well.
import { DateField } from "../components/date-field.js";
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { commitmentKinds } from "../../domain/commitments.js";
import type { ListCommitments } from "../../domain/contracts/commitments.js";
import type { Share } from "../../domain/accountability.js";
import type {
  Comparison as ComparisonRows,
  MissionComparison,
  Scorecard,
} from "../../domain/contracts/accountability.js";
import { api } from "../api.js";
import { useVocabulary } from "../i18n/index.js";
import { DialogForm } from "../components/dialog.js";
import { DataTable, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useFormat } from "../format.js";
import { useCountries } from "../reference-data.js";
import { useMe } from "../session.js";

type ComparisonRow = ComparisonRows[number];
type Count = Scorecard["allegationsByYear"][number];

function useShare() {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent" });
  return (value: Share) =>
    value.share === null
      ? t("accountability.noneYet")
      : t("accountability.share", { count: value.count, of: value.of, percent: percent.format(value.share) });
}

export function AccountabilityPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const headquarters = me?.role === "cds_officer";
  const [country, setCountry] = useState<string | null>(headquarters ? null : (me?.countryCode ?? null));
  return (
    <>
      <PageHeader title={t("accountability.title")} intro={t("accountability.intro")} />
      {headquarters && <Comparison onOpen={setCountry} />}
      {country && <CountryScorecard countryCode={country} />}
      {headquarters && <MissionCommand />}
      {headquarters && <CommitmentsPanel />}
    </>
  );
}

function Comparison({ onOpen }: { onOpen: (country: string) => void }) {
  const { t } = useTranslation();
  const { nameOf } = useCountries();
  const share = useShare();
  const query = useQuery({
    queryKey: ["accountability"],
    queryFn: () => api<ComparisonRow[]>("GET", "/api/accountability"),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Paper withBorder p="lg" mb="lg">
      <Title order={2} size="h4" mb="sm">
        {t("accountability.compare")}
      </Title>
      <QueryView query={query} isEmpty={(rows) => rows.length === 0} empty={t("accountability.noneYet")}>
        {(rows) => (
          <Stack>
            <Group align="end">
              <Select
                label={t("accountability.country")}
                searchable
                data={rows.map((row) => ({ value: row.countryCode, label: nameOf(row.countryCode) }))}
                value={chosen}
                onChange={setChosen}
                w={280}
              />
              <Button disabled={!chosen} onClick={() => chosen && onOpen(chosen)}>
                {t("accountability.open")}
              </Button>
            </Group>
            <DataTable
              label={t("accountability.compare")}
              minWidth={900}
              headers={[
                t("accountability.country"),
                t("accountability.allegations"),
                t("accountability.repliesOnTime"),
                t("accountability.nioMedian"),
                t("accountability.medianDays"),
                t("accountability.p90Days"),
                t("accountability.substantiatedWithFinalAction"),
              ]}
            >
              {rows.map((row) => (
                <Table.Tr key={row.countryCode}>
                  <Table.Td>{nameOf(row.countryCode)}</Table.Td>
                  <Table.Td>{row.allegations}</Table.Td>
                  <Table.Td>{share(row.measures.repliesOnTime)}</Table.Td>
                  <Table.Td>{row.measures.nioAppointment.medianDays ?? "—"}</Table.Td>
                  <Table.Td>{row.measures.investigations.medianDays ?? "—"}</Table.Td>
                  <Table.Td>{row.measures.investigations.p90Days ?? "—"}</Table.Td>
                  <Table.Td>{share(row.measures.substantiatedWithFinalAction)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}

/** A panel's title with who sees it: a restricted panel's badge is filled, a published one's outlined. */
function PanelTitle({
  title,
  badge,
  restricted,
  order = 3,
}: {
  title: string;
  badge: string;
  restricted?: boolean;
  order?: 2 | 3;
}) {
  return (
    <Group mb="sm">
      <Title order={order} size="h4">
        {title}
      </Title>
      <Badge variant={restricted ? "light" : "outline"}>{badge}</Badge>
    </Group>
  );
}

/** Decisions on units by kind, "Review: 2 · Repatriation: 1". */
function useDecisionSummary() {
  const { t } = useTranslation();
  const format = useFormat();
  return (decisions: Record<string, number>) =>
    Object.entries(decisions)
      .map(([kind, count]) => `${t(`units.decisionKinds.${kind}`)}: ${format.number(count)}`)
      .join(" · ") || "—";
}

function Figure({ label, value }: { label: string; value: string | number | null }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value ?? "—"}
      </Text>
    </Paper>
  );
}

function CountryScorecard({ countryCode }: { countryCode: string }) {
  const { t, i18n } = useTranslation();
  const decisionSummary = useDecisionSummary();
  const words = useVocabulary();
  const { nameOf } = useCountries();
  const share = useShare();
  const query = useQuery({
    queryKey: ["accountability", countryCode],
    queryFn: () => api<Scorecard>("GET", `/api/accountability/${countryCode}`),
  });
  return (
    <QueryView query={query}>
      {(card) => {
        const m = card.measures;
        return (
          <Stack>
            <Group justify="space-between">
              <Title order={2}>{nameOf(card.countryCode)}</Title>
              <Button
                component="a"
                variant="default"
                href={`/api/accountability/${card.countryCode}?format=pdf&lang=${i18n.language}`}
              >
                {t("accountability.pdf")}
              </Button>
            </Group>
            <Paper withBorder p="lg">
              <PanelTitle title={t("accountability.measures")} badge={t("accountability.restricted")} restricted />
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                <Figure label={t("accountability.repliesOnTime")} value={share(m.repliesOnTime)} />
                <Figure label={t("accountability.nioMedian")} value={m.nioAppointment.medianDays} />
                <Figure label={t("accountability.nioNotAppointed")} value={m.nioAppointment.notAppointed} />
                <Figure
                  label={t("accountability.substantiatedWithFinalAction")}
                  value={share(m.substantiatedWithFinalAction)}
                />
                <Figure label={t("accountability.investigationsCompleted")} value={m.investigations.completed} />
                <Figure label={t("accountability.investigationsOpen")} value={m.investigations.open} />
                <Figure label={t("accountability.medianDays")} value={m.investigations.medianDays} />
                <Figure label={t("accountability.p90Days")} value={m.investigations.p90Days} />
                <Figure label={t("accountability.withinDeadline")} value={share(m.investigations.withinDeadline)} />
                <Figure label={t("accountability.openPastDeadline")} value={m.investigations.openPastDeadline} />
                <Figure label={t("accountability.proceedings")} value={m.proceedings.total} />
                <Figure label={t("accountability.onSiteCourtsMartial")} value={m.proceedings.onSiteCourtsMartial} />
                <Figure label={t("accountability.convictions")} value={m.proceedings.convictions} />
                <Figure label={t("accountability.commandUnits")} value={m.command.units} />
                <Figure label={t("accountability.commandSignalled")} value={m.command.signalled} />
                <Figure label={t("accountability.failedDuties")} value={m.command.failedDuties} />
                <Figure label={t("accountability.leaderAllegations")} value={m.command.leaderAllegations} />
                <Figure label={t("accountability.commandDecisions")} value={decisionSummary(m.command.decisions)} />
              </SimpleGrid>
            </Paper>
            <Paper withBorder p="lg">
              <Title order={3} size="h4">
                {t("accountability.penalties")}
              </Title>
              <Text size="sm" c="gray.7" mb="sm">
                {t("accountability.penaltiesHelp")}
              </Text>
              {m.penalties.length === 0 ? (
                <Text>{t("accountability.noPenalties")}</Text>
              ) : (
                <DataTable
                  label={t("accountability.penalties")}
                  minWidth={600}
                  headers={[
                    t("accountability.severity"),
                    t("accountability.substantiated"),
                    t("accountability.finalActions"),
                    t("accountability.noAction"),
                  ]}
                >
                  {m.penalties.map((row) => (
                    <Table.Tr key={row.severity}>
                      <Table.Td>{t(`accountability.severities.${row.severity}`)}</Table.Td>
                      <Table.Td>{row.substantiated}</Table.Td>
                      <Table.Td>
                        {Object.entries(row.actions)
                          .map(([kind, count]) => `${t(`enforcement.kinds.${kind}`)}: ${count}`)
                          .join(" · ") || "—"}
                      </Table.Td>
                      <Table.Td>{row.noAction}</Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Paper>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <CountTable
                title={t("accountability.publishedByYear")}
                badge={t("accountability.published")}
                rows={card.allegationsByYear}
                name={(key) => key}
              />
              <CountTable
                title={t("accountability.recordedByYear")}
                badge={t("accountability.restricted")}
                rows={card.allRecordedByYear}
                name={(key) => key}
              />
              <CountTable
                title={t("accountability.investigationStatus")}
                badge={t("accountability.published")}
                rows={card.investigations}
                name={(key) => (words.investigationStatuses as Record<string, string>)[key] ?? key}
              />
              <CountTable
                title={t("accountability.finalActions")}
                badge={t("accountability.published")}
                rows={card.finalActions}
                name={(key) => t(`enforcement.kinds.${key}`, { defaultValue: key })}
              />
              <CountTable
                title={t("accountability.publishedCommand")}
                badge={t("accountability.published")}
                rows={card.command}
                name={(key) => (words.commandMeasures as Record<string, string>)[key] ?? key}
                counted={t("accountability.count")}
              />
            </SimpleGrid>
          </Stack>
        );
      }}
    </QueryView>
  );
}

function CountTable({
  title,
  badge,
  rows,
  name,
  counted,
}: {
  title: string;
  badge: string;
  rows: Count[];
  name: (key: string) => string;
  /** What the numbers count: allegations unless said. */
  counted?: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg">
      <PanelTitle title={title} badge={badge} />
      {rows.length === 0 ? (
        <Text>{t("accountability.noneYet")}</Text>
      ) : (
        <DataTable label={title} minWidth={280} headers={[title, counted ?? t("accountability.allegations")]}>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{name(row.key)}</Table.Td>
              <Table.Td>{row.count ?? row.range ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}

/** Each mission's command record side by side: units, decisions, leaders, proceedings, this year's plans. */
function MissionCommand() {
  const { t } = useTranslation();
  const format = useFormat();
  const decisionSummary = useDecisionSummary();
  const query = useQuery({
    queryKey: ["accountability", "missions"],
    queryFn: () => api<MissionComparison>("GET", "/api/accountability/missions"),
  });
  return (
    <Paper withBorder p="lg" my="lg">
      <PanelTitle
        title={t("accountability.missions")}
        badge={t("accountability.headquartersOnly")}
        restricted
        order={2}
      />
      <Text size="sm" c="gray.7" mb="sm">
        {t("accountability.missionsHelp")}
      </Text>
      <QueryView query={query} isEmpty={(rows) => rows.length === 0} empty={t("accountability.noneYet")}>
        {(rows) => (
          <DataTable
            label={t("accountability.missions")}
            minWidth={1100}
            headers={[
              t("accountability.mission"),
              t("accountability.commandUnits"),
              t("accountability.commandSignalled"),
              t("accountability.commandDecisions"),
              t("accountability.failedDuties"),
              t("accountability.leaderAllegations"),
              t("accountability.proceedings"),
              t("accountability.onSiteCourtsMartial"),
              t("accountability.convictions"),
              t("accountability.plans"),
              t("accountability.commitmentsDone"),
              t("accountability.commitmentsLate"),
            ]}
          >
            {rows.map(({ missionCode, measures: { command, proceedings, commitments } }) => (
              <Table.Tr key={missionCode}>
                <Table.Td>{missionCode}</Table.Td>
                <Table.Td>{format.number(command.units)}</Table.Td>
                <Table.Td>{format.number(command.signalled)}</Table.Td>
                <Table.Td>{decisionSummary(command.decisions)}</Table.Td>
                <Table.Td>{format.number(command.failedDuties)}</Table.Td>
                <Table.Td>{format.number(command.leaderAllegations)}</Table.Td>
                <Table.Td>{format.number(proceedings.total)}</Table.Td>
                <Table.Td>{format.number(proceedings.onSiteCourtsMartial)}</Table.Td>
                <Table.Td>{format.number(proceedings.convictions)}</Table.Td>
                <Table.Td>
                  {format.number(commitments.plans)} ({format.number(commitments.certified)})
                </Table.Td>
                <Table.Td>
                  {format.number(commitments.done)} / {format.number(commitments.items)}
                </Table.Td>
                <Table.Td>
                  {commitments.late > 0 ? (
                    <Badge color="red" variant="light">
                      {format.number(commitments.late)}
                    </Badge>
                  ) : (
                    format.number(commitments.late)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </Paper>
  );
}

/** Headquarters keeps the registries of commitments the public page shows. */
export function CommitmentsPanel() {
  const { t } = useTranslation();
  const { nameOf, data: countries } = useCountries();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["commitments"],
    queryFn: () => api<ListCommitments>("GET", "/api/public/commitments"),
  });
  const form = useForm({ initialValues: { kind: "voluntary_compact", countryCode: "", member: "", joinedOn: "" } });
  const record = useMutation({
    mutationFn: (values: typeof form.values) => api("POST", "/api/commitments", values),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ["commitments"] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api("DELETE", `/api/commitments/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["commitments"] }),
  });
  const countryOptions = (countries?.items ?? [])
    .map((country) => ({ value: country.code, label: nameOf(country.code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Paper withBorder p="lg" mt="lg">
      <Title order={2} size="h4">
        {t("accountability.commitments")}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t("accountability.commitmentsHelp")}
      </Text>
      <DialogForm label={t("accountability.recordCommitment")} form={form} mutation={record}>
        <NativeSelect
          label={t("accountability.kind")}
          data={commitmentKinds.map((kind) => ({ value: kind, label: t(`accountability.kinds.${kind}`) }))}
          {...form.getInputProps("kind")}
        />
        <Select
          label={t("accountability.country")}
          required
          searchable
          data={countryOptions}
          {...form.getInputProps("countryCode")}
        />
        <TextInput
          label={t("accountability.member")}
          description={t("accountability.memberHelp")}
          maxLength={300}
          {...form.getInputProps("member")}
        />
        <DateField label={t("accountability.joinedOn")} required {...form.getInputProps("joinedOn")} />
      </DialogForm>
      <ProblemAlert error={remove.error} />
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("accountability.noneYet")}>
        {(data) => (
          <DataTable
            label={t("accountability.commitments")}
            minWidth={640}
            headers={[
              t("accountability.kind"),
              t("accountability.country"),
              t("accountability.member"),
              t("accountability.joinedOn"),
            ]}
            actions
          >
            {data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{t(`accountability.kinds.${item.kind}`, { defaultValue: item.kind })}</Table.Td>
                <Table.Td>{nameOf(item.countryCode)}</Table.Td>
                <Table.Td>{item.member || "—"}</Table.Td>
                <Table.Td>{item.joinedOn}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={remove.isPending && remove.variables === item.id}
                    onClick={() => remove.mutate(item.id)}
                    aria-label={t("accountability.removeCommitment", { country: nameOf(item.countryCode) })}
                  >
                    {t("accountability.remove")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </Paper>
  );
}
