// Leadership commitments: each mission leader's yearly action plan on SEA with its items, owners, due
// dates and progress, the mission's published figures beside them, and the head of mission's certification.
import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommitmentBody, Leadership, LeadershipPlanBody } from "../../domain/contracts/leadership.js";
import { type CommitmentStatus, commitmentStatuses, leaderPosts } from "../../domain/leadership.js";
import { api } from "../api.js";
import { DateField } from "../components/date-field.js";
import { DialogForm } from "../components/dialog.js";
import { DataTable, MissionFilter, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useFormat } from "../format.js";
import { useMissionChoices } from "../reference-data.js";

type Plan = Leadership["plans"][number];
type Item = Plan["commitments"][number];

const useRefresh = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["leadership"] });
};

function DraftPlan({ missionChoices, year }: { missionChoices: string[]; year: number }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<LeadershipPlanBody>({
    initialValues: { missionCode: missionChoices[0] ?? "", year, post: "head_of_mission", leaderName: "" },
  });
  const draft = useMutation({
    mutationFn: (values: LeadershipPlanBody) => api("POST", "/api/leadership/plans", values),
    onSuccess: refresh,
  });
  return (
    <DialogForm label={t("leadership.draft")} variant="filled" form={form} mutation={draft}>
      <NativeSelect label={t("cases.mission")} data={missionChoices} {...form.getInputProps("missionCode")} />
      <NativeSelect
        label={t("leadership.post")}
        data={leaderPosts.map((post) => ({ value: post, label: t(`leadership.posts.${post}`) }))}
        {...form.getInputProps("post")}
      />
      <TextInput label={t("leadership.leaderName")} required maxLength={200} {...form.getInputProps("leaderName")} />
    </DialogForm>
  );
}

function AddCommitment({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<CommitmentBody>({ initialValues: { commitment: "", owner: "", dueOn: "" } });
  const add = useMutation({
    mutationFn: (values: CommitmentBody) => api("POST", `/api/leadership/plans/${plan.id}/commitments`, values),
    onSuccess: refresh,
  });
  return (
    <DialogForm label={t("leadership.addItem")} form={form} mutation={add}>
      <TextInput label={t("leadership.commitment")} required maxLength={1000} {...form.getInputProps("commitment")} />
      <TextInput label={t("leadership.owner")} required maxLength={200} {...form.getInputProps("owner")} />
      <DateField label={t("leadership.dueOn")} required {...form.getInputProps("dueOn")} />
    </DialogForm>
  );
}

/** The item's progress: a choice for the mission's team, a word for everyone else. */
function ItemStatus({ item, canTrack }: { item: Item; canTrack: boolean }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const today = new Date().toISOString().slice(0, 10);
  const track = useMutation({
    mutationFn: (status: CommitmentStatus) =>
      api("PUT", `/api/leadership/commitments/${item.id}/status`, {
        status,
        doneOn: status === "done" ? today : null,
      }),
    onSuccess: refresh,
  });
  const late = item.late && (
    <Badge color="red" variant="light" c="dark.9">
      {t("leadership.late")}
    </Badge>
  );
  if (!canTrack)
    return (
      <Group gap="xs">
        {t(`leadership.statuses.${item.status}`)}
        {late}
      </Group>
    );
  return (
    <Stack gap={4}>
      <NativeSelect
        aria-label={`${t("leadership.status")}: ${item.commitment}`}
        data={commitmentStatuses.map((status) => ({ value: status, label: t(`leadership.statuses.${status}`) }))}
        value={item.status}
        onChange={(event) => track.mutate(event.currentTarget.value as CommitmentStatus)}
      />
      {late}
      <ProblemAlert error={track.error} />
    </Stack>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefresh();
  const certify = useMutation({
    mutationFn: () => api("POST", `/api/leadership/plans/${plan.id}/certify`, { version: plan.version }),
    onSuccess: refresh,
  });
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {t(`leadership.posts.${plan.post}`)} · {plan.missionCode}
          </Title>
          <Text size="sm">{plan.leaderName}</Text>
        </Stack>
        {plan.certifiedOn ? (
          <Badge color="green" variant="light" c="dark.9">
            {t("leadership.certifiedOn", { date: format.date(plan.certifiedOn) })}
          </Badge>
        ) : (
          <Badge color="gray" variant="light" c="dark.9">
            {t("leadership.awaitingCertification")}
          </Badge>
        )}
      </Group>
      {plan.commitments.length === 0 ? (
        <Text size="sm" c="gray.7" mb="sm">
          {t("leadership.noItems")}
        </Text>
      ) : (
        <DataTable
          label={`${t(`leadership.posts.${plan.post}`)} · ${plan.missionCode}`}
          minWidth={640}
          headers={[t("leadership.commitment"), t("leadership.owner"), t("leadership.dueOn"), t("leadership.status")]}
        >
          {plan.commitments.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.commitment}</Table.Td>
              <Table.Td>{item.owner}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.date(item.dueOn)}</Table.Td>
              <Table.Td>
                <ItemStatus item={item} canTrack={plan.can.draft} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <Group mt="sm">
        {plan.can.draft && !plan.certifiedOn && <AddCommitment plan={plan} />}
        {plan.can.certify && (
          <Button size="xs" onClick={() => certify.mutate()} loading={certify.isPending}>
            {t("leadership.certify")}
          </Button>
        )}
      </Group>
      <ProblemAlert error={certify.error} />
    </Paper>
  );
}

export function LeadershipPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const thisYear = new Date().getFullYear();
  // A reminder's link names the mission and year of the late item.
  const linked = new URLSearchParams(window.location.search);
  const [mission, setMission] = useState<string | null>(linked.get("mission"));
  const [year, setYear] = useState(linked.get("year") ?? String(thisYear));
  const query = useQuery({
    queryKey: ["leadership", mission, year],
    queryFn: () =>
      api<Leadership>("GET", `/api/leadership?${new URLSearchParams({ year, ...(mission ? { mission } : {}) })}`),
  });
  const missionChoices = useMissionChoices();
  return (
    <>
      <PageHeader title={t("leadership.title")} intro={t("leadership.intro")} />
      <Group align="end" mb="md">
        <MissionFilter choices={missionChoices} value={mission} onChange={setMission} />
        <NativeSelect
          label={t("leadership.year")}
          data={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map(String)}
          value={year}
          onChange={(event) => setYear(event.currentTarget.value)}
          w={120}
        />
        {query.data?.canDraft && <DraftPlan missionChoices={missionChoices} year={Number(year)} />}
      </Group>
      <QueryView query={query}>
        {(data) => (
          <Stack>
            {data.figures.length > 0 && (
              <Paper withBorder p="md">
                <Title order={2} size="h5" mb={4}>
                  {t("leadership.figures", { year: data.year })}
                </Title>
                {data.figures.map((row) => (
                  <Text key={row.missionCode} size="sm">
                    {t("leadership.figuresLine", {
                      mission: row.missionCode,
                      year: data.year,
                      n: format.number(row.allegations),
                      previous: format.number(row.previousYear),
                      previousYear: data.year - 1,
                    })}
                  </Text>
                ))}
              </Paper>
            )}
            {data.plans.length === 0 ? (
              <Text c="gray.7">{t("leadership.none")}</Text>
            ) : (
              data.plans.map((plan) => <PlanCard key={plan.id} plan={plan} />)
            )}
          </Stack>
        )}
      </QueryView>
    </>
  );
}
