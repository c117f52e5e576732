// Victim assistance, designed for the advocate's day: the caseload with what needs action today,
// and the victim record on one page — identity on request with a reason, consent, needs and plan,
// referrals with follow-up, children. Identity is never shown unless revealed on purpose.
import { DateField } from "../components/date-field.js";
import { useVictimMutation } from "./victim-mutation.js";
import { SharesPanel } from "./victim-shares.js";
import type { RevealPending } from "../../domain/contracts/reveals.js";
import { RevealReasonField, RevealWaiting } from "./reveal-requests.js";
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
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
  ageGroups,
  allowedReferralSteps,
  type AssistanceReferralStatus,
  consentRecipients,
  revealPurposes,
  serviceTypes,
  victimSexes,
} from "../../domain/victims.js";
import { AssistanceRequests } from "./assistance-requests.js";
import { api } from "../api.js";
import { DataTable, FormActions, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useMe } from "../session.js";
import { useFormat } from "../format.js";
import { DialogButton, DialogForm } from "../components/dialog.js";
import type {
  CaseVictims as CaseVictimList,
  Caseload,
  ListProviders,
  ReadVictim,
  RevealVictim as Revealed,
  VictimSummary,
} from "../../domain/contracts/victims.js";
import { VictimClaims } from "./paternity.js";
import { InformedPanel } from "./victim-updates.js";
import type { ListCases } from "../../domain/contracts/cases.js";

type VictimRecord = ReadVictim;
type Referral = VictimRecord["referrals"][number];

const today = () => new Date().toISOString().slice(0, 10);
const orNull = (text: string) => text.trim() || null;
const link = { color: "var(--mantine-color-blue-9)" };

function Who({ victim }: { victim: Pick<VictimSummary, "sex" | "ageGroup" | "ageAtIncident"> }) {
  const { t } = useTranslation();
  const age = victim.ageAtIncident === null ? "" : ` · ${t("victims.years", { count: victim.ageAtIncident })}`;
  return (
    <>
      {t(`victims.sexes.${victim.sex}`)} · {t(`victims.ageGroups.${victim.ageGroup}`)}
      {age}
    </>
  );
}

export function VictimCaseload() {
  const format = useFormat();
  const { t } = useTranslation();
  const [dueOnly, setDueOnly] = useState(false);
  const [code, setCode] = useState("");
  const query = useQuery({
    queryKey: ["victims", dueOnly, code],
    queryFn: () =>
      api<Caseload>(
        "GET",
        `/api/victims?limit=100${dueOnly ? "&dueOnly=true" : ""}${code.trim() ? `&code=${encodeURIComponent(code.trim())}` : ""}`,
      ),
  });
  return (
    <>
      <PageHeader
        title={t("victims.title")}
        intro={t("victims.intro")}
        actions={
          <Group gap="xs">
            <DialogButton label={t("victims.directory")} title={t("victims.directory")}>
              {() => <ProviderDirectory />}
            </DialogButton>
            <DialogButton label={t("victims.register")} title={t("victims.register")} variant="filled">
              {(close) => <RegisterVictimForm onDone={close} />}
            </DialogButton>
          </Group>
        }
      />
      <AssistanceRequests />
      <Group mb="md" align="flex-end">
        <TextInput
          label={t("victims.findCode")}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          w={220}
          dir="ltr"
        />
        <Switch
          label={t("victims.dueOnly")}
          checked={dueOnly}
          onChange={(event) => setDueOnly(event.currentTarget.checked)}
          mb={6}
        />
      </Group>
      <QueryView
        query={query}
        isEmpty={(data) => data.items.length === 0}
        empty={dueOnly ? t("victims.nothingDue") : t("victims.empty")}
      >
        {(data) => (
          <DataTable
            label={t("victims.title")}
            minWidth={760}
            headers={[
              t("victims.code"),
              t("cases.mission"),
              t("victims.person"),
              t("victims.casesCount"),
              t("victims.openReferrals"),
              t("victims.children"),
              t("victims.nextAction"),
            ]}
          >
            {data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Link to="/victims/$victimId" params={{ victimId: item.id }} dir="ltr" style={link}>
                    {item.code}
                  </Link>
                </Table.Td>
                <Table.Td>{item.missionCode}</Table.Td>
                <Table.Td>
                  <Who victim={item} />
                </Table.Td>
                <Table.Td>{item.cases}</Table.Td>
                <Table.Td>{item.openReferrals}</Table.Td>
                <Table.Td>{item.children}</Table.Td>
                <Table.Td>
                  {item.due ? (
                    <Badge color="red" variant="light">
                      {t("victims.dueSince", { date: format.date(item.nextActionOn) })}
                    </Badge>
                  ) : (
                    (item.nextActionOn ?? "—")
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </>
  );
}

type Provider = ListProviders["items"][number];

/** The mission's directory of service providers: added, corrected, taken out of use. */
function ProviderDirectory() {
  const { t } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["service-providers", "directory"],
    queryFn: () => api<ListProviders>("GET", "/api/service-providers?all=true"),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["service-providers"] });
  const toggle = useMutation({
    mutationFn: (p: Provider) => api("PATCH", `/api/service-providers/${p.id}`, { active: !p.active }),
    onSuccess: refresh,
  });
  const missions = me?.missionCodes ?? [];
  const form = useForm({
    initialValues: {
      missionCode: missions[0] ?? "",
      name: "",
      serviceTypes: [] as string[],
      location: "",
      contact: "",
    },
  });
  const add = useMutation({
    mutationFn: (v: typeof form.values) =>
      api("POST", "/api/service-providers", { ...v, location: orNull(v.location), contact: orNull(v.contact) }),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
  });
  const mine = (query.data?.items ?? []).filter((p) => missions.includes(p.missionCode));
  return (
    <Stack>
      <ProblemAlert error={query.error ?? toggle.error} />
      {mine.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("victims.noProviders")}
        </Text>
      ) : (
        <DataTable
          label={t("victims.directory")}
          minWidth={560}
          headers={[t("victims.provider"), t("cases.mission"), t("victims.service"), t("victims.inUse")]}
        >
          {mine.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                {p.name}
                {p.location && (
                  <Text size="xs" c="gray.7">
                    {p.location}
                  </Text>
                )}
                {p.contact && (
                  <Text size="xs" c="gray.7">
                    {p.contact}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{p.missionCode}</Table.Td>
              <Table.Td>{p.serviceTypes.map((type) => t(`victims.services.${type}`)).join(", ")}</Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t("victims.inUseOf", { name: p.name })}
                  checked={p.active}
                  onChange={() => toggle.mutate(p)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <form onSubmit={form.onSubmit((values) => add.mutate(values))}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("victims.addProvider")}
          </Title>
          <ProblemAlert error={add.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("cases.mission")}
              allowDeselect={false}
              data={missions}
              {...form.getInputProps("missionCode")}
            />
            <TextInput label={t("victims.provider")} required {...form.getInputProps("name")} />
            <TextInput label={t("victims.providerLocation")} {...form.getInputProps("location")} />
            <TextInput label={t("victims.providerContact")} {...form.getInputProps("contact")} />
          </SimpleGrid>
          <Checkbox.Group label={t("victims.service")} required {...form.getInputProps("serviceTypes")}>
            <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
              {serviceTypes.map((type) => (
                <Checkbox key={type} value={type} label={t(`victims.services.${type}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t("victims.addProvider")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** Registers a victim, from the caseload or from a case (which fixes the mission and links the case). */
export function RegisterVictimForm({
  onDone,
  fromCase,
}: {
  onDone: () => void;
  fromCase?: { id: string; missionCode: string };
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const missions = fromCase ? [fromCase.missionCode] : (me?.missionCodes ?? []);
  const form = useForm({
    initialValues: {
      missionCode: missions[0] ?? "",
      sex: "female",
      ageGroup: "unknown",
      ageAtIncident: "" as number | string,
      name: "",
      otherNames: "",
      dateOfBirth: "",
      contact: "",
      location: "",
      caregiver: "",
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      api<VictimSummary>("POST", "/api/victims", {
        missionCode: v.missionCode,
        sex: v.sex,
        ageGroup: v.ageGroup,
        ageAtIncident: typeof v.ageAtIncident === "number" ? v.ageAtIncident : null,
        caseId: fromCase?.id ?? null,
        identity: v.name.trim()
          ? { name: v.name.trim(), otherNames: orNull(v.otherNames), dateOfBirth: orNull(v.dateOfBirth) }
          : null,
        contact: orNull(v.contact),
        location: orNull(v.location),
        caregiver: orNull(v.caregiver),
      }),
    onSuccess: async (victim) => {
      await queryClient.invalidateQueries({ queryKey: ["victims"] });
      onDone();
      await navigate({ to: "/victims/$victimId", params: { victimId: victim.id } });
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("cases.mission")}
            allowDeselect={false}
            data={missions}
            disabled={Boolean(fromCase)}
            {...form.getInputProps("missionCode")}
          />
          <Select
            label={t("victims.sex")}
            allowDeselect={false}
            data={victimSexes.map((value) => ({ value, label: t(`victims.sexes.${value}`) }))}
            {...form.getInputProps("sex")}
          />
          <Select
            label={t("victims.ageGroup")}
            allowDeselect={false}
            data={ageGroups.map((value) => ({ value, label: t(`victims.ageGroups.${value}`) }))}
            {...form.getInputProps("ageGroup")}
          />
          <NumberInput
            label={t("victims.ageAtIncident")}
            description={t("victims.ageHelp")}
            min={0}
            max={120}
            allowDecimal={false}
            {...form.getInputProps("ageAtIncident")}
          />
        </SimpleGrid>
        <Text size="sm" c="gray.7">
          {t("victims.privateHelp")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("victims.name")} autoComplete="off" {...form.getInputProps("name")} />
          <TextInput label={t("victims.otherNames")} autoComplete="off" {...form.getInputProps("otherNames")} />
          <DateField label={t("victims.dateOfBirth")} {...form.getInputProps("dateOfBirth")} />
          <TextInput label={t("victims.contact")} autoComplete="off" {...form.getInputProps("contact")} />
          <TextInput label={t("victims.location")} autoComplete="off" {...form.getInputProps("location")} />
          <TextInput label={t("victims.caregiver")} autoComplete="off" {...form.getInputProps("caregiver")} />
        </SimpleGrid>
        <FormActions onCancel={onDone} submitLabel={t("victims.register")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

export function VictimRecordPage() {
  const { t } = useTranslation();
  const { victimId } = useParams({ from: "/victims/$victimId" });
  const query = useQuery({
    queryKey: ["victim", victimId],
    queryFn: () => api<VictimRecord>("GET", `/api/victims/${victimId}`),
  });
  return (
    <QueryView query={query}>
      {(victim) => (
        <Stack>
          <Link to="/victims" style={link}>
            {t("victims.back")}
          </Link>
          <PageHeader
            title={victim.code}
            intro={`${victim.missionCode} · ${t(`victims.sexes.${victim.sex}`)} · ${t(`victims.ageGroups.${victim.ageGroup}`)}`}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <PersonPanel victim={victim} />
            <ConsentPanel victim={victim} />
          </SimpleGrid>
          <SharesPanel victim={victim} />
          <CasesPanel victim={victim} />
          <NeedsPanel victim={victim} />
          <InformedPanel victim={victim} />
          <ReferralsPanel victim={victim} />
          <ChildrenPanel victim={victim} />
          <VictimClaims victim={victim} />
        </Stack>
      )}
    </QueryView>
  );
}

function PersonPanel({ victim }: { victim: VictimRecord }) {
  const format = useFormat();
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [pending, setPending] = useState<RevealPending | null>(null);
  const form = useForm({ initialValues: { reason: "", purpose: "assistance" } });
  const reveal = useMutation({
    mutationFn: (v: typeof form.values) =>
      api<Revealed | RevealPending>("POST", `/api/victims/${victim.id}/identity`, v),
    onSuccess: (answer) => ("approval" in answer ? setPending(answer) : setRevealed(answer)),
  });
  const anyRecorded = Object.values(victim.recorded).some(Boolean);
  const shown = (label: string, value: string | null | undefined) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" fw={600} miw={130}>
        {label}
      </Text>
      <Text size="sm">{value || "—"}</Text>
    </Group>
  );
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("victims.person")}
        </Title>
        {anyRecorded && !revealed && (
          <DialogButton
            label={t("victims.reveal")}
            title={t("victims.revealTitle", { code: victim.code })}
            variant="default"
          >
            {(close) => (
              <form onSubmit={form.onSubmit((values) => reveal.mutate(values, { onSuccess: close }))}>
                <Stack>
                  <Text size="sm">{t("victims.revealHelp")}</Text>
                  <ProblemAlert error={reveal.error} />
                  <Select
                    label={t("victims.purpose")}
                    allowDeselect={false}
                    data={revealPurposes.map((value) => ({ value, label: t(`victims.purposes.${value}`) }))}
                    {...form.getInputProps("purpose")}
                  />
                  <RevealReasonField {...form.getInputProps("reason")} />
                  <FormActions onCancel={close} submitLabel={t("victims.reveal")} loading={reveal.isPending} />
                </Stack>
              </form>
            )}
          </DialogButton>
        )}
      </Group>
      <RevealWaiting pending={revealed ? null : pending} />
      <Stack gap={4}>
        <Text size="sm">
          <Who victim={victim} />
        </Text>
        {revealed ? (
          <>
            {shown(
              t("victims.name"),
              revealed.identity
                ? [revealed.identity.name, revealed.identity.otherNames].filter(Boolean).join(" / ")
                : null,
            )}
            {shown(t("victims.dateOfBirth"), revealed.identity?.dateOfBirth)}
            {shown(t("victims.contact"), revealed.contact)}
            {shown(t("victims.location"), revealed.location)}
            {shown(t("victims.caregiver"), revealed.caregiver)}
          </>
        ) : (
          <Text size="sm" c="gray.7">
            {anyRecorded ? t("victims.identityProtected") : t("victims.identityNotRecorded")}
          </Text>
        )}
        {victim.nextActionOn && (
          <Text size="sm" mt="xs">
            {t("victims.nextAction")}: {format.date(victim.nextActionOn)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function ConsentPanel({ victim }: { victim: VictimRecord }) {
  const format = useFormat();
  const { t } = useTranslation();
  const form = useForm({ initialValues: { recipient: "service_providers", granted: "yes", givenOn: today() } });
  const save = useVictimMutation(victim.id, (v: typeof form.values) =>
    api("POST", `/api/victims/${victim.id}/consents`, {
      recipient: v.recipient,
      granted: v.granted === "yes",
      givenOn: v.givenOn,
    }),
  );
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("victims.consent")}
        </Title>
        <DialogForm label={t("victims.recordConsent")} form={form} mutation={save}>
          <Select
            label={t("victims.recipient")}
            allowDeselect={false}
            data={consentRecipients.map((value) => ({ value, label: t(`victims.recipients.${value}`) }))}
            {...form.getInputProps("recipient")}
          />
          <Select
            label={t("victims.agrees")}
            allowDeselect={false}
            data={[
              { value: "yes", label: t("app.yes") },
              { value: "no", label: t("app.no") },
            ]}
            {...form.getInputProps("granted")}
          />
          <DateField label={t("victims.givenOn")} required {...form.getInputProps("givenOn")} />
        </DialogForm>
      </Group>
      <Stack gap={4}>
        {consentRecipients.map((recipient) => (
          <Group key={recipient} justify="space-between">
            <Text size="sm">{t(`victims.recipients.${recipient}`)}</Text>
            <Badge color={victim.consent.inForce[recipient] ? "green" : "gray"} variant="light">
              {victim.consent.inForce[recipient] ? t("victims.shareAllowed") : t("victims.shareNotAllowed")}
            </Badge>
          </Group>
        ))}
        {victim.consent.history.length === 0 && (
          <Text size="sm" c="red.8">
            {t("victims.noConsent")}
          </Text>
        )}
        {victim.consent.history.length > 0 && (
          <>
            <Text size="xs" c="gray.7" mt="xs">
              {t("victims.consentHistory", {
                count: victim.consent.history.length,
                date: format.date(victim.consent.history[0].givenOn),
              })}
            </Text>
            {victim.consent.history.slice(0, 5).map((entry) => (
              <Text key={entry.recordedAt + entry.recipient} size="xs" c="gray.7">
                {format.date(entry.givenOn)} · {t(`victims.recipients.${entry.recipient}`)} ·{" "}
                {entry.granted ? t("victims.shareAllowed") : t("victims.shareNotAllowed")} ·{" "}
                {t("victims.recordedBy", { name: entry.recordedByName ?? "—" })}
              </Text>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function CasesPanel({ victim }: { victim: VictimRecord }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reference: "" } });
  const save = useVictimMutation(victim.id, async (v: typeof form.values) => {
    const found = await api<ListCases>("GET", `/api/cases?q=${encodeURIComponent(v.reference.trim())}&limit=5`);
    const match = found.items.find((item) => item.reference === v.reference.trim().toUpperCase());
    if (!match) throw new Error(t("victims.caseNotFound"));
    return api("POST", `/api/victims/${victim.id}/cases`, { caseId: match.id });
  });
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("victims.cases")}
        </Title>
        <DialogForm label={t("victims.linkCase")} form={form} mutation={save} submitLabel={t("victims.linkCase")}>
          <TextInput
            label={t("cases.reference")}
            placeholder="MONUSCO-2026-0042"
            required
            dir="ltr"
            {...form.getInputProps("reference")}
          />
        </DialogForm>
      </Group>
      {victim.cases.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("victims.noCases")}
        </Text>
      ) : (
        <Group gap="md">
          {victim.cases.map((item) => (
            <Group key={item.id} gap={6}>
              <Link to="/cases/$caseId" params={{ caseId: item.id }} dir="ltr" style={link}>
                {item.reference}
              </Link>
              <Badge variant="light">{t(`status.${item.status}`)}</Badge>
            </Group>
          ))}
        </Group>
      )}
    </Paper>
  );
}

function NeedsPanel({ victim }: { victim: VictimRecord }) {
  const format = useFormat();
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { assessedOn: today(), needs: [] as string[], plan: "", reviewOn: "" },
    validate: { needs: (value) => (value.length === 0 ? t("forms.required") : null) },
  });
  const save = useVictimMutation(victim.id, (v: typeof form.values) =>
    api("POST", `/api/victims/${victim.id}/assessments`, {
      assessedOn: v.assessedOn,
      needs: v.needs,
      plan: orNull(v.plan),
      reviewOn: orNull(v.reviewOn),
    }),
  );
  const latest = victim.assessments[0];
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("victims.needs")}
        </Title>
        <DialogForm label={t("victims.assess")} form={form} mutation={save}>
          <DateField label={t("victims.assessedOn")} required {...form.getInputProps("assessedOn")} />
          <Checkbox.Group label={t("victims.needsLabel")} required {...form.getInputProps("needs")}>
            <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
              {serviceTypes.map((type) => (
                <Checkbox key={type} value={type} label={t(`victims.services.${type}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea label={t("victims.plan")} autosize minRows={3} {...form.getInputProps("plan")} />
          <DateField label={t("victims.reviewOn")} {...form.getInputProps("reviewOn")} />
        </DialogForm>
      </Group>
      {!latest ? (
        <Text size="sm" c="red.8">
          {t("victims.noAssessment")}
        </Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            {t("victims.assessedOnDate", { date: format.date(latest.assessedOn) })}
            {latest.reviewOn ? ` · ${t("victims.reviewOnDate", { date: format.date(latest.reviewOn) })}` : ""}
          </Text>
          <Group gap={6}>
            {latest.needs.map((need) => (
              <Badge key={need} variant="light">
                {t(`victims.services.${need}`)}
              </Badge>
            ))}
          </Group>
          {latest.plan && (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {latest.plan}
            </Text>
          )}
          {victim.assessments.length > 1 && (
            <Text size="xs" c="gray.7">
              {t("victims.earlierAssessments", { count: victim.assessments.length - 1 })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function ReferralsPanel({ victim }: { victim: VictimRecord }) {
  const format = useFormat();
  const { t } = useTranslation();
  const childCode = (id: string | null) => victim.children.find((child) => child.id === id)?.code;
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("victims.referrals")}
        </Title>
        <DialogButton label={t("victims.refer")} title={t("victims.refer")}>
          {(close) => <ReferralForm victim={victim} onDone={close} />}
        </DialogButton>
      </Group>
      {victim.referrals.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("victims.noReferrals")}
        </Text>
      ) : (
        <DataTable
          label={t("victims.referrals")}
          minWidth={760}
          headers={[
            t("victims.service"),
            t("victims.provider"),
            t("victims.status"),
            t("victims.proposedOn"),
            t("victims.followUpOn"),
            t("victims.followUps"),
          ]}
          actions
        >
          {victim.referrals.map((referral) => (
            <Table.Tr key={referral.id}>
              <Table.Td>
                {t(`victims.services.${referral.serviceType}`)}
                {referral.childId && (
                  <Text size="xs" c="gray.7" dir="ltr">
                    {childCode(referral.childId)}
                  </Text>
                )}
                {referral.identityShared && (
                  <Text size="xs" c="gray.7">
                    {t("victims.identityShared")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{referral.providerName}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={referral.status === "delivered" ? "green" : referral.status === "declined" ? "gray" : "blue"}
                >
                  {t(`victims.statuses.${referral.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{format.date(referral.proposedOn)}</Table.Td>
              <Table.Td>
                {referral.needsAction ? (
                  <Badge color="red" variant="light">
                    {format.date(referral.followUpOn)}
                  </Badge>
                ) : (
                  (referral.followUpOn ?? "—")
                )}
              </Table.Td>
              <Table.Td>
                {referral.followUps.map((followUp) => (
                  <Text key={followUp.id} size="xs">
                    <b>{format.date(followUp.recordedOn)}</b> {followUp.note}
                  </Text>
                ))}
                {referral.outcome && (
                  <Text size="xs" fw={600}>
                    {referral.outcome}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ReferralActions victimId={victim.id} referral={referral} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}

function ReferralForm({ victim, onDone }: { victim: VictimRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const providers = useQuery({
    queryKey: ["service-providers", victim.missionCode],
    queryFn: () => api<ListProviders>("GET", `/api/service-providers?mission=${victim.missionCode}`),
  });
  const form = useForm({
    initialValues: {
      providerId: "",
      serviceType: "",
      childId: "",
      proposedOn: today(),
      followUpOn: "",
      shareIdentity: false,
    },
  });
  const provider = providers.data?.items.find((item) => item.id === form.values.providerId);
  const save = useVictimMutation(
    victim.id,
    (v: typeof form.values) =>
      api("POST", `/api/victims/${victim.id}/referrals`, {
        providerId: v.providerId,
        serviceType: v.serviceType,
        childId: orNull(v.childId),
        proposedOn: v.proposedOn,
        followUpOn: orNull(v.followUpOn),
        shareIdentity: v.shareIdentity,
      }),
    onDone,
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error ?? providers.error} />
        <Select
          label={t("victims.provider")}
          required
          allowDeselect={false}
          data={(providers.data?.items ?? []).map((item) => ({
            value: item.id,
            label: item.location ? `${item.name} (${item.location})` : item.name,
          }))}
          {...form.getInputProps("providerId")}
        />
        {providers.data?.items.length === 0 && (
          <Text size="sm" c="gray.7">
            {t("victims.noProviders")}
          </Text>
        )}
        <Select
          label={t("victims.service")}
          required
          allowDeselect={false}
          data={(provider?.serviceTypes ?? []).map((value) => ({ value, label: t(`victims.services.${value}`) }))}
          {...form.getInputProps("serviceType")}
        />
        {victim.children.length > 0 && (
          <Select
            label={t("victims.forChild")}
            clearable
            data={victim.children.map((child) => ({ value: child.id, label: child.code }))}
            {...form.getInputProps("childId")}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t("victims.proposedOn")} required {...form.getInputProps("proposedOn")} />
          <DateField
            label={t("victims.followUpOn")}
            description={t("victims.followUpHelp")}
            {...form.getInputProps("followUpOn")}
          />
        </SimpleGrid>
        <Checkbox
          label={t("victims.shareIdentity")}
          description={victim.consent.inForce.service_providers ? undefined : t("victims.shareNeedsConsent")}
          {...form.getInputProps("shareIdentity", { type: "checkbox" })}
        />
        <FormActions onCancel={onDone} submitLabel={t("victims.refer")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function ReferralActions({ victimId, referral }: { victimId: string; referral: Referral }) {
  const { t } = useTranslation();
  const step = useVictimMutation(victimId, (status: AssistanceReferralStatus) =>
    api("PATCH", `/api/assistance-referrals/${referral.id}`, { status, on: today(), version: referral.version }),
  );
  const form = useForm({ initialValues: { note: "", recordedOn: today(), nextFollowUpOn: "" } });
  const followUp = useVictimMutation(victimId, (v: typeof form.values) =>
    api("POST", `/api/assistance-referrals/${referral.id}/follow-ups`, {
      note: v.note,
      recordedOn: v.recordedOn,
      nextFollowUpOn: orNull(v.nextFollowUpOn),
    }),
  );
  const outcomeForm = useForm({ initialValues: { outcome: referral.outcome ?? "" } });
  const saveOutcome = useVictimMutation(victimId, (v: typeof outcomeForm.values) =>
    api("PATCH", `/api/assistance-referrals/${referral.id}`, {
      outcome: v.outcome.trim() || null,
      version: referral.version,
    }),
  );
  const steps = allowedReferralSteps(referral.status);
  return (
    <Stack gap={4} align="flex-end">
      <ProblemAlert error={step.error} />
      <Group gap={4} justify="flex-end">
        {steps.map((next) => (
          <Button
            key={next}
            size="xs"
            variant="subtle"
            loading={step.isPending && step.variables === next}
            onClick={() => step.mutate(next)}
          >
            {t(`victims.steps.${next}`)}
          </Button>
        ))}
        <DialogForm label={t("victims.recordOutcome")} variant="subtle" form={outcomeForm} mutation={saveOutcome}>
          <Textarea
            label={t("victims.outcome")}
            description={t("victims.outcomeHelp")}
            autosize
            minRows={2}
            {...outcomeForm.getInputProps("outcome")}
          />
        </DialogForm>
        {!["closed", "declined"].includes(referral.status) && (
          <DialogForm label={t("victims.addFollowUp")} variant="subtle" form={form} mutation={followUp}>
            <Textarea label={t("victims.followUpNote")} required autosize minRows={3} {...form.getInputProps("note")} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label={t("victims.recordedOn")} required {...form.getInputProps("recordedOn")} />
              <DateField label={t("victims.nextFollowUpOn")} {...form.getInputProps("nextFollowUpOn")} />
            </SimpleGrid>
          </DialogForm>
        )}
      </Group>
    </Stack>
  );
}

function ChildrenPanel({ victim }: { victim: VictimRecord }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { sex: "female", birthYear: "" as number | string, name: "", dateOfBirth: "" },
  });
  const save = useVictimMutation(victim.id, (v: typeof form.values) =>
    api("POST", `/api/victims/${victim.id}/children`, {
      sex: v.sex,
      birthYear: typeof v.birthYear === "number" ? v.birthYear : null,
      identity: v.name.trim() ? { name: v.name.trim(), dateOfBirth: orNull(v.dateOfBirth) } : null,
    }),
  );
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("victims.childrenTitle")}
        </Title>
        <DialogForm label={t("victims.addChild")} form={form} mutation={save} submitLabel={t("victims.addChild")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("victims.sex")}
              allowDeselect={false}
              data={victimSexes.map((value) => ({ value, label: t(`victims.sexes.${value}`) }))}
              {...form.getInputProps("sex")}
            />
            <NumberInput
              label={t("victims.birthYear")}
              min={1990}
              max={new Date().getFullYear()}
              allowDecimal={false}
              {...form.getInputProps("birthYear")}
            />
            <TextInput label={t("victims.name")} autoComplete="off" {...form.getInputProps("name")} />
            <DateField label={t("victims.dateOfBirth")} {...form.getInputProps("dateOfBirth")} />
          </SimpleGrid>
        </DialogForm>
      </Group>
      {victim.children.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("victims.noChildren")}
        </Text>
      ) : (
        <DataTable
          label={t("victims.childrenTitle")}
          minWidth={420}
          headers={[t("victims.code"), t("victims.sex"), t("victims.birthYear"), t("victims.support")]}
        >
          {victim.children.map((child) => (
            <Table.Tr key={child.id}>
              <Table.Td dir="ltr">{child.code}</Table.Td>
              <Table.Td>{t(`victims.sexes.${child.sex}`)}</Table.Td>
              <Table.Td>{child.birthYear ?? "—"}</Table.Td>
              <Table.Td>
                {victim.referrals
                  .filter((referral) => referral.childId === child.id)
                  .map((referral) => t(`victims.services.${referral.serviceType}`))
                  .join(", ") || "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}

/** On a case page: that victims exist (codes, sex, age group) — and for advocates, a way to register one. */
export function CaseVictims({
  caseId,
  missionCode,
  canRegister,
}: {
  caseId: string;
  missionCode: string;
  canRegister: boolean;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["case", caseId, "victims"],
    queryFn: () => api<CaseVictimList>("GET", `/api/cases/${caseId}/victims`),
  });
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("victims.onCase")}
        </Title>
        {canRegister && (
          <DialogButton label={t("victims.register")} title={t("victims.register")}>
            {(close) => <RegisterVictimForm onDone={close} fromCase={{ id: caseId, missionCode }} />}
          </DialogButton>
        )}
      </Group>
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("victims.noneOnCase")}>
        {(data) => (
          <Group gap="md">
            {data.items.map((item) => (
              <Text key={item.code} size="sm">
                <span dir="ltr">{item.code}</span> · {t(`victims.sexes.${item.sex}`)} ·{" "}
                {t(`victims.ageGroups.${item.ageGroup}`)}
              </Text>
            ))}
          </Group>
        )}
      </QueryView>
      <Text size="xs" c="gray.7" mt="xs">
        {t("victims.onCaseHelp")}
      </Text>
    </Paper>
  );
}
