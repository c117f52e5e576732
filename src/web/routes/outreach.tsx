// Community outreach and complaint networks of a mission: who was reached on what, and the
// community-based complaint network — its members and the reports they passed on.
import { DateField } from "../components/date-field.js";
import {
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
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  audienceGroups,
  complaintChannels,
  memberKinds,
  outreachMaterials,
  outreachTopics,
} from "../../domain/outreach.js";
import { api } from "../api.js";
import type { NetworksOf as Networks, OutreachOverview as Outreach } from "../../domain/contracts/outreach.js";
import { DialogButton, DialogForm } from "../components/dialog.js";
import { DataTable, FormActions, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useMissions } from "../reference-data.js";
import { useMe } from "../session.js";

type Network = Networks["networks"][number];

const splitList = (text: string) =>
  text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);

function useOutreachMutation<T>(request: (values: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["outreach"] }),
  });
}

export function OutreachPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const missions = useMissions();
  const choices =
    me?.role === "cdt_officer" || me?.role === "cbcm_focal_point"
      ? me.missionCodes
      : (missions.data?.items ?? []).map((m) => m.code);
  const [picked, setPicked] = useState<string | null>(null);
  const missionCode = picked ?? choices[0] ?? null;
  const outreach = useQuery({
    queryKey: ["outreach", "activities", missionCode],
    queryFn: () => api<Outreach>("GET", `/api/outreach/${missionCode}`),
    enabled: missionCode !== null,
  });
  const networks = useQuery({
    queryKey: ["outreach", "networks", missionCode],
    queryFn: () => api<Networks>("GET", `/api/cbcm-networks/${missionCode}`),
    enabled: missionCode !== null,
  });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <PageHeader title={t("outreach.title")} intro={t("outreach.intro")} />
      <Select
        label={t("cases.mission")}
        data={choices}
        value={missionCode}
        onChange={setPicked}
        allowDeselect={false}
        searchable
        w={220}
        mb="md"
      />
      {missionCode && (
        <Stack>
          <QueryView query={outreach}>
            {(data) => (
              <Paper withBorder p="lg">
                <Group justify="space-between" mb="sm">
                  <Title order={2} size="h4">
                    {t("outreach.activities")}
                  </Title>
                  {data.can.record && (
                    <DialogButton label={t("outreach.record")} title={t("outreach.record")}>
                      {(close) => (
                        <ActivityForm
                          missionCode={data.missionCode}
                          networks={networks.data?.networks ?? []}
                          onDone={close}
                        />
                      )}
                    </DialogButton>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 2, md: 6 }} mb="md">
                  <Figure label={t("outreach.activityCount")} value={number.format(data.totals.activities)} />
                  <Figure label={t("outreach.people")} value={number.format(data.totals.people)} />
                  {audienceGroups.map((group) => (
                    <Figure
                      key={group}
                      label={t(`outreach.groups.${group}`)}
                      value={number.format(data.totals.reached[group] ?? 0)}
                    />
                  ))}
                </SimpleGrid>
                {data.activities.length === 0 ? (
                  <Text size="sm" c="gray.7">
                    {t("outreach.noActivities")}
                  </Text>
                ) : (
                  <DataTable
                    label={t("outreach.activities")}
                    minWidth={820}
                    headers={[
                      t("outreach.heldOn"),
                      t("outreach.place"),
                      t("outreach.community"),
                      t("outreach.people"),
                      t("outreach.language"),
                      t("outreach.topics"),
                    ]}
                  >
                    {data.activities.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{a.heldOn}</Table.Td>
                        <Table.Td dir="auto">{a.place}</Table.Td>
                        <Table.Td dir="auto">{a.community}</Table.Td>
                        <Table.Td>
                          {number.format(audienceGroups.reduce((sum, g) => sum + (a.audience[g] ?? 0), 0))}
                          <Text size="xs" c="gray.7">
                            {audienceGroups
                              .map((g) => `${t(`outreach.groups.${g}`)} ${a.audience[g] ?? 0}`)
                              .join(" · ")}
                          </Text>
                        </Table.Td>
                        <Table.Td dir="auto">{a.language}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {a.topics.map((topic) => (
                              <Badge
                                key={topic}
                                variant="light"
                                c="dark.9"
                                style={{ whiteSpace: "normal", height: "auto" }}
                              >
                                {t(`outreach.topicKinds.${topic}`)}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </DataTable>
                )}
              </Paper>
            )}
          </QueryView>
          <QueryView query={networks}>
            {(data) => (
              <Paper withBorder p="lg">
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h4">
                    {t("outreach.networks")}
                  </Title>
                  {data.can.manage && <NetworkForm missionCode={data.missionCode} />}
                </Group>
                <Text size="sm" c="gray.7" mb="sm">
                  {t("outreach.networksHelp")}
                </Text>
                {data.networks.length === 0 ? (
                  <Text size="sm" c="gray.7">
                    {t("outreach.noNetworks")}
                  </Text>
                ) : (
                  data.networks.map((network) => (
                    <Paper key={network.id} withBorder p="md" mb="sm">
                      <Group justify="space-between" align="start">
                        <div>
                          <Title order={3} size="h5" dir="auto">
                            {network.name}
                          </Title>
                          <Text size="sm" c="gray.7">
                            {network.area} · {network.languages.join(", ")}
                          </Text>
                          <Group gap={4} mt={4}>
                            {network.channels.map((c) => (
                              <Badge key={c} variant="outline" c="dark.9" color="gray">
                                {t(`outreach.channels.${c}`)}
                              </Badge>
                            ))}
                          </Group>
                        </div>
                        {data.can.manage && <MemberForm network={network} candidates={data.candidates} />}
                      </Group>
                      {network.members.length > 0 && (
                        <DataTable
                          label={network.name}
                          minWidth={620}
                          headers={[
                            t("outreach.member"),
                            t("outreach.memberKind"),
                            t("outreach.location"),
                            t("outreach.languages"),
                            t("outreach.reportsSubmitted"),
                          ]}
                        >
                          {network.members.map((m) => (
                            <Table.Tr key={m.id}>
                              <Table.Td dir="auto">{m.name}</Table.Td>
                              <Table.Td>{t(`outreach.memberKinds.${m.kind}`)}</Table.Td>
                              <Table.Td dir="auto">{m.location}</Table.Td>
                              <Table.Td>{m.languages.join(", ")}</Table.Td>
                              <Table.Td>{m.reportsSubmitted ?? t("outreach.noAccount")}</Table.Td>
                            </Table.Tr>
                          ))}
                        </DataTable>
                      )}
                    </Paper>
                  ))
                )}
              </Paper>
            )}
          </QueryView>
        </Stack>
      )}
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

function ActivityForm({
  missionCode,
  networks,
  onDone,
}: {
  missionCode: string;
  networks: Network[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      heldOn: new Date().toISOString().slice(0, 10),
      place: "",
      community: "",
      women: 0 as number | string,
      men: 0 as number | string,
      girls: 0 as number | string,
      boys: 0 as number | string,
      language: "",
      topics: [] as string[],
      materials: [] as string[],
      networkId: "",
    },
  });
  const save = useOutreachMutation((v: typeof form.values) =>
    api("POST", "/api/outreach", {
      ...v,
      missionCode,
      women: Number(v.women),
      men: Number(v.men),
      girls: Number(v.girls),
      boys: Number(v.boys),
      networkId: v.networkId || null,
    }),
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values, { onSuccess: onDone }))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t("outreach.heldOn")} required {...form.getInputProps("heldOn")} />
          <TextInput label={t("outreach.language")} required {...form.getInputProps("language")} />
          <TextInput label={t("outreach.place")} required {...form.getInputProps("place")} />
          <TextInput label={t("outreach.community")} required {...form.getInputProps("community")} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {audienceGroups.map((group) => (
            <NumberInput
              key={group}
              label={t(`outreach.groups.${group}`)}
              min={0}
              allowDecimal={false}
              {...form.getInputProps(group)}
            />
          ))}
        </SimpleGrid>
        <Checkbox.Group label={t("outreach.topics")} required {...form.getInputProps("topics")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {outreachTopics.map((topic) => (
              <Checkbox key={topic} value={topic} label={t(`outreach.topicKinds.${topic}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group label={t("outreach.materials")} required {...form.getInputProps("materials")}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
            {outreachMaterials.map((m) => (
              <Checkbox key={m} value={m} label={t(`outreach.materialKinds.${m}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {networks.length > 0 && (
          <NativeSelect
            label={t("outreach.withNetwork")}
            data={[{ value: "", label: "—" }, ...networks.map((n) => ({ value: n.id, label: n.name }))]}
            {...form.getInputProps("networkId")}
          />
        )}
        <FormActions onCancel={onDone} submitLabel={t("outreach.record")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function NetworkForm({ missionCode }: { missionCode: string }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { name: "", area: "", languages: "", channels: [] as string[] } });
  const save = useOutreachMutation((v: typeof form.values) =>
    api("POST", "/api/cbcm-networks", { ...v, missionCode, languages: splitList(v.languages) }),
  );
  return (
    <DialogForm label={t("outreach.addNetwork")} form={form} mutation={save}>
      <TextInput label={t("outreach.networkName")} required {...form.getInputProps("name")} />
      <TextInput label={t("outreach.area")} required {...form.getInputProps("area")} />
      <TextInput
        label={t("outreach.languages")}
        description={t("outreach.languagesHelp")}
        required
        {...form.getInputProps("languages")}
      />
      <Checkbox.Group label={t("outreach.channelsLabel")} required {...form.getInputProps("channels")}>
        <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs">
          {complaintChannels.map((c) => (
            <Checkbox key={c} value={c} label={t(`outreach.channels.${c}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </DialogForm>
  );
}

function MemberForm({ network, candidates }: { network: Network; candidates: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { kind: "focal_point", name: "", location: "", languages: "", userId: "" } });
  const save = useOutreachMutation((v: typeof form.values) =>
    api("POST", `/api/cbcm-networks/${network.id}/members`, {
      ...v,
      languages: splitList(v.languages),
      userId: v.userId || null,
    }),
  );
  return (
    <DialogForm
      label={t("outreach.addMember")}
      title={`${t("outreach.addMember")}: ${network.name}`}
      form={form}
      mutation={save}
    >
      <NativeSelect
        label={t("outreach.memberKind")}
        data={memberKinds.map((value) => ({ value, label: t(`outreach.memberKinds.${value}`) }))}
        {...form.getInputProps("kind")}
      />
      <TextInput
        label={t("outreach.member")}
        description={t("outreach.memberHelp")}
        required
        {...form.getInputProps("name")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("outreach.location")} required {...form.getInputProps("location")} />
        <TextInput
          label={t("outreach.languages")}
          description={t("outreach.languagesHelp")}
          required
          {...form.getInputProps("languages")}
        />
      </SimpleGrid>
      <NativeSelect
        label={t("outreach.account")}
        description={t("outreach.accountHelp")}
        data={[
          { value: "", label: t("outreach.noAccount") },
          ...candidates.map((c) => ({ value: c.id, label: c.name })),
        ]}
        {...form.getInputProps("userId")}
      />
    </DialogForm>
  );
}
