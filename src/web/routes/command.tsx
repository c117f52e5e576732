// Command at the time of the incident, on a case page: the unit each alleged perpetrator served in
// and who commanded it on the day, read from the units' records. The case's officers set the unit.
import {
  Badge,
  Button,
  Checkbox,
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
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  commandDuties,
  type DutyAnswer,
  dutyAnswers,
  dutyDone,
  leaderAllegationCodes,
  type UnitPost,
  unitPosts,
} from "../../domain/command.js";
import type { CaseCommand, UnitList } from "../../domain/contracts/command.js";
import type { EnforcementRecord } from "../../domain/contracts/enforcement.js";
import { api } from "../api.js";
import { DateField } from "../components/date-field.js";
import { DialogForm } from "../components/dialog.js";
import { DataTable, ProblemAlert, QueryView } from "../components/page.js";
import { useFormat } from "../format.js";

type Person = CaseCommand["items"][number];
type CaseUnit = CaseCommand["units"][number];
type Leader = NonNullable<Person["commander"]>;

/** What a unit's leaders did on the case, duty by duty; the case's officers record it. */
/** Opens an allegation against the unit's commander on the day, as a case of its own. */
function AllegeAgainstCommander({ unit, caseId, commander }: { unit: CaseUnit; caseId: string; commander: Leader }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ allegationCodes: string[] }>({
    initialValues: { allegationCodes: ["OBSTRUCTION_FAILURE_TO_REPORT"] },
  });
  const allege = useMutation({
    mutationFn: (values: { allegationCodes: string[] }) =>
      api("POST", `/api/cases/${caseId}/units/${unit.id}/leader-allegations`, {
        leaderId: commander.id,
        allegationCodes: values.allegationCodes,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["case", caseId, "command"] }),
  });
  const who = [commander.rank, commander.name].filter(Boolean).join(" ");
  return (
    <DialogForm
      label={t("command.allege")}
      title={`${t("command.allege")}: ${who}`}
      submitLabel={t("command.allegeSubmit")}
      form={form}
      mutation={allege}
    >
      <Text size="sm">{t("command.allegeHelp")}</Text>
      <Checkbox.Group label={t("command.allegations")} required {...form.getInputProps("allegationCodes")}>
        <Stack gap="xs" mt="xs">
          {leaderAllegationCodes.map((code) => (
            <Checkbox key={code} value={code} label={t(`command.leaderCodes.${code}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
    </DialogForm>
  );
}

function UnitDuties({
  unit,
  caseId,
  canRecord,
  commander,
}: {
  unit: CaseUnit;
  caseId: string;
  canRecord: boolean;
  commander: Leader | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const recorded = (duty: string) => unit.duties.find((entry) => entry.duty === duty);
  const form = useForm({
    initialValues: Object.fromEntries(
      commandDuties.map((duty) => [
        duty,
        { answer: recorded(duty)?.answer ?? "unknown", doneOn: recorded(duty)?.doneOn ?? "" },
      ]),
    ) as Record<string, { answer: DutyAnswer; doneOn: string }>,
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api("PUT", `/api/cases/${caseId}/units/${unit.id}/duties`, {
        duties: commandDuties.map((duty) => ({
          duty,
          answer: values[duty].answer,
          // A day only for what was done.
          doneOn: dutyDone(values[duty].answer) && values[duty].doneOn ? values[duty].doneOn : null,
        })),
      }),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ["case", caseId, "command"] });
    },
  });
  const unitName = unit.rotation ? `${unit.name} (${unit.rotation})` : unit.name;
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        {t("command.dutiesTitle", { unit: unitName })}
      </Title>
      {unit.duties.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("command.noDuties")}
        </Text>
      ) : (
        <DataTable
          label={t("command.dutiesTitle", { unit: unitName })}
          minWidth={420}
          headers={[t("command.duty"), t("command.answer"), t("command.doneOn")]}
        >
          {unit.duties.map((entry) => (
            <Table.Tr key={entry.duty}>
              <Table.Td>{t(`command.duties.${entry.duty}`)}</Table.Td>
              <Table.Td>
                {entry.answer === "no" ? (
                  <Badge color="red.8" variant="light">
                    {t("command.answers.no")} · {t("command.failed")}
                  </Badge>
                ) : (
                  t(`command.answers.${entry.answer}`)
                )}
              </Table.Td>
              <Table.Td>{entry.doneOn ? format.date(entry.doneOn) : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {canRecord && !editing && (
        <Group gap="xs">
          <Button variant="light" size="sm" onClick={() => setEditing(true)}>
            {t("command.recordDuties")}
          </Button>
          {commander && <AllegeAgainstCommander unit={unit} caseId={caseId} commander={commander} />}
        </Group>
      )}
      {canRecord && editing && (
        <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
          <Stack gap="xs">
            <ProblemAlert error={save.error} />
            {commandDuties.map((duty) => (
              <Group key={duty} align="flex-end" grow>
                <NativeSelect
                  label={t(`command.duties.${duty}`)}
                  data={dutyAnswers.map((answer) => ({ value: answer, label: t(`command.answers.${answer}`) }))}
                  {...form.getInputProps(`${duty}.answer`)}
                />
                <DateField
                  label={t("command.doneOn")}
                  disabled={!dutyDone(form.values[duty].answer)}
                  {...form.getInputProps(`${duty}.doneOn`)}
                />
              </Group>
            ))}
            <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
              {t("command.recordDuties")}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function UnitChoice({
  person,
  nationalityCode,
  units,
  caseId,
}: {
  person: Person;
  nationalityCode: string | null;
  units: UnitList["items"];
  caseId: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (contingentId: string | null) =>
      api("PUT", `/api/perpetrators/${person.perpetratorId}/unit`, { contingentId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["case", caseId, "command"] }),
  });
  // The person's own State's units only: the server refuses any other.
  const choices = units
    .filter((unit) => nationalityCode === null || unit.countryCode === nationalityCode)
    .map((unit) => ({ value: unit.id, label: unit.rotation ? `${unit.name} (${unit.rotation})` : unit.name }));
  return (
    <>
      <Select
        aria-label={t("command.setUnit", { code: person.code })}
        placeholder={t("command.noUnit")}
        data={choices}
        value={person.unit?.id ?? null}
        onChange={(value) => save.mutate(value)}
        clearable
        size="sm"
        comboboxProps={{ withinPortal: true }}
      />
      {save.error && <ProblemAlert error={save.error} />}
    </>
  );
}

export function CaseCommandSection({
  caseId,
  missionCode,
  record,
}: {
  caseId: string;
  missionCode: string;
  record: EnforcementRecord;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const canSet = record.can.addPerpetrator;
  const command = useQuery({
    queryKey: ["case", caseId, "command"],
    queryFn: () => api<CaseCommand>("GET", `/api/cases/${caseId}/command`),
  });
  const units = useQuery({
    queryKey: ["units", missionCode],
    queryFn: () => api<UnitList>("GET", `/api/units?mission=${missionCode}`),
    enabled: canSet,
  });
  const nationalityOf = (id: string) => record.perpetrators.find((p) => p.id === id)?.nationalityCode ?? null;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="xs">
        {t("command.title")}
      </Title>
      <QueryView query={command} isEmpty={(data) => data.items.length === 0} empty={t("enforcement.noPerpetrators")}>
        {(data) => (
          <>
            {data.arisesFrom && (
              <Text size="sm" mb="xs">
                {t("command.arisesFrom")}{" "}
                <Link
                  to="/cases/$caseId"
                  params={{ caseId: data.arisesFrom.caseId }}
                  dir="ltr"
                  style={{ color: "var(--mantine-color-blue-9)" }}
                >
                  {data.arisesFrom.reference}
                </Link>
              </Text>
            )}
            <Text size="sm" c="gray.7" mb="sm">
              {t("command.intro", { date: format.date(data.items[0]?.onDay) })}
            </Text>
            <DataTable
              label={t("command.title")}
              minWidth={520}
              headers={[t("enforcement.code"), t("command.unit"), t("command.commander")]}
            >
              {data.items.map((person) => (
                <Table.Tr key={person.perpetratorId}>
                  <Table.Td dir="ltr">{person.code}</Table.Td>
                  <Table.Td>
                    {canSet ? (
                      <UnitChoice
                        person={person}
                        nationalityCode={nationalityOf(person.perpetratorId)}
                        units={units.data?.items ?? []}
                        caseId={caseId}
                      />
                    ) : person.unit ? (
                      `${person.unit.name}${person.unit.rotation ? ` (${person.unit.rotation})` : ""}`
                    ) : (
                      t("command.noUnit")
                    )}
                  </Table.Td>
                  <Table.Td>
                    {person.commander
                      ? [person.commander.rank, person.commander.name].filter(Boolean).join(" ")
                      : person.unit
                        ? t("command.noCommander")
                        : "—"}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            {data.units.map((unit) => (
              <UnitDuties
                key={unit.id}
                unit={unit}
                caseId={caseId}
                canRecord={data.can.recordDuties}
                commander={data.items.find((person) => person.unit?.id === unit.id)?.commander ?? null}
              />
            ))}
            {data.leaderAllegations.length > 0 && (
              <Stack gap={4} mt="md">
                <Title order={3} size="h5">
                  {t("command.leaderAllegationsTitle")}
                </Title>
                {data.leaderAllegations.map((opened) => (
                  <Text key={opened.caseId} size="sm">
                    <Link
                      to="/cases/$caseId"
                      params={{ caseId: opened.caseId }}
                      dir="ltr"
                      style={{ color: "var(--mantine-color-blue-9)" }}
                    >
                      {opened.reference}
                    </Link>{" "}
                    · {t(`command.posts.${opened.post}`)} · {data.units.find((u) => u.id === opened.unitId)?.name}
                  </Text>
                ))}
              </Stack>
            )}
          </>
        )}
      </QueryView>
    </Paper>
  );
}

/** A unit's commanders and key leaders by period, and (for those who keep units) a form to add one. */
export function UnitLeaders({ unitId, missionCode, canAdd }: { unitId: string; missionCode: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const units = useQuery({
    queryKey: ["units", missionCode],
    queryFn: () => api<UnitList>("GET", `/api/units?mission=${missionCode}`),
  });
  const form = useForm({
    initialValues: { post: "commander" as UnitPost, name: "", rank: "", servedFrom: "", servedTo: "" },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api("POST", `/api/units/${unitId}/leaders`, {
        ...values,
        rank: values.rank.trim() || null,
        servedTo: values.servedTo || null,
      }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ["units", missionCode] });
    },
  });
  return (
    <Stack>
      <QueryView query={units}>
        {(data) => {
          const leaders = data.items.find((unit) => unit.id === unitId)?.leaders ?? [];
          return leaders.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t("command.noLeaders")}
            </Text>
          ) : (
            <DataTable
              label={t("command.leaders")}
              minWidth={420}
              headers={[t("command.post"), t("command.name"), t("command.period")]}
            >
              {leaders.map((leader) => (
                <Table.Tr key={leader.id}>
                  <Table.Td>{t(`command.posts.${leader.post}`)}</Table.Td>
                  <Table.Td>{[leader.rank, leader.name].filter(Boolean).join(" ")}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {format.date(leader.servedFrom)} –{" "}
                    {leader.servedTo ? format.date(leader.servedTo) : t("command.serving")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          );
        }}
      </QueryView>
      {canAdd && (
        <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
          <Stack>
            <Title order={3} size="h5">
              {t("command.addLeader")}
            </Title>
            <ProblemAlert error={save.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t("command.post")}
                data={unitPosts.map((post) => ({ value: post, label: t(`command.posts.${post}`) }))}
                {...form.getInputProps("post")}
              />
              <TextInput label={t("command.rank")} {...form.getInputProps("rank")} />
              <TextInput label={t("command.name")} required {...form.getInputProps("name")} />
              <DateField label={t("command.servedFrom")} required {...form.getInputProps("servedFrom")} />
              <DateField label={t("command.servedTo")} {...form.getInputProps("servedTo")} />
            </SimpleGrid>
            <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
              {t("command.addLeader")}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
