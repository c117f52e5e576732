// Headquarters imports historical allegations from the published CSV layout: a file with a bad row
// writes nothing and lists the lines to fix; or the valid rows go in and the rejects come back.
import { Alert, Button, Checkbox, List, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormActions, ProblemAlert, ProblemRows } from "../components/page.js";
import { DialogButton } from "../components/dialog.js";
import type { ImportOutcome as Outcome } from "../../domain/contracts/publication.js";

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const run = useMutation({
    mutationFn: async () =>
      api<Outcome>("POST", "/api/publication/import", {
        csv: await (file as File).text(),
        skipInvalid,
        fileName: (file as File).name,
      }),
  });
  const outcome = run.data;
  const rejectsLink = outcome?.rejectCsv
    ? `data:text/csv;charset=utf-8,${encodeURIComponent(outcome.rejectCsv)}`
    : null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (file) run.mutate();
      }}
    >
      <Stack>
        <Text size="sm">{t("importAllegations.help")}</Text>
        <label>
          <Text size="sm" fw={500} mb={4}>
            {t("importAllegations.file")}
          </Text>
          <input
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </label>
        <Checkbox
          label={t("importAllegations.skipInvalid")}
          checked={skipInvalid}
          onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
        />
        <ProblemAlert error={run.error} />
        <ProblemRows error={run.error} />
        {outcome && (
          <Alert color={outcome.rejected.length ? "yellow" : "green"} role="status">
            {t("importAllegations.outcome", {
              rows: outcome.rows,
              created: outcome.created,
              unchanged: outcome.unchanged,
              rejected: outcome.rejected.length,
            })}
            {outcome.rejected.length > 0 && (
              <List size="sm" mt="xs">
                {outcome.rejected.slice(0, 20).map((r) => (
                  <List.Item key={`${r.line}-${r.reason}`}>
                    {t("importAllegations.line", { line: r.line })}: {r.reason}
                  </List.Item>
                ))}
              </List>
            )}
            {rejectsLink && (
              <Button component="a" href={rejectsLink} download="rejects.csv" size="xs" variant="light" mt="xs">
                {t("importAllegations.downloadRejects")}
              </Button>
            )}
          </Alert>
        )}
        <FormActions onCancel={onDone} submitLabel={t("importAllegations.submit")} loading={run.isPending} />
      </Stack>
    </form>
  );
}

export function ImportAllegationsButton() {
  const { t } = useTranslation();
  return (
    <DialogButton label={t("importAllegations.title")} title={t("importAllegations.title")} variant="default">
      {(close) => <ImportForm onDone={close} />}
    </DialogButton>
  );
}
