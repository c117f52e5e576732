// Referrals on a case: refer it; a State records its reply and NIO.
import { DateField } from "../components/date-field.js";
import { Alert, Badge, Button, Group, Paper, Radio, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isStateReferral, type ReferralEntity, referralEntities } from "../../domain/referrals.js";
import { ApiProblem, api } from "../api.js";
import { useFormat } from "../format.js";
import { ProblemAlert, QueryView } from "../components/page.js";
import type { ListCaseReferrals, Referral } from "../../domain/contracts/referrals.js";
import { useCountries } from "../reference-data.js";
import { DialogButton } from "../components/dialog.js";
import { ExtendForm } from "./enforcement.js";
import { ReferralCorrespondence } from "./documents.js";

const today = () => new Date().toISOString().slice(0, 10);

function ReplyForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { reply: "will_investigate", repliedOn: today(), nioName: "", nioAppointedOn: "" },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api("PATCH", `/api/referrals/${referral.id}/reply`, {
        reply: values.reply,
        repliedOn: values.repliedOn,
        nioName: values.nioName.trim() || null,
        nioAppointedOn: values.nioAppointedOn || null,
        version: referral.version,
      }),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="xs" mt="sm">
        <ProblemAlert error={save.error} />
        <Radio.Group label={t("referrals.recordReply")} {...form.getInputProps("reply")}>
          <Group mt={4}>
            <Radio value="will_investigate" label={t("referrals.replies.will_investigate")} />
            <Radio value="declined" label={t("referrals.replies.declined")} />
          </Group>
        </Radio.Group>
        <Group grow align="flex-end">
          <DateField label={t("referrals.repliedOn")} required {...form.getInputProps("repliedOn")} />
          <TextInput label={t("referrals.nio")} {...form.getInputProps("nioName")} />
          <DateField label={t("referrals.nioAppointedOn")} {...form.getInputProps("nioAppointedOn")} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("referrals.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The usual destination: police to their contributing country, contingents to theirs, others to OIOS. */
function suggestedEntity(categoryCodes: string[]): ReferralEntity {
  if (categoryCodes.some((code) => code.startsWith("POL_"))) return "police_contributing_country";
  if (categoryCodes.includes("MIL_MC")) return "member_state";
  return "oios";
}

function ReferForm({
  caseId,
  caseVersion,
  categoryCodes,
  nationalityCodes,
  onDone,
}: {
  caseId: string;
  caseVersion: number;
  categoryCodes: string[];
  nationalityCodes: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { date: formatDate } = useFormat();
  const countries = useCountries();
  const form = useForm<{
    entity: ReferralEntity;
    countryCode: string | null;
    noteVerbaleReference: string;
    sentOn: string;
  }>({
    initialValues: {
      entity: suggestedEntity(categoryCodes),
      countryCode: nationalityCodes[0] ?? null,
      noteVerbaleReference: "",
      sentOn: today(),
    },
  });
  const refer = useMutation({
    mutationFn: ({ values, confirmDuplicate }: { values: typeof form.values; confirmDuplicate: boolean }) =>
      api("POST", `/api/cases/${caseId}/referrals`, {
        entity: values.entity,
        countryCode: isStateReferral(values.entity) ? values.countryCode : null,
        noteVerbaleReference: values.noteVerbaleReference.trim() || null,
        sentOn: values.sentOn,
        caseVersion,
        confirmDuplicate,
      }),
    onSuccess: onDone,
  });
  // A second referral to the same recipient is asked about, naming the first, before it is made.
  const earlier =
    refer.error instanceof ApiProblem && refer.error.body.code === "referral_exists"
      ? (refer.error.body.existing as Referral)
      : null;
  return (
    <form onSubmit={form.onSubmit((values) => refer.mutate({ values, confirmDuplicate: false }))}>
      <Text size="sm" c="gray.7" mb="sm">
        {t("referrals.referHelp")}
      </Text>
      {earlier ? (
        <Alert color="yellow" role="alert" mb="md" title={t("referrals.duplicateTitle")}>
          <Text size="sm">
            {t("referrals.duplicate", {
              recipient: `${t(`referrals.entities.${earlier.entity}`)}${
                earlier.countryCode ? ` — ${countries.nameOf(earlier.countryCode)}` : ""
              }`,
              date: formatDate(earlier.sentOn),
            })}
          </Text>
          <Group mt="sm">
            <Button size="xs" onClick={() => refer.mutate({ values: form.values, confirmDuplicate: true })}>
              {t("referrals.referAgain")}
            </Button>
          </Group>
        </Alert>
      ) : (
        <ProblemAlert error={refer.error} />
      )}
      <Stack gap="sm">
        <Select
          label={t("referrals.entity")}
          allowDeselect={false}
          data={referralEntities.map((e) => ({ value: e, label: t(`referrals.entities.${e}`) }))}
          {...form.getInputProps("entity")}
        />
        {isStateReferral(form.values.entity) && (
          <Select
            label={t("referrals.country")}
            allowDeselect={false}
            data={nationalityCodes.map((code) => ({ value: code, label: countries.nameOf(code) }))}
            {...form.getInputProps("countryCode")}
          />
        )}
        <TextInput label={t("referrals.noteVerbale")} {...form.getInputProps("noteVerbaleReference")} />
        <DateField label={t("referrals.sentOn")} required {...form.getInputProps("sentOn")} />
      </Stack>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={refer.isPending}>
          {t("referrals.refer")}
        </Button>
      </Group>
    </form>
  );
}

export function CaseReferrals({
  caseId,
  caseVersion,
  status,
  categoryCodes,
  nationalityCodes,
  canRefer,
  canReadDocuments,
}: {
  caseId: string;
  caseVersion: number;
  status: string;
  categoryCodes: string[];
  nationalityCodes: string[];
  canRefer: boolean;
  canReadDocuments: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const countries = useCountries();
  const format = useFormat();
  const [replying, setReplying] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["case", caseId, "referrals"],
    queryFn: () => api<ListCaseReferrals>("GET", `/api/cases/${caseId}/referrals`),
  });
  const refresh = async () => {
    setReplying(null);
    await queryClient.invalidateQueries({ queryKey: ["case", caseId] });
  };
  const mayRefer = canRefer && ["preliminary_assessment", "referred", "under_investigation"].includes(status);
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {t("referrals.title")}
      </Title>
      <QueryView query={query}>
        {(data) => (
          <Stack>
            {data.items.length === 0 && <Text c="gray.7">{t("referrals.none")}</Text>}
            {data.items.map((referral) => (
              <Paper key={referral.id} withBorder p="sm">
                <Group justify="space-between">
                  <Text fw={600}>
                    {t(`referrals.entities.${referral.entity}`)}
                    {referral.countryCode ? ` — ${countries.nameOf(referral.countryCode)}` : ""}
                  </Text>
                  {referral.reply ? (
                    <Badge variant="light" color={referral.reply === "declined" ? "red" : "green"}>
                      {t(`referrals.replies.${referral.reply}`)}
                    </Badge>
                  ) : referral.replyDueOn ? (
                    <Badge variant="light" color={referral.daysOverdue > 0 ? "red" : "gray"}>
                      {referral.daysOverdue > 0
                        ? t("referrals.daysOverdue", { count: referral.daysOverdue })
                        : t("referrals.awaiting")}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="sm" c="gray.7">
                  {referral.noteVerbaleReference
                    ? `${t("referrals.noteVerbale")} ${referral.noteVerbaleReference} · `
                    : ""}
                  {t("referrals.sentOn")} {format.date(referral.sentOn)}
                  {referral.replyDueOn ? ` · ${t("referrals.replyDue")} ${format.date(referral.replyDueOn)}` : ""}
                </Text>
                {referral.nioName && (
                  <Text size="sm">
                    {t("referrals.nio")}: {referral.nioName}
                    {referral.nioAppointedOn
                      ? ` (${t("referrals.nioAppointedOn")} ${format.date(referral.nioAppointedOn)})`
                      : ""}
                  </Text>
                )}
                {referral.can.recordReply &&
                  !referral.reply &&
                  (replying === referral.id ? (
                    <ReplyForm referral={referral} onDone={refresh} />
                  ) : (
                    <Button mt="xs" size="xs" variant="light" onClick={() => setReplying(referral.id)}>
                      {t("referrals.recordReply")}
                    </Button>
                  ))}
                {canReadDocuments && <ReferralCorrespondence caseId={caseId} referralId={referral.id} />}
                {referral.can.extend && (
                  <Group mt="xs">
                    <DialogButton label={t("enforcement.extend")} title={t("enforcement.extend")}>
                      {(close) => (
                        <ExtendForm caseId={caseId} url={`/api/referrals/${referral.id}/extensions`} onDone={close} />
                      )}
                    </DialogButton>
                  </Group>
                )}
              </Paper>
            ))}
            {mayRefer && (
              <Group>
                <DialogButton
                  label={t(data.items.length ? "referrals.referFurther" : "referrals.referTitle")}
                  title={t("referrals.referTitle")}
                  variant={data.items.length ? "light" : "filled"}
                >
                  {(close) => (
                    <ReferForm
                      caseId={caseId}
                      caseVersion={caseVersion}
                      categoryCodes={categoryCodes}
                      nationalityCodes={nationalityCodes}
                      onDone={async () => {
                        close();
                        await refresh();
                      }}
                    />
                  )}
                </DialogButton>
              </Group>
            )}
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}
