// Staff intake: a report received by phone, in person, by letter, from a community network or from
// another UN entity, written down by the mission's team or a community focal point. One idempotency
// key per report typed, kept across retries: on a poor link, sending again never records it twice.
import { DateField } from "../components/date-field.js";
import {
  Button,
  Checkbox,
  FileInput,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ImmediateNeed,
  immediateNeeds,
  type ReportKind,
  reportKinds,
  type ReportRoute,
  reportRoutes,
} from "../../domain/triage.js";
import type { Me } from "../../domain/contracts/users.js";
import { reportBody, reportChannels } from "../../domain/contracts/reports.js";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from "../../domain/evidence.js";
import { api, newIdempotencyKey } from "../api.js";
import { base64Of } from "../files.js";
import { canKeepOffline, queueReport } from "../offline/outbox.js";
import { failureOf, Outbox } from "../offline/outbox-view.js";
import { PageHeader, ProblemAlert, ShownOnce } from "../components/page.js";
import { useErrorsInCurrentLanguage, validateWith } from "../forms.js";
import { useCountries, useEntities, useMissions, usePersonnelCategories } from "../reference-data.js";
import { useMe } from "../session.js";
import type { Receipt } from "../../domain/contracts/reports.js";

// Channels that arrive by themselves (the form, the API, text messages) are not typed by staff.
const staffChannels = reportChannels.filter((channel) => !["web_form", "api", "sms"].includes(channel));
const answers = {
  children: ["unknown", "yes", "no"],
  immediateDanger: ["unknown", "yes", "no"],
  reporterIsVictim: ["prefer_not_to_say", "yes", "no"],
} as const;

/** A file as the API takes it; the server checks what it really is from its structure. */
const asUpload = async (file: File) => ({ fileName: file.name, contentBase64: await base64Of(file) });

const blank = {
  channel: "hotline",
  missionCode: "",
  whatHappened: "",
  place: "",
  incidentDate: "",
  personnelCategoryCodes: [] as string[],
  nationalityCodes: [] as string[],
  organisationCode: "",
  involved: "",
  childrenInvolved: "unknown",
  kind: "unknown",
  immediateDanger: "unknown",
  needs: [] as string[],
  reporterIsVictim: "prefer_not_to_say",
  route: "unknown",
  anonymous: false,
  contact: "",
  evidence: [] as File[],
};
type Values = typeof blank;

/** What the form holds, as the API takes it: empty answers are "not known". */
const asReport = (values: Values) => ({
  whatHappened: values.whatHappened,
  missionCode: values.missionCode || null,
  place: values.place || null,
  incidentDate: values.incidentDate || null,
  personnelCategoryCodes: values.personnelCategoryCodes,
  nationalityCodes: values.nationalityCodes,
  organisationCode: values.organisationCode || null,
  involved: values.involved || null,
  childrenInvolved: values.childrenInvolved as "yes" | "no" | "unknown",
  kind: values.kind as ReportKind,
  immediateDanger: values.immediateDanger as "yes" | "no" | "unknown",
  needs: values.needs as ImmediateNeed[],
  reporterIsVictim: values.reporterIsVictim as "yes" | "no" | "prefer_not_to_say",
  route: values.route as ReportRoute,
  anonymous: values.anonymous,
  contact: values.anonymous ? null : values.contact || null,
});

export function RecordReport() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const missions = useMissions();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const entities = useEntities();
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const headquarters = me.role === "cds_officer";
  const missionCodes = headquarters
    ? (missions.data?.items ?? []).filter((m) => m.current).map((m) => m.code)
    : me.missionCodes;
  const validate = validateWith(reportBody, t);
  const form = useForm<Values>({
    initialValues: {
      ...blank,
      missionCode: headquarters ? "" : (me.missionCodes[0] ?? ""),
      channel: me.role === "cbcm_focal_point" ? "cbcm" : blank.channel,
    },
    validate: (values) => {
      const errors = validate(asReport(values) as never);
      if (values.evidence.length > MAX_EVIDENCE_FILES || values.evidence.some((file) => file.size > MAX_EVIDENCE_BYTES))
        errors.evidence = t("reports.record.evidenceTooMuch");
      return errors;
    },
  });
  useErrorsInCurrentLanguage(form);
  const record = useMutation({
    mutationFn: async (values: Values): Promise<Receipt | { queued: true }> => {
      const body = {
        channel: values.channel,
        report: asReport(values),
        evidence: await Promise.all(values.evidence.map(asUpload)),
      };
      if (navigator.onLine) {
        try {
          return await api<Receipt>("POST", "/api/reports", body, { idempotencyKey });
        } catch (error) {
          // Refused by the server: the officer corrects it. Not reached: it waits on the device.
          if (!canKeepOffline() || !failureOf(error).retry) throw error;
        }
      }
      await queueReport(me.id, idempotencyKey, body);
      return { queued: true };
    },
    onSuccess: (answer) => {
      if ("receipt" in answer) setReceipt(answer.receipt);
      else setQueued(true);
      void queryClient.invalidateQueries({ queryKey: ["reports"] });
    },
  });
  const startAgain = () => {
    form.reset();
    record.reset();
    setIdempotencyKey(newIdempotencyKey());
    setReceipt(null);
    setQueued(false);
  };

  if (queued) {
    return (
      <>
        <PageHeader title={t("reports.outbox.queuedTitle")} intro={t("reports.outbox.queuedIntro")} />
        <Stack maw={760}>
          <Group>
            <Button onClick={startAgain}>{t("reports.record.another")}</Button>
          </Group>
          <Outbox ownerId={me.id} />
        </Stack>
      </>
    );
  }

  if (receipt) {
    return (
      <>
        <PageHeader title={t("reports.record.doneTitle")} />
        <Paper withBorder p="md" maw={640}>
          <Stack>
            <ShownOnce intro={t("reports.record.doneIntro")} value={receipt} />
            <Group>
              <Button onClick={startAgain}>{t("reports.record.another")}</Button>
              <Button variant="light" component={Link} to="/reports">
                {t("reports.record.queue")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </>
    );
  }

  const choices = (kind: keyof typeof answers, labels: string) =>
    answers[kind].map((value) => ({ value, label: t(`${labels}.${value}`) }));
  return (
    <>
      <PageHeader title={t("reports.record.title")} intro={t("reports.record.intro")} />
      <Outbox ownerId={me.id} />
      <form onSubmit={form.onSubmit((values) => record.mutate(values))} noValidate>
        <Stack maw={760}>
          <ProblemAlert error={record.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {me.role !== "cbcm_focal_point" && (
              <NativeSelect
                label={t("reports.record.channel")}
                data={staffChannels.map((value) => ({ value, label: t(`reports.channels.${value}`) }))}
                {...form.getInputProps("channel")}
              />
            )}
            <NativeSelect
              label={t("reports.record.mission")}
              data={[
                ...(headquarters ? [{ value: "", label: t("reports.record.noMission") }] : []),
                ...missionCodes.map((code) => ({ value: code, label: code })),
              ]}
              {...form.getInputProps("missionCode")}
            />
          </SimpleGrid>
          <Textarea
            label={t("reports.record.whatHappened")}
            description={t("reports.record.whatHappenedHelp")}
            required
            autosize
            minRows={5}
            {...form.getInputProps("whatHappened")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("reports.record.place")} {...form.getInputProps("place")} />
            <DateField
              label={t("reports.record.incidentDate")}
              description={t("reports.record.incidentDateHelp")}
              {...form.getInputProps("incidentDate")}
            />
          </SimpleGrid>
          <Checkbox.Group label={t("reports.record.categories")} {...form.getInputProps("personnelCategoryCodes")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {(categories.data?.items ?? []).map((category) => (
                <Checkbox key={category.code} value={category.code} label={categories.labelOf(category.code)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <MultiSelect
            label={t("reports.record.nationalities")}
            searchable
            data={countries.stateChoices}
            {...form.getInputProps("nationalityCodes")}
          />
          <NativeSelect
            label={t("reports.record.organisation")}
            data={[
              { value: "", label: t("reports.record.organisationUnknown") },
              ...[...entities.choices].sort((a, b) => a.label.localeCompare(b.label)),
            ]}
            {...form.getInputProps("organisationCode")}
          />
          <Textarea label={t("reports.record.involved")} autosize minRows={2} {...form.getInputProps("involved")} />
          <NativeSelect
            label={t("reports.record.kind")}
            data={reportKinds.map((value) => ({ value, label: t(`reports.kinds.${value}`) }))}
            {...form.getInputProps("kind")}
          />
          <NativeSelect
            label={t("reports.record.immediateDanger")}
            description={t("reports.record.immediateDangerHelp")}
            data={choices("immediateDanger", "reports.answers")}
            {...form.getInputProps("immediateDanger")}
          />
          <Checkbox.Group label={t("reports.record.needs")} {...form.getInputProps("needs")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {immediateNeeds.map((need) => (
                <Checkbox key={need} value={need} label={t(`reports.needOptions.${need}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t("reports.record.children")}
              data={choices("children", "reports.answers")}
              {...form.getInputProps("childrenInvolved")}
            />
            <NativeSelect
              label={t("reports.record.reporterIsVictim")}
              data={choices("reporterIsVictim", "reports.answers")}
              {...form.getInputProps("reporterIsVictim")}
            />
            <NativeSelect
              label={t("reports.routes.legend")}
              // A mission's officer cannot keep a report from their own team: the reporter goes to headquarters.
              data={reportRoutes
                .filter((route) => route !== "headquarters" || me.role !== "cdt_officer")
                .map((route) => ({ value: route, label: t(`reports.routes.${route}`) }))}
              {...form.getInputProps("route")}
            />
          </SimpleGrid>
          <Checkbox label={t("reports.record.anonymous")} {...form.getInputProps("anonymous", { type: "checkbox" })} />
          {!form.values.anonymous && (
            <TextInput
              label={t("reports.record.contact")}
              description={t("reports.record.contactHelp")}
              required
              {...form.getInputProps("contact")}
            />
          )}
          <FileInput
            label={t("reports.record.evidence")}
            description={t("reports.record.evidenceHelp")}
            multiple
            clearable
            accept="image/jpeg,image/png,image/webp,application/pdf,audio/*"
            {...form.getInputProps("evidence")}
          />
          <Text size="sm" c="gray.7">
            {t("reports.record.safeRetry")}
          </Text>
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t("reports.record.submit")}
            </Button>
            <Button variant="subtle" component={Link} to="/reports">
              {t("app.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
