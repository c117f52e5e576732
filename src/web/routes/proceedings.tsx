// National proceedings on a case page: the court-martial or other proceeding each State brought
// against its national, as the State records it; the State (or the case's officers) record and update.
import { NativeSelect, Paper, SimpleGrid, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CaseProceedings, Proceeding, ProceedingBody } from "../../domain/contracts/military-justice.js";
import { appeals, proceedingKinds, proceedingVenues, verdicts } from "../../domain/military-justice.js";
import { api } from "../api.js";
import { DateField } from "../components/date-field.js";
import { DialogForm } from "../components/dialog.js";
import { DataTable, QueryView } from "../components/page.js";
import { useFormat } from "../format.js";

interface FormValues {
  perpetratorId: string;
  kind: ProceedingBody["kind"];
  venue: ProceedingBody["venue"];
  openedOn: string;
  charges: string;
  verdict: ProceedingBody["verdict"];
  verdictOn: string;
  sentence: string;
  appeal: ProceedingBody["appeal"];
}

const bodyOf = (values: FormValues): ProceedingBody => ({
  kind: values.kind,
  venue: values.venue,
  openedOn: values.openedOn,
  charges: values.charges,
  verdict: values.verdict,
  verdictOn: values.verdictOn || null,
  sentence: values.sentence.trim() || null,
  appeal: values.appeal,
});

/** Records a proceeding, or updates one (then `existing` holds it, at the version read). */
function ProceedingForm({
  caseId,
  people,
  existing,
}: {
  caseId: string;
  people: CaseProceedings["canRecordFor"];
  existing?: Proceeding;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({
    initialValues: {
      perpetratorId: existing?.perpetratorId ?? people[0]?.perpetratorId ?? "",
      kind: existing?.kind ?? "court_martial",
      venue: existing?.venue ?? "mission_area",
      openedOn: existing?.openedOn ?? "",
      charges: existing?.charges ?? "",
      verdict: existing?.verdict ?? "pending",
      verdictOn: existing?.verdictOn ?? "",
      sentence: existing?.sentence ?? "",
      appeal: existing?.appeal ?? "none",
    },
  });
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      existing
        ? api("PUT", `/api/proceedings/${existing.id}`, { ...bodyOf(values), version: existing.version })
        : api("POST", `/api/perpetrators/${values.perpetratorId}/proceedings`, bodyOf(values)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["case", caseId] }),
  });
  const choices = <T extends string>(values: readonly T[], group: string) =>
    values.map((value) => ({ value, label: t(`proceedings.${group}.${value}`) }));
  return (
    <DialogForm
      label={existing ? t("proceedings.update") : t("proceedings.record")}
      title={existing ? `${t("proceedings.update")}: ${existing.perpetratorCode}` : t("proceedings.record")}
      variant={existing ? "subtle" : "light"}
      form={form}
      mutation={save}
    >
      {!existing && (
        <NativeSelect
          label={t("enforcement.code")}
          data={people.map((person) => ({ value: person.perpetratorId, label: person.code }))}
          {...form.getInputProps("perpetratorId")}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("proceedings.kind")}
          data={choices(proceedingKinds, "kinds")}
          {...form.getInputProps("kind")}
        />
        <NativeSelect
          label={t("proceedings.venue")}
          data={choices(proceedingVenues, "venues")}
          {...form.getInputProps("venue")}
        />
        <DateField label={t("proceedings.openedOn")} required {...form.getInputProps("openedOn")} />
      </SimpleGrid>
      <Textarea
        label={t("proceedings.charges")}
        required
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps("charges")}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("proceedings.verdict")}
          data={choices(verdicts, "verdicts")}
          {...form.getInputProps("verdict")}
        />
        <DateField label={t("proceedings.verdictOn")} {...form.getInputProps("verdictOn")} />
        <NativeSelect
          label={t("proceedings.appeal")}
          data={choices(appeals, "appeals")}
          {...form.getInputProps("appeal")}
        />
      </SimpleGrid>
      <TextInput label={t("proceedings.sentence")} maxLength={1000} {...form.getInputProps("sentence")} />
    </DialogForm>
  );
}

export function CaseProceedingsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery({
    queryKey: ["case", caseId, "proceedings"],
    queryFn: () => api<CaseProceedings>("GET", `/api/cases/${caseId}/proceedings`),
  });
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="xs">
        {t("proceedings.title")}
      </Title>
      <QueryView query={query}>
        {(data) => {
          const canEdit = (item: Proceeding) => data.canRecordFor.some((p) => p.perpetratorId === item.perpetratorId);
          return (
            <>
              {data.items.length === 0 ? (
                <Text size="sm" c="gray.7" mb="sm">
                  {t("proceedings.none")}
                </Text>
              ) : (
                <DataTable
                  label={t("proceedings.title")}
                  minWidth={760}
                  headers={[
                    t("enforcement.code"),
                    t("proceedings.kind"),
                    t("proceedings.charges"),
                    t("proceedings.verdict"),
                    t("proceedings.sentence"),
                    t("proceedings.appeal"),
                  ]}
                  actions={data.canRecordFor.length > 0}
                >
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td dir="ltr">{item.perpetratorCode}</Table.Td>
                      <Table.Td>
                        {t(`proceedings.kinds.${item.kind}`)}
                        <Text size="xs" c="gray.7">
                          {t(`proceedings.venues.${item.venue}`)} · {format.date(item.openedOn)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{item.charges}</Table.Td>
                      <Table.Td>
                        {t(`proceedings.verdicts.${item.verdict}`)}
                        {item.verdictOn && (
                          <Text size="xs" c="gray.7">
                            {format.date(item.verdictOn)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{item.sentence ?? "—"}</Table.Td>
                      <Table.Td>{t(`proceedings.appeals.${item.appeal}`)}</Table.Td>
                      {data.canRecordFor.length > 0 && (
                        <Table.Td>
                          {canEdit(item) && (
                            <ProceedingForm caseId={caseId} people={data.canRecordFor} existing={item} />
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
              {data.canRecordFor.length > 0 && <ProceedingForm caseId={caseId} people={data.canRecordFor} />}
            </>
          );
        }}
      </QueryView>
    </Paper>
  );
}
