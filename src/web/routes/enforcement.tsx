// The enforcement record on a case page: who is implicated (codes; identity on request with a
// reason), the investigations with their clock, progress and findings per person, and the actions.
// What each person may do comes from the server's `can`; nothing here re-derives it.
import { DateField } from "../components/date-field.js";
import type { RevealPending } from "../../domain/contracts/reveals.js";
import { RevealReasonField, RevealWaiting } from "./reveal-requests.js";
import { CaseCommandSection } from "./command.js";
import { CaseProceedingsSection } from "./proceedings.js";
import {
  Badge,
  Group,
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
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  actionStages,
  actionTakers,
  finalActionKinds,
  findingOutcomes,
  interimActionKinds,
  investigatingEntities,
  entityNeedsCountry,
} from "../../domain/enforcement.js";
import { api } from "../api.js";
import { DialogButton } from "../components/dialog.js";
import { DataTable, FormActions, ProblemAlert, QueryView } from "../components/page.js";
import type { EnforcementRecord as Enforcement } from "../../domain/contracts/enforcement.js";
import { useCountries, usePersonnelCategories } from "../reference-data.js";

type Perpetrator = Enforcement["perpetrators"][number];
type Investigation = Enforcement["investigations"][number];
type Action = Enforcement["actions"][number];

const today = () => new Date().toISOString().slice(0, 10);
const orNull = (text: string) => text.trim() || null;

/** A mutation that refreshes the case (and its record) when it succeeds, then runs `done`. */
function useCaseMutation<T>(caseId: string, request: (values: T) => Promise<unknown>, done?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["case", caseId] });
      done?.();
    },
  });
}

export function EnforcementSections({
  caseId,
  missionCode,
  status,
  nationalityCodes,
}: {
  caseId: string;
  missionCode: string;
  status: string;
  nationalityCodes: string[];
}) {
  const query = useQuery({
    queryKey: ["case", caseId, "enforcement"],
    queryFn: () => api<Enforcement>("GET", `/api/cases/${caseId}/enforcement`),
  });
  return (
    <QueryView query={query}>
      {(record) => (
        <>
          <Perpetrators caseId={caseId} record={record} nationalityCodes={nationalityCodes} />
          {record.perpetrators.length > 0 && (
            <CaseCommandSection caseId={caseId} missionCode={missionCode} record={record} />
          )}
          <Investigations caseId={caseId} record={record} status={status} nationalityCodes={nationalityCodes} />
          <Actions caseId={caseId} record={record} />
          {record.perpetrators.length > 0 && <CaseProceedingsSection caseId={caseId} />}
        </>
      )}
    </QueryView>
  );
}

function Perpetrators({
  caseId,
  record,
  nationalityCodes,
}: {
  caseId: string;
  record: Enforcement;
  nationalityCodes: string[];
}) {
  const { t } = useTranslation();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("enforcement.perpetrators")}
        </Title>
        {record.can.addPerpetrator && (
          <DialogButton label={t("enforcement.addPerpetrator")} title={t("enforcement.addPerpetrator")}>
            {(close) => <PerpetratorForm caseId={caseId} nationalityCode={nationalityCodes[0] ?? ""} onDone={close} />}
          </DialogButton>
        )}
      </Group>
      {record.perpetrators.length === 0 ? (
        <Text c="gray.7">{t("enforcement.noPerpetrators")}</Text>
      ) : (
        <DataTable
          label={t("enforcement.perpetrators")}
          minWidth={560}
          headers={[
            t("enforcement.code"),
            t("cases.categories"),
            t("cases.nationalities"),
            t("enforcement.unit"),
            t("enforcement.identity"),
          ]}
        >
          {record.perpetrators.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td dir="ltr">{p.code}</Table.Td>
              <Table.Td>{categories.labelOf(p.categoryCode)}</Table.Td>
              <Table.Td>{countries.nameOf(p.nationalityCode) || "—"}</Table.Td>
              <Table.Td>{p.unit ?? "—"}</Table.Td>
              <Table.Td>
                {p.can.revealIdentity ? (
                  <RevealIdentity perpetrator={p} />
                ) : (
                  <Text size="sm" c="gray.7">
                    {p.identityRecorded ? t("enforcement.identityProtected") : t("enforcement.identityNotRecorded")}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}

/** The nationality starts as the case's (the usual case: one contingent); the officer can change it. */
function PerpetratorForm({
  caseId,
  nationalityCode,
  onDone,
}: {
  caseId: string;
  nationalityCode: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const form = useForm({
    initialValues: { categoryCode: "MIL_MC", nationalityCode, unit: "", name: "", rank: "", serviceNumber: "" },
  });
  const save = useCaseMutation(
    caseId,
    (v: typeof form.values) =>
      api("POST", `/api/cases/${caseId}/perpetrators`, {
        categoryCode: v.categoryCode,
        nationalityCode: orNull(v.nationalityCode),
        unit: orNull(v.unit),
        identity: v.name.trim()
          ? { name: v.name.trim(), rank: orNull(v.rank), serviceNumber: orNull(v.serviceNumber) }
          : null,
      }),
    onDone,
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Select
          label={t("cases.categories")}
          allowDeselect={false}
          data={categories.options}
          {...form.getInputProps("categoryCode")}
        />
        <Select
          label={t("cases.nationalities")}
          searchable
          clearable
          data={countries.stateChoices}
          {...form.getInputProps("nationalityCode")}
        />
        <TextInput label={t("enforcement.unit")} {...form.getInputProps("unit")} />
        <Text size="sm" c="gray.7">
          {t("enforcement.identityHelp")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t("enforcement.name")} {...form.getInputProps("name")} />
          <TextInput label={t("enforcement.rank")} {...form.getInputProps("rank")} />
          <TextInput label={t("enforcement.serviceNumber")} {...form.getInputProps("serviceNumber")} />
        </SimpleGrid>
        <FormActions onCancel={onDone} submitLabel={t("enforcement.addPerpetrator")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function RevealIdentity({ perpetrator }: { perpetrator: Perpetrator }) {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<{ name: string; rank: string | null; serviceNumber: string | null } | null>(
    null,
  );
  const [pending, setPending] = useState<RevealPending | null>(null);
  const form = useForm({ initialValues: { reason: "" } });
  const reveal = useMutation({
    mutationFn: (reason: string) =>
      api<NonNullable<typeof identity> | RevealPending>("POST", `/api/perpetrators/${perpetrator.id}/identity`, {
        reason,
      }),
    onSuccess: (answer) => ("approval" in answer ? setPending(answer) : setIdentity(answer)),
  });
  if (identity)
    return <Text size="sm">{[identity.rank, identity.name, identity.serviceNumber].filter(Boolean).join(" · ")}</Text>;
  return (
    <>
      <RevealWaiting pending={pending} />
      <DialogButton
        label={t("enforcement.reveal")}
        title={t("enforcement.revealTitle", { code: perpetrator.code })}
        variant="default"
      >
        {(close) => (
          <form onSubmit={form.onSubmit((values) => reveal.mutate(values.reason, { onSuccess: close }))}>
            <Stack>
              <Text size="sm">{t("enforcement.revealHelp")}</Text>
              <ProblemAlert error={reveal.error} />
              <RevealReasonField {...form.getInputProps("reason")} />
              <FormActions onCancel={close} submitLabel={t("enforcement.reveal")} loading={reveal.isPending} />
            </Stack>
          </form>
        )}
      </DialogButton>
    </>
  );
}

function Investigations({
  caseId,
  record,
  status,
  nationalityCodes,
}: {
  caseId: string;
  record: Enforcement;
  status: string;
  nationalityCodes: string[];
}) {
  const { t } = useTranslation();
  const mayOpen = record.can.openInvestigation && ["referred", "under_investigation"].includes(status);
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("enforcement.investigations")}
        </Title>
        {mayOpen && (
          <DialogButton label={t("enforcement.openInvestigation")} title={t("enforcement.openInvestigation")}>
            {(close) => <OpenInvestigationForm caseId={caseId} nationalityCodes={nationalityCodes} onDone={close} />}
          </DialogButton>
        )}
      </Group>
      {record.investigations.length === 0 ? (
        <Text c="gray.7">{t("enforcement.noInvestigations")}</Text>
      ) : (
        <Stack>
          {record.investigations.map((investigation) => (
            <InvestigationCard
              key={investigation.id}
              caseId={caseId}
              investigation={investigation}
              perpetrators={record.perpetrators}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function OpenInvestigationForm({
  caseId,
  nationalityCodes,
  onDone,
}: {
  caseId: string;
  nationalityCodes: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const countries = useCountries();
  const form = useForm({
    initialValues: {
      entity: "oios" as (typeof investigatingEntities)[number],
      countryCode: nationalityCodes[0] ?? "",
      investigators: "",
      startedOn: today(),
    },
  });
  const save = useCaseMutation(
    caseId,
    (v: typeof form.values) =>
      api("POST", `/api/cases/${caseId}/investigations`, {
        entity: v.entity,
        countryCode: entityNeedsCountry(v.entity) ? orNull(v.countryCode) : null,
        investigators: orNull(v.investigators),
        startedOn: v.startedOn,
      }),
    onDone,
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Select
          label={t("enforcement.entity")}
          allowDeselect={false}
          data={investigatingEntities.map((e) => ({ value: e, label: t(`enforcement.entities.${e}`) }))}
          {...form.getInputProps("entity")}
        />
        {entityNeedsCountry(form.values.entity) && (
          <Select
            label={t("enforcement.nioState")}
            allowDeselect={false}
            data={nationalityCodes.map((code) => ({ value: code, label: countries.nameOf(code) }))}
            {...form.getInputProps("countryCode")}
          />
        )}
        <TextInput label={t("enforcement.investigators")} {...form.getInputProps("investigators")} />
        <DateField label={t("enforcement.startedOn")} required {...form.getInputProps("startedOn")} />
        <Text size="sm" c="gray.7">
          {t("enforcement.clockHelp")}
        </Text>
        <FormActions onCancel={onDone} submitLabel={t("enforcement.openInvestigation")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

function InvestigationCard({
  caseId,
  investigation: inv,
  perpetrators,
}: {
  caseId: string;
  investigation: Investigation;
  perpetrators: Perpetrator[];
}) {
  const { t } = useTranslation();
  const countries = useCountries();
  const finding = useCaseMutation(caseId, ({ perpetratorId, value }: { perpetratorId: string; value: string }) =>
    api("PUT", `/api/investigations/${inv.id}/findings/${perpetratorId}`, { finding: value, recordedOn: today() }),
  );
  const title = `${t(`enforcement.entities.${inv.entity}`)}${inv.countryCode ? ` — ${countries.nameOf(inv.countryCode)}` : ""}`;
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {inv.completedOn ? (
          <Badge color="green" variant="light">
            {t("enforcement.completed")}
          </Badge>
        ) : inv.daysOverdue > 0 ? (
          <Badge color="red" variant="light">
            {t("referrals.daysOverdue", { count: inv.daysOverdue })}
          </Badge>
        ) : (
          <Badge variant="light">{t("enforcement.underway")}</Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm">
        <Fact label={t("enforcement.startedOn")}>{inv.startedOn}</Fact>
        <Fact label={t("enforcement.dueOn")}>{inv.dueOn}</Fact>
        <Fact label={t("enforcement.duration")}>{t("enforcement.days", { count: inv.durationDays })}</Fact>
        <Fact label={t("enforcement.completedOn")}>{inv.completedOn ?? "—"}</Fact>
        <Fact label={t("enforcement.investigators")}>{inv.investigators ?? "—"}</Fact>
        <Fact label={t("enforcement.reportReceivedOn")}>{inv.reportReceivedOn ?? "—"}</Fact>
      </SimpleGrid>
      {inv.extensions.map((e) => (
        <Text key={e.newDueOn} size="sm" c="gray.7">
          {t("enforcement.extended", { days: e.days, from: e.previousDueOn, to: e.newDueOn, reason: e.reason })}
        </Text>
      ))}
      <Title order={4} size="h6" mt="sm" mb={4}>
        {t("enforcement.findings")}
      </Title>
      <ProblemAlert error={finding.error} />
      {perpetrators.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("enforcement.noPerpetrators")}
        </Text>
      ) : (
        <Stack gap={6}>
          {perpetrators.map((p) => {
            const current = inv.findings.find((f) => f.perpetratorId === p.id);
            return inv.can.work ? (
              <Select
                key={p.id}
                label={p.code}
                placeholder={t("enforcement.noFinding")}
                data={findingOutcomes.map((f) => ({ value: f, label: t(`enforcement.outcomes.${f}`) }))}
                value={current?.finding ?? null}
                allowDeselect={false}
                onChange={(value) => value && finding.mutate({ perpetratorId: p.id, value })}
                maw={420}
              />
            ) : (
              <Text key={p.id} size="sm">
                <span dir="ltr">{p.code}</span>:{" "}
                {current ? t(`enforcement.outcomes.${current.finding}`) : t("enforcement.noFinding")}
              </Text>
            );
          })}
        </Stack>
      )}
      <Title order={4} size="h6" mt="md" mb={4}>
        {t("enforcement.progress")}
      </Title>
      {inv.updates.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("enforcement.noProgress")}
        </Text>
      ) : (
        inv.updates.map((u) => (
          <Text key={u.at} size="sm">
            {u.at.slice(0, 10)} — {u.note}
          </Text>
        ))
      )}
      {(inv.can.work || inv.can.extend) && (
        <Group mt="sm">
          {inv.can.work && (
            <DialogButton label={t("enforcement.reportProgress")} title={t("enforcement.reportProgress")}>
              {(close) => <ProgressForm caseId={caseId} investigation={inv} onDone={close} />}
            </DialogButton>
          )}
          {inv.can.work && !inv.completedOn && (
            <DialogButton label={t("enforcement.complete")} title={t("enforcement.complete")}>
              {(close) => <CompleteForm caseId={caseId} investigation={inv} onDone={close} />}
            </DialogButton>
          )}
          {inv.can.extend && (
            <DialogButton label={t("enforcement.extend")} title={t("enforcement.extend")}>
              {(close) => (
                <ExtendForm caseId={caseId} url={`/api/investigations/${inv.id}/extensions`} onDone={close} />
              )}
            </DialogButton>
          )}
        </Group>
      )}
    </Paper>
  );
}

function ProgressForm({
  caseId,
  investigation,
  onDone,
}: {
  caseId: string;
  investigation: Investigation;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { note: "" } });
  const save = useCaseMutation(
    caseId,
    (v: typeof form.values) => api("POST", `/api/investigations/${investigation.id}/updates`, { note: v.note }),
    onDone,
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Textarea label={t("enforcement.progressNote")} required autosize minRows={3} {...form.getInputProps("note")} />
        <FormActions onCancel={onDone} submitLabel={t("app.save")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function CompleteForm({
  caseId,
  investigation,
  onDone,
}: {
  caseId: string;
  investigation: Investigation;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { completedOn: today(), reportReceivedOn: today() } });
  const save = useCaseMutation(
    caseId,
    (v: typeof form.values) =>
      api("PATCH", `/api/investigations/${investigation.id}`, {
        completedOn: v.completedOn,
        reportReceivedOn: orNull(v.reportReceivedOn),
        version: investigation.version,
      }),
    onDone,
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <DateField label={t("enforcement.completedOn")} required {...form.getInputProps("completedOn")} />
        <DateField label={t("enforcement.reportReceivedOn")} {...form.getInputProps("reportReceivedOn")} />
        <FormActions onCancel={onDone} submitLabel={t("enforcement.complete")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

/** Extends a deadline (an investigation's or a State's reply) by days, with the reason on record. */
export function ExtendForm({ caseId, url, onDone }: { caseId: string; url: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { days: 30, reason: "" } });
  const save = useCaseMutation(
    caseId,
    (v: typeof form.values) => api("POST", url, { days: v.days, reason: v.reason }),
    onDone,
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <NumberInput
          label={t("enforcement.extensionDays")}
          min={1}
          max={365}
          required
          {...form.getInputProps("days")}
        />
        <Textarea label={t("enforcement.reason")} required autosize minRows={2} {...form.getInputProps("reason")} />
        <FormActions onCancel={onDone} submitLabel={t("enforcement.extend")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function Actions({ caseId, record }: { caseId: string; record: Enforcement }) {
  const { t } = useTranslation();
  const codeOf = (id: string) => record.perpetrators.find((p) => p.id === id)?.code ?? "—";
  const detail = (a: Action) =>
    a.amount !== null
      ? `${a.amount.toLocaleString()} ${a.currency}`
      : a.months !== null
        ? t("enforcement.months", { count: a.months })
        : "";
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("enforcement.actions")}
        </Title>
        {record.can.recordAction && record.perpetrators.length > 0 && (
          <DialogButton label={t("enforcement.recordAction")} title={t("enforcement.recordAction")}>
            {(close) => <ActionForm caseId={caseId} perpetrators={record.perpetrators} onDone={close} />}
          </DialogButton>
        )}
      </Group>
      {record.actions.length === 0 ? (
        <Text c="gray.7">{t("enforcement.noActions")}</Text>
      ) : (
        <DataTable
          label={t("enforcement.actions")}
          minWidth={620}
          headers={[
            t("enforcement.code"),
            t("enforcement.stage"),
            t("enforcement.takenBy"),
            t("enforcement.kind"),
            t("enforcement.decidedOn"),
            t("enforcement.detail"),
          ]}
        >
          {record.actions.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td dir="ltr">{codeOf(a.perpetratorId)}</Table.Td>
              <Table.Td>{t(`enforcement.stages.${a.stage}`)}</Table.Td>
              <Table.Td>{t(`enforcement.takers.${a.takenBy}`)}</Table.Td>
              <Table.Td>{t(`enforcement.kinds.${a.kind}`)}</Table.Td>
              <Table.Td>{a.decidedOn}</Table.Td>
              <Table.Td>{detail(a)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}

function ActionForm({
  caseId,
  perpetrators,
  onDone,
}: {
  caseId: string;
  perpetrators: Perpetrator[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      perpetratorId: perpetrators[0].id,
      stage: "interim" as (typeof actionStages)[number],
      takenBy: "un" as (typeof actionTakers)[number],
      kind: "repatriation",
      decidedOn: today(),
      amount: "" as number | "",
      currency: "USD",
      months: "" as number | "",
      details: "",
    },
  });
  const kinds = form.values.stage === "interim" ? interimActionKinds : finalActionKinds;
  const needsAmount = form.values.kind === "payment_suspension" || form.values.kind === "fine";
  const save = useCaseMutation(
    caseId,
    (v: typeof form.values) =>
      api("POST", `/api/cases/${caseId}/actions`, {
        perpetratorId: v.perpetratorId,
        stage: v.stage,
        takenBy: v.takenBy,
        kind: v.kind,
        decidedOn: v.decidedOn,
        amount: needsAmount && v.amount !== "" ? v.amount : null,
        currency: needsAmount ? v.currency : null,
        months: v.kind === "imprisonment" && v.months !== "" ? v.months : null,
        details: orNull(v.details),
      }),
    onDone,
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Select
          label={t("enforcement.code")}
          allowDeselect={false}
          data={perpetrators.map((p) => ({ value: p.id, label: p.code }))}
          {...form.getInputProps("perpetratorId")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("enforcement.stage")}
            allowDeselect={false}
            data={actionStages.map((s) => ({ value: s, label: t(`enforcement.stages.${s}`) }))}
            {...form.getInputProps("stage")}
            onChange={(value) =>
              form.setValues({
                stage: value as (typeof actionStages)[number],
                kind: value === "interim" ? interimActionKinds[0] : finalActionKinds[0],
              })
            }
          />
          <Select
            label={t("enforcement.takenBy")}
            allowDeselect={false}
            data={actionTakers.map((s) => ({ value: s, label: t(`enforcement.takers.${s}`) }))}
            {...form.getInputProps("takenBy")}
          />
        </SimpleGrid>
        <Select
          label={t("enforcement.kind")}
          allowDeselect={false}
          data={kinds.map((k) => ({ value: k, label: t(`enforcement.kinds.${k}`) }))}
          {...form.getInputProps("kind")}
        />
        <DateField label={t("enforcement.decidedOn")} required {...form.getInputProps("decidedOn")} />
        {needsAmount && (
          <SimpleGrid cols={2}>
            <NumberInput label={t("enforcement.amount")} min={1} required {...form.getInputProps("amount")} />
            <TextInput label={t("enforcement.currency")} maxLength={3} required {...form.getInputProps("currency")} />
          </SimpleGrid>
        )}
        {form.values.kind === "imprisonment" && (
          <NumberInput label={t("enforcement.monthsLabel")} min={1} required {...form.getInputProps("months")} />
        )}
        <Textarea label={t("enforcement.details")} autosize minRows={2} {...form.getInputProps("details")} />
        <FormActions onCancel={onDone} submitLabel={t("enforcement.recordAction")} loading={save.isPending} />
      </Stack>
    </form>
  );
}
