// Paternity and child-support claims: the list (advocates and the States concerned), the panel on a
// victim's record, and the claim page with its DNA samples' chain of custody as a timeline, gaps
// and disorder flagged. The State works from codes; nothing here shows who the mother or child are.
import { DateField } from "../components/date-field.js";
import {
  Alert,
  Badge,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { custodyKinds, paternityOutcomes, supportFrequencies } from "../../domain/paternity.js";
import { useFormat } from "../format.js";
import { api } from "../api.js";
import { DataTable, FormActions, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useCountries } from "../reference-data.js";
import { useMe } from "../session.js";
import type { Claim, ListClaims } from "../../domain/contracts/paternity.js";
import type { ReadVictim } from "../../domain/contracts/victims.js";
import { DialogButton, DialogForm } from "../components/dialog.js";
import type { EnforcementRecord } from "../../domain/contracts/enforcement.js";

const today = () => new Date().toISOString().slice(0, 10);
const orNull = (text: string) => text.trim() || null;
const link = { color: "var(--mantine-color-blue-9)" };

function useClaimMutation<T>(request: (values: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["paternity"] }),
  });
}

function ClaimStatus({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  if (claim.closedOn)
    return (
      <Badge color="gray" variant="light">
        {t("paternity.closed")}
      </Badge>
    );
  if (claim.responseOverdue)
    return (
      <Badge color="red" variant="light">
        {t("paternity.responseOverdue")}
      </Badge>
    );
  if (claim.paymentsStopped)
    return (
      <Badge color="red" variant="light">
        {t("paternity.paymentsStopped")}
      </Badge>
    );
  if (claim.paternity) return <Badge variant="light">{t(`paternity.outcomes.${claim.paternity}`)}</Badge>;
  return (
    <Badge color="blue" variant="light">
      {t("paternity.open")}
    </Badge>
  );
}

function ClaimTable({ claims }: { claims: Claim[] }) {
  const { t } = useTranslation();
  const countries = useCountries();
  return (
    <DataTable
      label={t("paternity.title")}
      minWidth={720}
      headers={[
        t("paternity.child"),
        t("paternity.mother"),
        t("paternity.allegedFather"),
        t("cases.reference"),
        t("referrals.country"),
        t("paternity.notifiedOn"),
        t("victims.status"),
      ]}
    >
      {claims.map((claim) => (
        <Table.Tr key={claim.id}>
          <Table.Td>
            <Link to="/paternity/$claimId" params={{ claimId: claim.id }} dir="ltr" style={link}>
              {claim.childCode ?? "—"}
            </Link>
          </Table.Td>
          <Table.Td dir="ltr">{claim.victimCode}</Table.Td>
          <Table.Td dir="ltr">{claim.perpetratorCode}</Table.Td>
          <Table.Td dir="ltr">{claim.caseReference}</Table.Td>
          <Table.Td>{countries.nameOf(claim.countryCode)}</Table.Td>
          <Table.Td>{claim.notifiedOn}</Table.Td>
          <Table.Td>
            <ClaimStatus claim={claim} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export function PaternityList() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["paternity"],
    queryFn: () => api<ListClaims>("GET", "/api/paternity-claims"),
  });
  return (
    <>
      <PageHeader
        title={t("paternity.title")}
        intro={t(useMe().data?.role === "member_state_focal_point" ? "paternity.introState" : "paternity.intro")}
      />
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("paternity.empty")}>
        {(data) => <ClaimTable claims={data.items} />}
      </QueryView>
    </>
  );
}

type VictimForClaims = Pick<ReadVictim, "id" | "cases" | "children" | "consent">;

/** On the victim's record: her claims, and a way to open one. */
export function VictimClaims({ victim }: { victim: VictimForClaims }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["paternity", "victim", victim.id],
    queryFn: () => api<ListClaims>("GET", `/api/paternity-claims?victimId=${victim.id}`),
  });
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("paternity.title")}
        </Title>
        {victim.children.length > 0 && victim.cases.length > 0 && (
          <DialogButton label={t("paternity.openClaim")} title={t("paternity.openClaim")}>
            {(close) => <OpenClaimForm victim={victim} onDone={close} />}
          </DialogButton>
        )}
      </Group>
      <QueryView
        query={query}
        isEmpty={(data) => data.items.length === 0}
        empty={victim.children.length === 0 ? t("paternity.needsChild") : t("paternity.none")}
      >
        {(data) => <ClaimTable claims={data.items} />}
      </QueryView>
    </Paper>
  );
}

function OpenClaimForm({ victim, onDone }: { victim: VictimForClaims; onDone: () => void }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const form = useForm({
    initialValues: {
      childId: victim.children[0]?.id ?? "",
      caseId: victim.cases[0]?.id ?? "",
      perpetratorId: "",
      notifiedOn: today(),
    },
  });
  const perpetrators = useQuery({
    queryKey: ["case", form.values.caseId, "enforcement"],
    queryFn: () => api<EnforcementRecord>("GET", `/api/cases/${form.values.caseId}/enforcement`),
    enabled: Boolean(form.values.caseId),
  });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      api("POST", `/api/victims/${victim.id}/paternity-claims`, {
        childId: v.childId,
        perpetratorId: v.perpetratorId,
        notifiedOn: v.notifiedOn,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["paternity"] });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        {!victim.consent.inForce.member_state && <Alert color="yellow">{t("paternity.needsConsent")}</Alert>}
        <ProblemAlert error={save.error ?? perpetrators.error} />
        <Select
          label={t("paternity.child")}
          required
          allowDeselect={false}
          data={victim.children.map((child) => ({ value: child.id, label: child.code }))}
          {...form.getInputProps("childId")}
        />
        <Select
          label={t("victims.cases")}
          required
          allowDeselect={false}
          data={victim.cases.map((item) => ({ value: item.id, label: item.reference }))}
          {...form.getInputProps("caseId")}
        />
        <Select
          label={t("paternity.allegedFather")}
          required
          allowDeselect={false}
          data={(perpetrators.data?.perpetrators ?? []).map((p) => ({
            value: p.id,
            label: `${p.code} · ${countries.nameOf(p.nationalityCode) || "—"}`,
          }))}
          {...form.getInputProps("perpetratorId")}
        />
        <DateField label={t("paternity.notifiedOn")} required {...form.getInputProps("notifiedOn")} />
        <FormActions onCancel={onDone} submitLabel={t("paternity.openClaim")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

export function ClaimPage() {
  const { t } = useTranslation();
  const countries = useCountries();
  const { claimId } = useParams({ from: "/paternity/$claimId" });
  const query = useQuery({
    queryKey: ["paternity", claimId],
    queryFn: () => api<Claim>("GET", `/api/paternity-claims/${claimId}`),
  });
  return (
    <QueryView query={query}>
      {(claim) => (
        <Stack>
          {claim.victimId ? (
            <Link to="/victims/$victimId" params={{ victimId: claim.victimId }} style={link}>
              {t("paternity.backToVictim", { code: claim.victimCode })}
            </Link>
          ) : (
            <Link to="/paternity" style={link}>
              {t("paternity.back")}
            </Link>
          )}
          <PageHeader
            title={t("paternity.claimTitle", { child: claim.childCode ?? "—" })}
            intro={`${claim.caseReference} · ${claim.perpetratorCode} · ${countries.nameOf(claim.countryCode)}`}
          />
          <Group>
            <ClaimStatus claim={claim} />
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <StatePanel claim={claim} />
            <OutcomePanel claim={claim} />
          </SimpleGrid>
          <SamplesPanel claim={claim} />
          {claim.support && <PaymentsPanel claim={claim} />}
        </Stack>
      )}
    </QueryView>
  );
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" fw={600} miw={170}>
        {label}
      </Text>
      <Text size="sm">{value || "—"}</Text>
    </Group>
  );
}

function StatePanel({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      focalPointName: claim.focalPointName ?? "",
      focalPointAppointedOn: claim.focalPointAppointedOn ?? today(),
    },
  });
  const save = useClaimMutation((v: typeof form.values) =>
    api("PATCH", `/api/paternity-claims/${claim.id}`, {
      focalPointName: orNull(v.focalPointName),
      focalPointAppointedOn: orNull(v.focalPointAppointedOn),
      version: claim.version,
    }),
  );
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("paternity.state")}
        </Title>
        {!claim.closedOn && (
          <DialogForm label={t("paternity.recordFocalPoint")} form={form} mutation={save}>
            <TextInput label={t("paternity.focalPoint")} required {...form.getInputProps("focalPointName")} />
            <DateField label={t("paternity.appointedOn")} required {...form.getInputProps("focalPointAppointedOn")} />
          </DialogForm>
        )}
      </Group>
      <Stack gap={4}>
        <Fact label={t("paternity.notifiedOn")} value={claim.notifiedOn} />
        <Fact label={t("paternity.responseDue")} value={claim.responseDueOn} />
        <Fact
          label={t("paternity.focalPoint")}
          value={claim.focalPointName ? `${claim.focalPointName} (${claim.focalPointAppointedOn ?? "—"})` : null}
        />
      </Stack>
    </Paper>
  );
}

function OutcomePanel({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const outcome = useForm({
    initialValues: {
      paternity: claim.paternity ?? "established",
      paternityDecidedOn: claim.paternityDecidedOn ?? today(),
    },
  });
  const support = useForm({
    initialValues: {
      amount: (claim.support?.amount ?? "") as number | string,
      currency: claim.support?.currency ?? "USD",
      frequency: claim.support?.frequency ?? "monthly",
      authority: claim.support?.authority ?? "",
      orderedOn: claim.support?.orderedOn ?? today(),
    },
  });
  const saveOutcome = useClaimMutation((v: typeof outcome.values) =>
    api("PATCH", `/api/paternity-claims/${claim.id}`, { ...v, version: claim.version }),
  );
  const saveSupport = useClaimMutation((v: typeof support.values) =>
    api("PATCH", `/api/paternity-claims/${claim.id}`, {
      support: { ...v, amount: Number(v.amount) },
      version: claim.version,
    }),
  );
  const close = useClaimMutation(() =>
    api("PATCH", `/api/paternity-claims/${claim.id}`, { closedOn: today(), version: claim.version }),
  );
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("paternity.outcome")}
        </Title>
        {!claim.closedOn && (
          <Group gap="xs">
            <DialogButton label={t("paternity.recordOutcome")} title={t("paternity.recordOutcome")}>
              {(done) => (
                <form onSubmit={outcome.onSubmit((values) => saveOutcome.mutate(values, { onSuccess: done }))}>
                  <Stack>
                    <ProblemAlert error={saveOutcome.error} />
                    <Select
                      label={t("paternity.outcome")}
                      allowDeselect={false}
                      data={paternityOutcomes.map((value) => ({ value, label: t(`paternity.outcomes.${value}`) }))}
                      {...outcome.getInputProps("paternity")}
                    />
                    <DateField
                      label={t("paternity.decidedOn")}
                      required
                      {...outcome.getInputProps("paternityDecidedOn")}
                    />
                    <FormActions onCancel={done} submitLabel={t("app.save")} loading={saveOutcome.isPending} />
                  </Stack>
                </form>
              )}
            </DialogButton>
            {claim.paternity === "established" && (
              <DialogButton label={t("paternity.recordSupport")} title={t("paternity.recordSupport")}>
                {(done) => (
                  <form onSubmit={support.onSubmit((values) => saveSupport.mutate(values, { onSuccess: done }))}>
                    <Stack>
                      <ProblemAlert error={saveSupport.error} />
                      <SimpleGrid cols={{ base: 1, sm: 2 }}>
                        <NumberInput
                          label={t("paternity.amount")}
                          required
                          min={1}
                          allowDecimal={false}
                          {...support.getInputProps("amount")}
                        />
                        <TextInput
                          label={t("paternity.currency")}
                          required
                          maxLength={3}
                          dir="ltr"
                          {...support.getInputProps("currency")}
                        />
                        <Select
                          label={t("paternity.frequency")}
                          allowDeselect={false}
                          data={supportFrequencies.map((value) => ({
                            value,
                            label: t(`paternity.frequencies.${value}`),
                          }))}
                          {...support.getInputProps("frequency")}
                        />
                        <DateField label={t("paternity.orderedOn")} required {...support.getInputProps("orderedOn")} />
                      </SimpleGrid>
                      <TextInput label={t("paternity.authority")} required {...support.getInputProps("authority")} />
                      <FormActions onCancel={done} submitLabel={t("app.save")} loading={saveSupport.isPending} />
                    </Stack>
                  </form>
                )}
              </DialogButton>
            )}
          </Group>
        )}
      </Group>
      <Stack gap={4}>
        <ProblemAlert error={close.error} />
        <Fact
          label={t("paternity.outcome")}
          value={
            claim.paternity
              ? `${t(`paternity.outcomes.${claim.paternity}`)} (${claim.paternityDecidedOn ?? "—"})`
              : null
          }
        />
        <Fact
          label={t("paternity.support")}
          value={
            claim.support
              ? `${claim.support.amount} ${claim.support.currency} · ${t(`paternity.frequencies.${claim.support.frequency}`)} · ${claim.support.authority} (${claim.support.orderedOn})`
              : null
          }
        />
        {claim.nextPaymentDue && <Fact label={t("paternity.nextPayment")} value={claim.nextPaymentDue} />}
        <Text size="xs" c="gray.7" mt="xs">
          {t("paternity.afterService")}
        </Text>
        {!claim.closedOn && me?.role === "victim_assistance" && (
          <Group justify="flex-end">
            <DialogButton label={t("paternity.close")} title={t("paternity.close")} variant="subtle">
              {(done) => (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    close.mutate(undefined, { onSuccess: done });
                  }}
                >
                  <Stack>
                    <Text size="sm">{t("paternity.closeHelp")}</Text>
                    <FormActions onCancel={done} submitLabel={t("paternity.close")} loading={close.isPending} />
                  </Stack>
                </form>
              )}
            </DialogButton>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function SamplesPanel({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useForm({ initialValues: { donor: claim.canTakeSamplesOf[0] ?? "mother", sampleCode: "" } });
  const add = useClaimMutation((v: typeof form.values) => api("POST", `/api/paternity-claims/${claim.id}/samples`, v));
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("paternity.samples")}
        </Title>
        {claim.canTakeSamplesOf.length > 0 && (
          <DialogForm
            label={t("paternity.addSample")}
            form={form}
            mutation={add}
            submitLabel={t("paternity.addSample")}
          >
            <Select
              label={t("paternity.donor")}
              allowDeselect={false}
              data={claim.canTakeSamplesOf.map((value) => ({ value, label: t(`paternity.donors.${value}`) }))}
              {...form.getInputProps("donor")}
            />
            <TextInput label={t("paternity.sampleCode")} required dir="ltr" {...form.getInputProps("sampleCode")} />
          </DialogForm>
        )}
      </Group>
      {claim.samples.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("paternity.noSamples")}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: Math.min(3, claim.samples.length) }}>
          {claim.samples.map((sample) => (
            <Paper key={sample.id} withBorder p="md">
              <Group justify="space-between" mb="xs">
                <div>
                  <Text fw={600}>{t(`paternity.donors.${sample.donor}`)}</Text>
                  <Text size="xs" c="gray.7" dir="ltr">
                    {sample.sampleCode}
                  </Text>
                </div>
                {sample.can.recordStep && (
                  <DialogButton
                    label={t("paternity.addStep")}
                    title={t("paternity.addStepTitle", { code: sample.sampleCode })}
                  >
                    {(close) => <CustodyForm sampleId={sample.id} onDone={close} />}
                  </DialogButton>
                )}
              </Group>
              {sample.flags.map((flag) => (
                <Alert key={`${flag.eventId}-${flag.problem}-${flag.kind}`} color="red" p="xs" mb="xs">
                  {t(`paternity.flags.${flag.problem}`, { step: t(`paternity.kinds.${flag.kind}`) })}
                </Alert>
              ))}
              {sample.detailWithheld && sample.events.length > 0 && (
                <Text size="xs" c="gray.7" mb="xs">
                  {t("paternity.detailWithheld")}
                </Text>
              )}
              {sample.events.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t("paternity.noSteps")}
                </Text>
              ) : (
                <Timeline active={sample.events.length - 1} bulletSize={14} lineWidth={2}>
                  {sample.events.map((event) => (
                    <Timeline.Item
                      key={event.id}
                      title={t(`paternity.kinds.${event.kind}`)}
                      color={sample.flags.some((flag) => flag.eventId === event.id) ? "red" : "blue"}
                    >
                      <Text size="xs" c="gray.7">
                        {format.dateTime(event.occurredAt)}
                        {event.byWhom ? ` · ${event.byWhom}` : ""}
                        {event.place ? ` · ${event.place}` : ""}
                      </Text>
                      {event.kitNumber && (
                        <Text size="xs" dir="ltr">
                          {t("paternity.kit")}: {event.kitNumber}
                        </Text>
                      )}
                      {(event.fromParty || event.toParty) && (
                        <Text size="xs">{[event.fromParty, event.toParty].filter(Boolean).join(" → ")}</Text>
                      )}
                      {event.result && (
                        <Text size="sm" fw={600}>
                          {event.result}
                        </Text>
                      )}
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}

function CustodyForm({ sampleId, onDone }: { sampleId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const form = useForm({
    initialValues: {
      kind: "collected",
      occurredAt: now,
      byWhom: "",
      place: "",
      kitNumber: "",
      fromParty: "",
      toParty: "",
      result: "",
    },
  });
  const save = useClaimMutation((v: typeof form.values) =>
    api("POST", `/api/dna-samples/${sampleId}/events`, {
      kind: v.kind,
      occurredAt: new Date(v.occurredAt).toISOString(),
      byWhom: v.byWhom,
      place: orNull(v.place),
      kitNumber: orNull(v.kitNumber),
      fromParty: orNull(v.fromParty),
      toParty: orNull(v.toParty),
      result: orNull(v.result),
    }),
  );
  const kind = form.values.kind;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values, { onSuccess: onDone }))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Select
          label={t("paternity.step")}
          allowDeselect={false}
          data={custodyKinds.map((value) => ({ value, label: t(`paternity.kinds.${value}`) }))}
          {...form.getInputProps("kind")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("paternity.when")} type="datetime-local" required {...form.getInputProps("occurredAt")} />
          <TextInput label={t("paternity.byWhom")} required {...form.getInputProps("byWhom")} />
          <TextInput label={t("paternity.place")} {...form.getInputProps("place")} />
          {kind === "collected" && (
            <TextInput label={t("paternity.kit")} required dir="ltr" {...form.getInputProps("kitNumber")} />
          )}
          {kind === "transferred" && (
            <TextInput label={t("paternity.from")} required {...form.getInputProps("fromParty")} />
          )}
          {["transferred", "received_by_laboratory", "sealed"].includes(kind) && (
            <TextInput label={t("paternity.to")} required={kind === "transferred"} {...form.getInputProps("toParty")} />
          )}
        </SimpleGrid>
        {kind === "result" && <TextInput label={t("paternity.result")} required {...form.getInputProps("result")} />}
        <FormActions onCancel={onDone} submitLabel={t("paternity.addStep")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function PaymentsPanel({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      paidOn: today(),
      amount: (claim.support?.amount ?? "") as number | string,
      currency: claim.support?.currency ?? "USD",
    },
  });
  const save = useClaimMutation((v: typeof form.values) =>
    api("POST", `/api/paternity-claims/${claim.id}/payments`, { ...v, amount: Number(v.amount) }),
  );
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("paternity.payments")}
        </Title>
        {!claim.closedOn && (
          <DialogForm
            label={t("paternity.recordPayment")}
            form={form}
            mutation={save}
            submitLabel={t("paternity.recordPayment")}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField label={t("paternity.paidOn")} required {...form.getInputProps("paidOn")} />
              <NumberInput
                label={t("paternity.amount")}
                required
                min={1}
                allowDecimal={false}
                {...form.getInputProps("amount")}
              />
              <TextInput
                label={t("paternity.currency")}
                required
                maxLength={3}
                dir="ltr"
                {...form.getInputProps("currency")}
              />
            </SimpleGrid>
          </DialogForm>
        )}
      </Group>
      {claim.paymentsStopped && (
        <Alert color="red" mb="sm">
          {t("paternity.stoppedHelp", { date: claim.nextPaymentDue })}
        </Alert>
      )}
      {claim.payments.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("paternity.noPayments")}
        </Text>
      ) : (
        <DataTable
          label={t("paternity.payments")}
          minWidth={320}
          headers={[t("paternity.paidOn"), t("paternity.amount")]}
        >
          {claim.payments.map((payment) => (
            <Table.Tr key={payment.id}>
              <Table.Td>{payment.paidOn}</Table.Td>
              <Table.Td>
                {payment.amount} {payment.currency}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}
