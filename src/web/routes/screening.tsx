// Screening candidates before deployment or hiring: one person, or a whole list from CSV with a
// result file back. Nothing typed here is stored: the server compares keyed hashes only.
import { DateField } from "../components/date-field.js";
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ScreenBatch as BatchOutcome, ScreenCandidate as Outcome } from "../../domain/contracts/screening.js";
import { api } from "../api.js";
import { useEntities } from "../reference-data.js";
import { PageHeader, ProblemAlert } from "../components/page.js";

const colour = (result: string) => (result === "match" ? "red" : result === "possible_match" ? "orange" : "green");

export function ScreeningPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("screening.title")} intro={t("screening.intro")} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <OneCandidate />
        <WholeList />
      </SimpleGrid>
    </>
  );
}

function OneCandidate() {
  const { t } = useTranslation();
  const entities = useEntities();
  const form = useForm({ initialValues: { name: "", dateOfBirth: "", nationalityCode: "", documentNumber: "" } });
  const run = useMutation({
    mutationFn: (v: typeof form.values) =>
      api<Outcome>("POST", "/api/screenings", {
        name: v.name,
        dateOfBirth: v.dateOfBirth || null,
        nationalityCode: v.nationalityCode.trim().toUpperCase() || null,
        documentNumbers: v.documentNumber.trim() ? [v.documentNumber.trim()] : [],
      }),
  });
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {t("screening.one")}
      </Title>
      <form onSubmit={form.onSubmit((values) => run.mutate(values))}>
        <Stack>
          <TextInput label={t("screening.name")} autoComplete="off" {...form.getInputProps("name")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t("screening.dateOfBirth")} {...form.getInputProps("dateOfBirth")} />
            <TextInput
              label={t("screening.nationality")}
              description="ISO 3166 (GHA, SEN…)"
              maxLength={3}
              dir="ltr"
              {...form.getInputProps("nationalityCode")}
            />
            <TextInput
              label={t("screening.document")}
              autoComplete="off"
              dir="ltr"
              {...form.getInputProps("documentNumber")}
            />
          </SimpleGrid>
          <ProblemAlert error={run.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={run.isPending}>
              {t("screening.screen")}
            </Button>
          </Group>
          {run.data && (
            <Alert color={colour(run.data.result)} role="status" title={t(`screening.results.${run.data.result}`)}>
              {run.data.matches.length === 0
                ? t("screening.nothingFound")
                : run.data.matches.map((m) => (
                    <Text key={`${m.reason}-${m.caseReference}-${m.result}`} size="sm">
                      <Badge color={colour(m.result)} variant="light" me="xs">
                        {t(`screening.results.${m.result}`)}
                      </Badge>
                      {t(`screening.reasons.${m.reason}`)}
                      {m.listedBy ? ` · ${t("screening.listedBy", { entity: entities.shortNameOf(m.listedBy) })}` : ""}
                      {m.caseReference ? ` · ${m.caseReference}` : ` · ${t("screening.caseHidden")}`}
                    </Text>
                  ))}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function WholeList() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async () => api<BatchOutcome>("POST", "/api/screenings/batch", { csv: await (file as File).text() }),
  });
  const download = run.data ? `data:text/csv;charset=utf-8,${encodeURIComponent(run.data.resultCsv)}` : null;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {t("screening.list")}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) run.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t("screening.listHelp")}</Text>
          <label>
            <Text size="sm" fw={500} mb={4}>
              {t("screening.file")}
            </Text>
            <input
              type="file"
              accept=".csv,text/csv"
              required
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            />
          </label>
          <ProblemAlert error={run.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={run.isPending}>
              {t("screening.screenList")}
            </Button>
          </Group>
          {run.data && download && (
            <Alert color={run.data.matches ? "red" : run.data.possibleMatches ? "orange" : "green"} role="status">
              <Text size="sm">
                {t("screening.listOutcome", {
                  candidates: run.data.candidates,
                  matches: run.data.matches,
                  possible: run.data.possibleMatches,
                })}
              </Text>
              <Button component="a" href={download} download="screening-results.csv" size="xs" variant="light" mt="xs">
                {t("screening.download")}
              </Button>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
