// Headquarters imports historical allegations from the published CSV layout: a file with a bad row
// writes nothing and lists the lines to fix; or the valid rows go in and the rejects come back. The
// imports made are listed, and a wrong one is withdrawn with a reason.
import { Alert, Badge, Button, Checkbox, Group, List, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { useFormat } from "../format.js";
import { FormActions, ProblemAlert, ProblemRows, QueryView } from "../components/page.js";
import { DialogButton } from "../components/dialog.js";
import type { AllegationImport, ImportOutcome as Outcome } from "../../domain/contracts/publication.js";

const importsKey = ["publication", "imports"];

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const run = useMutation({
    mutationFn: async () =>
      api<Outcome>("POST", "/api/publication/import", {
        csv: await (file as File).text(),
        skipInvalid,
        fileName: (file as File).name,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importsKey }),
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
              read: t("importAllegations.counts.rowsRead", { count: outcome.rows }),
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

/** One import made here: what it wrote, and its withdrawal (a reason asked for, then confirmed). */
function ImportMade({ made }: { made: AllegationImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState("");
  const withdraw = useMutation({
    mutationFn: () => api("POST", `/api/publication/imports/${made.id}/withdraw`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importsKey }),
  });
  const title = made.sourceFile ?? t("importAllegations.unnamedFile");
  return (
    <Paper withBorder p="sm" component="li" aria-label={title}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="gray.7">
            {made.importedBy
              ? t("importAllegations.made", { when: format.dateTime(made.importedAt), by: made.importedBy })
              : t("importAllegations.madeByCommandLine", { when: format.dateTime(made.importedAt) })}
          </Text>
          <Text size="sm">
            {t("importAllegations.outcome", {
              read: t("importAllegations.counts.rowsRead", { count: made.rows }),
              created: made.created,
              unchanged: made.unchanged,
              rejected: made.rejected,
            })}
          </Text>
        </Stack>
        {made.withdrawnAt ? (
          <Badge color="gray">{t("importAllegations.withdrawnOn", { when: format.date(made.withdrawnAt) })}</Badge>
        ) : (
          made.created > 0 &&
          !withdrawing && (
            <Button size="xs" variant="default" onClick={() => setWithdrawing(true)}>
              {t("importAllegations.withdraw")}
            </Button>
          )
        )}
      </Group>
      {made.withdrawalReason && (
        <Text size="sm" mt="xs">
          {t("importAllegations.withdrawalReason", { reason: made.withdrawalReason })}
        </Text>
      )}
      {withdrawing && !made.withdrawnAt && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            withdraw.mutate();
          }}
        >
          <Stack mt="sm" gap="xs">
            <Alert color="red" variant="light">
              {t("importAllegations.counts.warning", { count: made.created })}
            </Alert>
            <Textarea
              label={t("importAllegations.reason")}
              required
              minLength={3}
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <ProblemAlert error={withdraw.error} />
            <Group justify="flex-end">
              <Button variant="default" size="xs" onClick={() => setWithdrawing(false)}>
                {t("app.cancel")}
              </Button>
              <Button type="submit" color="red.8" size="xs" loading={withdraw.isPending}>
                {t("importAllegations.counts.confirm", { count: made.created })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function ImportsMade() {
  const { t } = useTranslation();
  const imports = useQuery({
    queryKey: importsKey,
    queryFn: () => api<AllegationImport[]>("GET", "/api/publication/imports"),
  });
  return (
    <Stack>
      <Text size="sm">{t("importAllegations.historyHelp")}</Text>
      <QueryView query={imports} isEmpty={(list) => list.length === 0} empty={t("importAllegations.noImports")}>
        {(list) => (
          <Stack component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {list.map((made) => (
              <ImportMade key={made.id} made={made} />
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

export function ImportsMadeButton() {
  const { t } = useTranslation();
  return (
    <DialogButton label={t("importAllegations.history")} title={t("importAllegations.history")} variant="default">
      {() => <ImportsMade />}
    </DialogButton>
  );
}
