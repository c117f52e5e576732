// Misconduct risk management: a mission's register (latest assessment of each location, worst
// first), its heat map and the quarterly report; one assessment with its factors and mitigations.
import { DateField } from "../components/date-field.js";
import {
  Anchor,
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
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  locationKinds,
  quarterOf,
  RATING_MAX,
  type RiskLevel,
  riskFactorKinds,
  riskLevel,
  riskScore,
} from "../../domain/risk.js";
import type { Assessment, RiskRegister as Register, SharedRegisters } from "../../domain/contracts/risk.js";
import { ReasonedSharesPanel } from "../components/shares.js";
import { api } from "../api.js";
import { DialogButton, DialogForm } from "../components/dialog.js";
import { CompleteFollowUp, FollowUpFields, FollowUpState, inDays } from "../components/follow-ups.js";
import { DataTable, FormActions, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useMissions } from "../reference-data.js";
import { useMe } from "../session.js";
import type { Created } from "../../domain/contracts/fields.js";

const levelColour: Record<RiskLevel, string> = { low: "green", medium: "yellow", high: "orange", critical: "red" };
const cellBackground: Record<RiskLevel, string> = {
  low: "#d3f9d8",
  medium: "#fff3bf",
  high: "#ffd8a8",
  critical: "#ffc9c9",
};
const today = () => new Date().toISOString().slice(0, 10);

function LevelBadge({ level }: { level: RiskLevel | null }) {
  const { t } = useTranslation();
  return level ? (
    <Badge color={levelColour[level]} variant="light" c="dark.9">
      {t(`risk.levels.${level}`)}
    </Badge>
  ) : (
    <Text size="sm">—</Text>
  );
}

/** The missions a person can pick: their own for a mission team, every mission for headquarters. */
function useMissionChoices(): string[] {
  const me = useMe().data;
  const missions = useMissions();
  return me?.role === "cdt_officer" ? me.missionCodes : (missions.data?.items ?? []).map((m) => m.code);
}

/** The registers a person reads: their choices, and for a unit's team those of other entities shared with it. */
function useReadableRegisters(choices: string[]): string[] {
  const me = useMe().data;
  const shared = useQuery({
    queryKey: ["risk", "shared"],
    queryFn: () => api<SharedRegisters>("GET", "/api/risk/shared"),
    enabled: me?.role === "cdt_officer",
  });
  return [...choices, ...(shared.data?.missionCodes ?? []).filter((code) => !choices.includes(code))];
}

/** The last eight quarters, the running one first. */
function recentQuarters(): string[] {
  const now = new Date();
  return Array.from({ length: 8 }, (_, i) =>
    quarterOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i * 3, 1)).toISOString().slice(0, 10)),
  );
}

export function RiskRegisterPage() {
  const { t } = useTranslation();
  const choices = useMissionChoices();
  const readable = useReadableRegisters(choices);
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string | null>(null);
  const missionCode = picked ?? readable[0] ?? null;
  const query = useQuery({
    queryKey: ["risk", missionCode],
    queryFn: () => api<Register>("GET", `/api/risk/${missionCode}`),
    enabled: missionCode !== null,
  });
  return (
    <>
      <PageHeader title={t("risk.title")} intro={t("risk.intro")} />
      <Group align="end" mb="md">
        <Select
          label={t("cases.mission")}
          data={readable}
          value={missionCode}
          onChange={setPicked}
          allowDeselect={false}
          searchable
          w={220}
        />
        {query.data?.can.assess && (
          <DialogButton label={t("risk.newAssessment")} title={t("risk.newAssessment")} variant="filled">
            {(close) => (
              <AssessmentForm missionCodes={choices} initial={{ missionCode: query.data.missionCode }} onDone={close} />
            )}
          </DialogButton>
        )}
      </Group>
      {missionCode && (
        <QueryView query={query}>
          {(register) => (
            <Stack>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Figure label={t("risk.locations")} value={register.totals.locations} />
                <Figure label={t("risk.highOrCritical")} value={register.levels.high + register.levels.critical} />
                <Figure label={t("risk.mitigationsOverdue")} value={register.totals.mitigationsOverdue} />
                <Figure label={t("risk.reviewsOverdue")} value={register.totals.reviewsOverdue} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <Paper withBorder p="lg">
                  <Title order={2} size="h4" mb="sm">
                    {t("risk.heatTitle")}
                  </Title>
                  <HeatMap heat={register.heat} />
                </Paper>
                <QuarterlyReport missionCode={register.missionCode} />
              </SimpleGrid>
              <ReasonedSharesPanel
                path={`/api/risk/${register.missionCode}/shares`}
                holder={register.missionCode}
                canShare={register.can.assess}
                sharedWithReader={!register.can.assess && !choices.includes(register.missionCode)}
                keys="risk.shares"
                onChange={() => queryClient.invalidateQueries({ queryKey: ["risk"] })}
              />
              <Paper withBorder p="lg">
                <Title order={2} size="h4" mb="sm">
                  {t("risk.register")}
                </Title>
                {register.locations.length === 0 ? (
                  <Text size="sm" c="gray.7">
                    {t("risk.noAssessments")}
                  </Text>
                ) : (
                  <DataTable
                    label={t("risk.register")}
                    minWidth={760}
                    headers={[
                      t("risk.location"),
                      t("risk.kind"),
                      t("risk.level"),
                      t("risk.assessedOn"),
                      t("risk.reviewOn"),
                      t("risk.mitigations"),
                    ]}
                  >
                    {register.locations.map((l) => (
                      <Table.Tr key={l.assessmentId}>
                        <Table.Td>
                          <Link
                            to="/risk/assessments/$assessmentId"
                            params={{ assessmentId: l.assessmentId }}
                            style={{ color: "var(--mantine-color-blue-9)" }}
                          >
                            {l.location}
                          </Link>
                        </Table.Td>
                        <Table.Td>{t(`risk.locationKinds.${l.locationKind}`)}</Table.Td>
                        <Table.Td>
                          <LevelBadge level={l.level} />
                        </Table.Td>
                        <Table.Td>{l.assessedOn}</Table.Td>
                        <Table.Td>
                          {l.reviewOverdue ? (
                            <Badge color="red" variant="light" c="dark.9">
                              {t("risk.reviewDueSince", { date: l.reviewOn })}
                            </Badge>
                          ) : (
                            l.reviewOn
                          )}
                        </Table.Td>
                        <Table.Td>
                          {l.mitigations.overdue > 0 ? (
                            <Badge color="red" variant="light" c="dark.9">
                              {t("risk.overdueCount", { count: l.mitigations.overdue })}
                            </Badge>
                          ) : (
                            t("risk.noneOverdue")
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </DataTable>
                )}
              </Paper>
            </Stack>
          )}
        </QueryView>
      )}
    </>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

/** Likelihood down (5 at the top), impact across; each cell holds how many factors are rated there. */
function HeatMap({ heat }: { heat: number[][] }) {
  const { t } = useTranslation();
  const ratings = Array.from({ length: RATING_MAX }, (_, i) => i + 1);
  return (
    <Table withTableBorder withColumnBorders ta="center" layout="fixed" maw={420} aria-describedby="heat-help">
      <caption id="heat-help" style={{ captionSide: "bottom", fontSize: "var(--mantine-font-size-sm)", paddingTop: 8 }}>
        {t("risk.heatHelp")}
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" fz="xs">
            {t("risk.likelihood")} / {t("risk.impact")}
          </Table.Th>
          {ratings.map((impact) => (
            <Table.Th key={impact} scope="col" ta="center">
              {impact}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...ratings].reverse().map((likelihood) => (
          <Table.Tr key={likelihood}>
            <Table.Th scope="row" ta="center">
              {likelihood}
            </Table.Th>
            {ratings.map((impact) => {
              const count = heat[likelihood - 1][impact - 1];
              return (
                <Table.Td
                  key={impact}
                  style={{
                    background: cellBackground[riskLevel(riskScore(likelihood, impact))],
                    color: "#000",
                    fontWeight: count > 0 ? 700 : 400,
                  }}
                >
                  {count > 0 ? count : ""}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function QuarterlyReport({ missionCode }: { missionCode: string }) {
  const { t, i18n } = useTranslation();
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState(quarters[0]);
  // The report goes to headquarters in one of the Secretariat's working languages.
  const lang = i18n.language === "fr" ? "fr" : "en";
  const href = (format: string) => `/api/risk/${missionCode}/reports/${quarter}?format=${format}&lang=${lang}`;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="xs">
        {t("risk.quarterlyReport")}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t("risk.quarterlyHelp")}
      </Text>
      <Group align="end">
        <NativeSelect
          label={t("risk.quarter")}
          data={quarters}
          value={quarter}
          onChange={(event) => setQuarter(event.currentTarget.value)}
          w={140}
        />
        <Button component="a" variant="default" href={href("xlsx")}>
          {t("risk.downloadXlsx")}
        </Button>
        <Button component="a" variant="default" href={href("pdf")}>
          {t("risk.downloadPdf")}
        </Button>
      </Group>
    </Paper>
  );
}

interface AssessmentInitial {
  missionCode: string;
  location?: string;
  locationKind?: string;
  ratings?: Record<string, { likelihood: string; impact: string }>;
}

function AssessmentForm({
  missionCodes,
  initial,
  onDone,
}: {
  missionCodes: string[];
  initial: AssessmentInitial;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const blank = Object.fromEntries(
    riskFactorKinds.map((kind) => [kind, initial.ratings?.[kind] ?? { likelihood: "", impact: "" }]),
  );
  const form = useForm({
    initialValues: {
      missionCode: initial.missionCode,
      location: initial.location ?? "",
      locationKind: initial.locationKind ?? "camp",
      assessedOn: today(),
      reviewOn: inDays(90),
      notes: "",
      ratings: blank as Record<string, { likelihood: string; impact: string }>,
      mitigations: [] as { factorKind: string; action: string; owner: string; dueOn: string }[],
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      api<Created>("POST", "/api/risk-assessments", {
        missionCode: v.missionCode,
        location: v.location,
        locationKind: v.locationKind,
        assessedOn: v.assessedOn,
        reviewOn: v.reviewOn,
        notes: v.notes,
        factors: Object.entries(v.ratings)
          .filter(([, r]) => r.likelihood && r.impact)
          .map(([kind, r]) => ({ kind, likelihood: Number(r.likelihood), impact: Number(r.impact) })),
        mitigations: v.mitigations.map((m) => ({ ...m, factorKind: m.factorKind || null })),
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ["risk"] });
      onDone();
      void navigate({ to: "/risk/assessments/$assessmentId", params: { assessmentId: created.id } });
    },
  });
  const ratingOptions = [{ value: "", label: "—" }, ...Array.from({ length: RATING_MAX }, (_, i) => String(i + 1))];
  const rated = riskFactorKinds.filter(
    (kind) => form.values.ratings[kind].likelihood && form.values.ratings[kind].impact,
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("cases.mission")}
            required
            allowDeselect={false}
            searchable
            data={missionCodes}
            {...form.getInputProps("missionCode")}
          />
          <NativeSelect
            label={t("risk.kind")}
            data={locationKinds.map((value) => ({ value, label: t(`risk.locationKinds.${value}`) }))}
            {...form.getInputProps("locationKind")}
          />
        </SimpleGrid>
        <TextInput
          label={t("risk.location")}
          description={t("risk.locationHelp")}
          required
          {...form.getInputProps("location")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t("risk.assessedOn")} required {...form.getInputProps("assessedOn")} />
          <DateField label={t("risk.reviewOn")} required {...form.getInputProps("reviewOn")} />
        </SimpleGrid>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text fw={600} size="sm">
              {t("risk.factors")}
            </Text>
          </legend>
          <Text size="xs" c="gray.7" mb="xs">
            {t("risk.ratingHelp")}
          </Text>
          <Stack gap={6}>
            {riskFactorKinds.map((kind) => (
              <Group key={kind} gap="xs" wrap="nowrap" align="end">
                <Text size="sm" style={{ flex: 1 }}>
                  {t(`risk.factorKinds.${kind}`)}
                </Text>
                <NativeSelect
                  aria-label={`${t(`risk.factorKinds.${kind}`)} — ${t("risk.likelihood")}`}
                  label={kind === riskFactorKinds[0] ? t("risk.likelihood") : undefined}
                  data={ratingOptions}
                  w={110}
                  {...form.getInputProps(`ratings.${kind}.likelihood`)}
                />
                <NativeSelect
                  aria-label={`${t(`risk.factorKinds.${kind}`)} — ${t("risk.impact")}`}
                  label={kind === riskFactorKinds[0] ? t("risk.impact") : undefined}
                  data={ratingOptions}
                  w={110}
                  {...form.getInputProps(`ratings.${kind}.impact`)}
                />
              </Group>
            ))}
          </Stack>
        </fieldset>
        <Textarea label={t("risk.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text fw={600} size="sm">
              {t("risk.mitigations")}
            </Text>
          </legend>
          <Stack gap="sm">
            {form.values.mitigations.map((_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended or removed from a form being typed
              <Paper key={index} withBorder p="sm">
                <MitigationFields form={form} prefix={`mitigations.${index}.`} factorKinds={rated} />
                <Group justify="flex-end" mt="xs">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => form.removeListItem("mitigations", index)}
                  >
                    {t("risk.removeMitigation")}
                  </Button>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  form.insertListItem("mitigations", { factorKind: "", action: "", owner: "", dueOn: inDays(30) })
                }
              >
                {t("risk.addMitigation")}
              </Button>
            </Group>
          </Stack>
        </fieldset>
        <FormActions onCancel={onDone} submitLabel={t("risk.saveAssessment")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function MitigationFields({
  form,
  prefix,
  factorKinds,
}: {
  form: Parameters<typeof FollowUpFields>[0]["form"];
  prefix: string;
  factorKinds: readonly string[];
}) {
  const { t } = useTranslation();
  const answers = (
    <NativeSelect
      label={t("risk.answers")}
      data={[
        { value: "", label: t("risk.general") },
        ...factorKinds.map((value) => ({ value, label: t(`risk.factorKinds.${value}`) })),
      ]}
      {...form.getInputProps(`${prefix}factorKind`)}
    />
  );
  return <FollowUpFields form={form} prefix={prefix} actionLabel={t("risk.action")} extra={answers} />;
}

function useRiskMutation<T>(request: (values: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["risk"] }) });
}

export function RiskAssessmentPage() {
  const { t } = useTranslation();
  const { assessmentId } = useParams({ from: "/risk/assessments/$assessmentId" });
  const choices = useMissionChoices();
  const query = useQuery({
    queryKey: ["risk", "assessment", assessmentId],
    queryFn: () => api<Assessment>("GET", `/api/risk-assessments/${assessmentId}`),
  });
  return (
    <QueryView query={query}>
      {(a) => (
        <Stack>
          <Anchor component={Link} to="/risk" size="sm" c="blue.9">
            {t("risk.back")}
          </Anchor>
          <PageHeader
            title={`${a.location} · ${a.missionCode}`}
            intro={`${t(`risk.locationKinds.${a.locationKind}`)} · ${t("risk.assessedOn")} ${a.assessedOn}`}
            actions={
              a.can.reassess && a.history[0]?.id === a.id ? (
                <DialogButton label={t("risk.reassess")} title={t("risk.reassess")} variant="filled">
                  {(close) => (
                    <AssessmentForm
                      missionCodes={choices}
                      initial={{
                        missionCode: a.missionCode,
                        location: a.location,
                        locationKind: a.locationKind,
                        ratings: Object.fromEntries(
                          a.factors.map((f) => [
                            f.kind,
                            { likelihood: String(f.likelihood), impact: String(f.impact) },
                          ]),
                        ),
                      }}
                      onDone={close}
                    />
                  )}
                </DialogButton>
              ) : undefined
            }
          />
          <Group>
            <Text size="sm">{t("risk.level")}:</Text> <LevelBadge level={a.level} />
            <Text size="sm">
              {t("risk.reviewOn")}:{" "}
              {a.reviewOverdue ? (
                <Badge color="red" variant="light" c="dark.9">
                  {t("risk.reviewDueSince", { date: a.reviewOn })}
                </Badge>
              ) : (
                a.reviewOn
              )}
            </Text>
          </Group>
          {a.notes && (
            <Paper withBorder p="md">
              <Text size="sm" dir="auto" style={{ whiteSpace: "pre-wrap" }}>
                {a.notes}
              </Text>
            </Paper>
          )}
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              {t("risk.factors")}
            </Title>
            <DataTable
              label={t("risk.factors")}
              minWidth={560}
              headers={[
                t("risk.factor"),
                t("risk.likelihood"),
                t("risk.impact"),
                t("risk.score"),
                t("risk.level"),
                t("risk.notes"),
              ]}
            >
              {a.factors.map((f) => (
                <Table.Tr key={f.kind}>
                  <Table.Td>{t(`risk.factorKinds.${f.kind}`)}</Table.Td>
                  <Table.Td>{f.likelihood}</Table.Td>
                  <Table.Td>{f.impact}</Table.Td>
                  <Table.Td>{f.score}</Table.Td>
                  <Table.Td>
                    <LevelBadge level={f.level} />
                  </Table.Td>
                  <Table.Td dir="auto">{f.notes ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Paper>
          <Paper withBorder p="lg">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {t("risk.mitigations")}
              </Title>
              {a.can.addMitigation && <AddMitigation assessment={a} />}
            </Group>
            {a.mitigations.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t("risk.noMitigations")}
              </Text>
            ) : (
              <DataTable
                label={t("risk.mitigations")}
                minWidth={720}
                headers={[t("risk.action"), t("risk.answers"), t("risk.owner"), t("risk.dueOn"), t("risk.state")]}
                actions
              >
                {a.mitigations.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td dir="auto">
                      {m.action}
                      {m.completionNote && (
                        <Text size="xs" c="gray.7">
                          {m.completionNote}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{m.factorKind ? t(`risk.factorKinds.${m.factorKind}`) : t("risk.general")}</Table.Td>
                    <Table.Td>{m.owner}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{m.dueOn}</Table.Td>
                    <Table.Td>
                      <FollowUpState item={m} />
                    </Table.Td>
                    <Table.Td>
                      {a.can.completeMitigation && m.state !== "done" && (
                        <CompleteFollowUp
                          url={`/api/risk-mitigations/${m.id}/completion`}
                          item={m}
                          queryKey={["risk"]}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </Paper>
          {a.history.length > 1 && (
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="sm">
                {t("risk.history")}
              </Title>
              <Stack gap={4}>
                {a.history.map((h) => (
                  <Text key={h.id} size="sm">
                    {h.id === a.id ? (
                      <strong>{h.assessedOn}</strong>
                    ) : (
                      <Link
                        to="/risk/assessments/$assessmentId"
                        params={{ assessmentId: h.id }}
                        style={{ color: "var(--mantine-color-blue-9)" }}
                      >
                        {h.assessedOn}
                      </Link>
                    )}
                    {h.current ? ` · ${t("risk.current")}` : ""}
                  </Text>
                ))}
              </Stack>
            </Paper>
          )}
        </Stack>
      )}
    </QueryView>
  );
}

function AddMitigation({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { factorKind: "", action: "", owner: "", dueOn: inDays(30) } });
  const save = useRiskMutation((v: typeof form.values) =>
    api("POST", `/api/risk-assessments/${assessment.id}/mitigations`, { ...v, factorKind: v.factorKind || null }),
  );
  return (
    <DialogForm label={t("risk.addMitigation")} form={form} mutation={save}>
      <MitigationFields form={form} prefix="" factorKinds={assessment.factors.map((f) => f.kind)} />
    </DialogForm>
  );
}
