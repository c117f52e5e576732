// Keeping the victim informed: each time the advocate told them how their case or assistance
// stands, newest first, and the form to record the next time.
import { DateField } from "../components/date-field.js";
import { Badge, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ReadVictim } from "../../domain/contracts/victims.js";
import { type UpdateMeans, type UpdateTopic, updateMeans, updateTopics } from "../../domain/victims.js";
import { api } from "../api.js";
import { DialogForm } from "../components/dialog.js";
import { useFormat } from "../format.js";
import { useVocabulary } from "../i18n/index.js";

const today = () => new Date().toISOString().slice(0, 10);

export function InformedPanel({ victim }: { victim: ReadVictim }) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const format = useFormat();
  const queryClient = useQueryClient();
  const form = useForm<{
    informedOn: string;
    means: UpdateMeans;
    topics: UpdateTopic[];
    caseId: string | null;
    note: string;
  }>({
    initialValues: {
      informedOn: today(),
      means: "in_person",
      topics: [],
      caseId: victim.cases[0]?.id ?? null,
      note: "",
    },
    validate: { topics: (value) => (value.length === 0 ? t("forms.required") : null) },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api("POST", `/api/victims/${victim.id}/updates`, { ...values, note: values.note.trim() || null }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ["victim", victim.id] });
    },
  });
  const [latest] = victim.updates;
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("victims.informed.title")}
        </Title>
        <DialogForm label={t("victims.informed.record")} form={form} mutation={save}>
          <DateField label={t("victims.informed.on")} required {...form.getInputProps("informedOn")} />
          <Select
            label={t("victims.informed.means")}
            allowDeselect={false}
            data={updateMeans.map((code) => ({ value: code, label: words.updateMeans[code] }))}
            {...form.getInputProps("means")}
          />
          <Checkbox.Group label={t("victims.informed.topics")} required {...form.getInputProps("topics")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {updateTopics.map((code) => (
                <Checkbox key={code} value={code} label={words.updateTopics[code]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {victim.cases.length > 0 && (
            <Select
              label={t("victims.informed.case")}
              clearable
              data={victim.cases.map((c) => ({ value: c.id, label: c.reference }))}
              {...form.getInputProps("caseId")}
            />
          )}
          <Textarea label={t("victims.informed.note")} autosize minRows={3} {...form.getInputProps("note")} />
        </DialogForm>
      </Group>
      {!latest ? (
        <Text size="sm" c="red.8">
          {t("victims.informed.never")}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: "none" }}>
          {victim.updates.map((update) => (
            <Stack key={update.id} gap={2} component="li">
              <Text size="sm" fw={600}>
                {format.date(update.informedOn)} · {words.updateMeans[update.means]}
                {update.caseReference ? (
                  <>
                    {" · "}
                    <bdi>{update.caseReference}</bdi>
                  </>
                ) : null}
                {update.byName ? ` · ${t("documents.by", { name: update.byName })}` : ""}
              </Text>
              <Group gap={4}>
                {update.topics.map((topic) => (
                  <Badge key={topic} size="sm" variant="light">
                    {words.updateTopics[topic]}
                  </Badge>
                ))}
              </Group>
              {update.note && (
                <Text size="sm" dir="auto" style={{ whiteSpace: "pre-wrap" }}>
                  {update.note}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
