// Training: each contingent's coverage (pre-deployment training certified by its State, the
// mission's induction) with its gaps, and the sessions recorded — with forms to record a session,
// certify a State's training, import an attendance list and add a contingent.
import { DateField } from "../components/date-field.js";
import {
  Alert,
  Badge,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
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
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  ImportAttendance,
  ListCourses as CourseCatalogue,
  TrainingOverview as Overview,
} from "../../domain/contracts/training.js";
import { api } from "../api.js";
import { UnitLeaders } from "./command.js";
import { DialogButton, DialogForm } from "../components/dialog.js";
import {
  DataTable,
  FormActions,
  PageHeader,
  ProblemAlert,
  ProblemRows,
  QueryView,
  WarningBadges,
  MissionFilter,
} from "../components/page.js";
import { useCountries, useMissionChoices, usePersonnelCategories } from "../reference-data.js";
import { useMe } from "../session.js";

type Contingent = Overview["contingents"][number];
type Session = Overview["sessions"][number];

const today = () => new Date().toISOString().slice(0, 10);
const uniformed = ["MIL_MC", "MIL_MO", "POL_UNPOL", "POL_FPU"];

function useTrainingMutation<T>(request: (values: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["training"] }),
  });
}

export function TrainingPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const [mission, setMission] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["training", mission],
    queryFn: () => api<Overview>("GET", `/api/training${mission ? `?mission=${mission}` : ""}`),
  });
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  const missionChoices = useMissionChoices();
  const where = (s: Session) => s.missionCode ?? t("training.national", { country: countries.nameOf(s.countryCode) });
  return (
    <>
      <PageHeader title={t("training.title")} intro={t("training.intro")} />
      <QueryView query={query}>
        {(data) => (
          <Stack>
            <Group align="end">
              {me?.role !== "member_state_focal_point" && (
                <MissionFilter choices={missionChoices} value={mission} onChange={setMission} />
              )}
              {data.can.recordSession && (
                <DialogButton label={t("training.recordSession")} title={t("training.recordSession")} variant="filled">
                  {(close) => (
                    <SessionForm contingents={data.contingents} missionChoices={missionChoices} onDone={close} />
                  )}
                </DialogButton>
              )}
              {data.can.addContingent && (
                <DialogButton label={t("training.addContingent")} title={t("training.addContingent")}>
                  {(close) => <ContingentForm missionChoices={missionChoices} onDone={close} />}
                </DialogButton>
              )}
            </Group>
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="xs">
                {t("training.coverage")}
              </Title>
              <Text size="sm" c="gray.7" mb="sm">
                {t("training.coverageHelp")}
              </Text>
              {data.contingents.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t("training.noContingents")}
                </Text>
              ) : (
                <DataTable
                  label={t("training.coverage")}
                  minWidth={900}
                  headers={[
                    t("training.contingent"),
                    t("cases.mission"),
                    t("training.state"),
                    t("training.strength"),
                    t("training.deployedOn"),
                    t("training.kinds.pre_deployment"),
                    t("training.kinds.induction"),
                    t("training.gaps"),
                    t("command.leaders"),
                  ]}
                >
                  {data.contingents.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        {c.name}
                        <Text size="xs" c="gray.7">
                          {categories.labelOf(c.categoryCode)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{c.missionCode}</Table.Td>
                      <Table.Td>{countries.nameOf(c.countryCode)}</Table.Td>
                      <Table.Td>{c.strength}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{c.deployedOn}</Table.Td>
                      <Table.Td>
                        {percent.format(c.coverage.shares.pre_deployment)}
                        <Text size="xs" c="gray.7">
                          {c.coverage.certifiedOn
                            ? t("training.certifiedOn", { date: c.coverage.certifiedOn })
                            : t("training.notCertified")}
                        </Text>
                      </Table.Td>
                      <Table.Td>{percent.format(c.coverage.shares.induction)}</Table.Td>
                      <Table.Td>
                        {c.coverage.gaps.length === 0 ? (
                          <Badge color="green" variant="light" c="dark.9">
                            {t("training.noGaps")}
                          </Badge>
                        ) : (
                          <WarningBadges labels={c.coverage.gaps.map((gap) => t(`training.gapKinds.${gap}`))} />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <DialogButton
                          label={t("command.leaders")}
                          title={`${t("command.leaders")}: ${c.name}`}
                          variant="subtle"
                        >
                          {() => (
                            <UnitLeaders unitId={c.id} missionCode={c.missionCode} canAdd={data.can.addContingent} />
                          )}
                        </DialogButton>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Paper>
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="sm">
                {t("training.sessions")}
              </Title>
              {data.sessions.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t("training.noSessions")}
                </Text>
              ) : (
                <DataTable
                  label={t("training.sessions")}
                  minWidth={960}
                  headers={[
                    t("training.course"),
                    t("training.where"),
                    t("training.contingent"),
                    t("training.dates"),
                    t("training.trainer"),
                    t("training.completions"),
                    t("training.certification"),
                  ]}
                  actions
                >
                  {data.sessions.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td title={s.courseTitle}>
                        {t(`training.kinds.${s.kind}`)}
                        <Text size="xs" c="gray.7" dir="ltr">
                          {s.courseCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>{where(s)}</Table.Td>
                      <Table.Td>{s.contingentName ?? "—"}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {s.startsOn === s.endsOn ? s.endsOn : `${s.startsOn} – ${s.endsOn}`}
                      </Table.Td>
                      <Table.Td dir="auto">{s.trainer}</Table.Td>
                      <Table.Td>
                        {t("training.completedOf", { completions: s.completions, participants: s.participants })}
                        {s.attendanceImported && (
                          <Text size="xs" c="gray.7">
                            {t("training.fromList")}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {s.kind !== "pre_deployment" ? (
                          "—"
                        ) : s.certifiedOn ? (
                          <Badge color="green" variant="light" c="dark.9">
                            {t("training.certifiedOn", { date: s.certifiedOn })}
                          </Badge>
                        ) : (
                          <Badge color="red" variant="light" c="dark.9">
                            {t("training.notCertified")}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {s.can.certify && <Certify session={s} />}
                          {s.can.importAttendance && (
                            <DialogButton
                              label={t("training.importAttendance")}
                              title={`${t("training.importAttendance")}: ${s.courseTitle}`}
                              variant="subtle"
                            >
                              {(close) => <AttendanceForm sessionId={s.id} onDone={close} />}
                            </DialogButton>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Paper>
          </Stack>
        )}
      </QueryView>
    </>
  );
}

function SessionForm({
  contingents,
  missionChoices,
  onDone,
}: {
  contingents: Contingent[];
  missionChoices: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const courses = useQuery({
    queryKey: ["training", "courses"],
    queryFn: () => api<CourseCatalogue>("GET", "/api/training/courses"),
  });
  const isState = me?.role === "member_state_focal_point";
  const form = useForm({
    initialValues: {
      courseId: "",
      missionCode: missionChoices[0] ?? "",
      countryCode: isState ? (me?.countryCode ?? "") : "",
      contingentId: "",
      startsOn: today(),
      endsOn: today(),
      trainer: "",
      audienceCategoryCode: "",
      participants: "" as number | string,
      completions: "" as number | string,
    },
  });
  const course = courses.data?.items.find((c) => c.id === form.values.courseId);
  const national = course?.kind === "pre_deployment" || isState;
  const choices = contingents.filter((c) =>
    national ? c.countryCode === form.values.countryCode : c.missionCode === form.values.missionCode,
  );
  const save = useTrainingMutation((v: typeof form.values) =>
    api("POST", "/api/training/sessions", {
      courseId: v.courseId,
      missionCode: national ? null : v.missionCode,
      countryCode: v.countryCode || null,
      contingentId: v.contingentId || null,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      trainer: v.trainer,
      audienceCategoryCode: v.audienceCategoryCode || null,
      participants: Number(v.participants),
      completions: Number(v.completions),
    }),
  );
  const courseOptions = (courses.data?.items ?? [])
    .filter((c) => !isState || c.kind === "pre_deployment" || c.kind === "nio_training_of_trainers")
    .map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }));
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values, { onSuccess: onDone }))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Select
          label={t("training.course")}
          required
          searchable
          data={courseOptions}
          {...form.getInputProps("courseId")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {!national && (
            <Select
              label={t("cases.mission")}
              required
              allowDeselect={false}
              data={missionChoices}
              {...form.getInputProps("missionCode")}
            />
          )}
          {isState ? (
            <TextInput label={t("training.state")} value={countries.nameOf(form.values.countryCode)} readOnly />
          ) : (
            <Select
              label={t("training.state")}
              required={national}
              clearable
              searchable
              data={countries.stateChoices}
              {...form.getInputProps("countryCode")}
            />
          )}
        </SimpleGrid>
        <NativeSelect
          label={t("training.contingent")}
          description={national ? t("training.contingentHelp") : undefined}
          data={[
            { value: "", label: "—" },
            ...choices.map((c) => ({ value: c.id, label: `${c.name} (${c.missionCode})` })),
          ]}
          {...form.getInputProps("contingentId")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t("training.startsOn")} required {...form.getInputProps("startsOn")} />
          <DateField label={t("training.endsOn")} required {...form.getInputProps("endsOn")} />
          <TextInput label={t("training.trainer")} required {...form.getInputProps("trainer")} />
          <NativeSelect
            label={t("training.audience")}
            data={[
              { value: "", label: "—" },
              ...uniformed.map((code) => ({ value: code, label: categories.labelOf(code) })),
            ]}
            {...form.getInputProps("audienceCategoryCode")}
          />
          <NumberInput
            label={t("training.participants")}
            required
            min={0}
            allowDecimal={false}
            {...form.getInputProps("participants")}
          />
          <NumberInput
            label={t("training.completed")}
            required
            min={0}
            allowDecimal={false}
            {...form.getInputProps("completions")}
          />
        </SimpleGrid>
        <FormActions onCancel={onDone} submitLabel={t("training.recordSession")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function Certify({ session }: { session: Session }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      statement: t("training.statementTemplate", {
        contingent: session.contingentName ?? "",
        course: session.courseTitle,
      }),
    },
  });
  const save = useTrainingMutation((v: typeof form.values) =>
    api("POST", `/api/training/sessions/${session.id}/certification`, v),
  );
  return (
    <DialogForm
      label={t("training.certify")}
      title={`${t("training.certify")}: ${session.contingentName ?? ""}`}
      variant="light"
      submitLabel={t("training.certify")}
      form={form}
      mutation={save}
    >
      <Text size="sm">{t("training.certifyHelp")}</Text>
      <Textarea label={t("training.statement")} required autosize minRows={3} {...form.getInputProps("statement")} />
    </DialogForm>
  );
}

function AttendanceForm({ sessionId, onDone }: { sessionId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const run = useTrainingMutation(async () => {
    const bytes = new Uint8Array(await (file as File).arrayBuffer());
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return api<ImportAttendance>("POST", `/api/training/sessions/${sessionId}/attendance`, {
      fileName: (file as File).name,
      contentBase64: btoa(binary),
      skipInvalid,
    });
  });
  const outcome = run.data as
    | { participants: number; completions: number; rejected: { line: number; message: string }[] }
    | undefined;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (file) run.mutate(undefined);
      }}
    >
      <Stack>
        <Text size="sm">{t("training.attendanceHelp")}</Text>
        <label>
          <Text size="sm" fw={500} mb={4}>
            {t("training.attendanceFile")}
          </Text>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </label>
        <Checkbox
          label={t("training.skipInvalid")}
          checked={skipInvalid}
          onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
        />
        <ProblemAlert error={run.error} />
        <ProblemRows error={run.error} />
        {outcome && (
          <Alert color={outcome.rejected.length ? "yellow" : "green"} role="status">
            {t("training.attendanceOutcome", {
              participants: outcome.participants,
              completions: outcome.completions,
              rejected: outcome.rejected.length,
            })}
          </Alert>
        )}
        <FormActions onCancel={onDone} submitLabel={t("training.import")} loading={run.isPending} />
      </Stack>
    </form>
  );
}

function ContingentForm({ missionChoices, onDone }: { missionChoices: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const form = useForm({
    initialValues: {
      missionCode: missionChoices[0] ?? "",
      countryCode: "",
      name: "",
      categoryCode: "MIL_MC",
      strength: "" as number | string,
      deployedOn: today(),
    },
  });
  const save = useTrainingMutation((v: typeof form.values) =>
    api("POST", "/api/training/contingents", { ...v, strength: Number(v.strength) }),
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values, { onSuccess: onDone }))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("cases.mission")}
            required
            allowDeselect={false}
            data={missionChoices}
            {...form.getInputProps("missionCode")}
          />
          <Select
            label={t("training.state")}
            required
            searchable
            data={countries.stateChoices}
            {...form.getInputProps("countryCode")}
          />
          <TextInput
            label={t("training.contingent")}
            description={t("training.contingentNameHelp")}
            required
            {...form.getInputProps("name")}
          />
          <NativeSelect
            label={t("training.audience")}
            data={uniformed.map((code) => ({ value: code, label: categories.labelOf(code) }))}
            {...form.getInputProps("categoryCode")}
          />
          <NumberInput
            label={t("training.strength")}
            required
            min={1}
            allowDecimal={false}
            {...form.getInputProps("strength")}
          />
          <DateField label={t("training.deployedOn")} required {...form.getInputProps("deployedOn")} />
        </SimpleGrid>
        <FormActions onCancel={onDone} submitLabel={t("training.addContingent")} loading={save.isPending} />
      </Stack>
    </form>
  );
}
