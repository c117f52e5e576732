// Publishing with a review: the publisher's queue of cases ready to publish (or published, to
// withdraw), the public rows previewed as the public will read them, and a confirmation before
// several cases are published or withdrawn at once; and the quarterly system-wide report.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PublicationOutcome, PublicationPreview, PublicationReview } from "../../domain/contracts/publication.js";
import { api } from "../api.js";
import { Dialog } from "../components/dialog.js";
import { DataTable, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useFormat } from "../format.js";
import { useCountries, usePersonnelCategories } from "../reference-data.js";

type Action = "publish" | "withdraw";

/** The public rows the cases will have, then the confirmation; closes when done. */
function ConfirmPublication({ caseIds, action, onDone }: { caseIds: string[]; action: Action; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const preview = useQuery({
    queryKey: ["publication-preview", caseIds],
    queryFn: () => api<PublicationPreview>("POST", "/api/publication/preview", { caseIds }),
    enabled: action === "publish",
  });
  const apply = useMutation({
    mutationFn: () => api<PublicationOutcome>("POST", "/api/publication", { caseIds, action }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onDone();
    },
  });
  return (
    <Stack>
      <Text size="sm">{t(`publish.confirm.${action}`, { count: caseIds.length })}</Text>
      {action === "publish" && (
        <QueryView query={preview} isEmpty={(data) => data.items.length === 0} empty={t("publish.noRows")}>
          {(data) => (
            <DataTable
              label={t("publish.previewTitle")}
              minWidth={640}
              headers={[
                t("publish.columns.reference"),
                t("publish.columns.category"),
                t("publish.columns.nationality"),
                t("publish.columns.allegation"),
                t("publish.columns.victims"),
                t("publish.columns.findings"),
              ]}
            >
              {data.items.map((row) => (
                <Table.Tr key={`${row.reference}-${row.categoryCode}-${row.nationalityCode}`}>
                  <Table.Td dir="ltr">{row.reference}</Table.Td>
                  <Table.Td>{categories.labelOf(row.categoryCode)}</Table.Td>
                  <Table.Td>{row.nationalityCode ? countries.nameOf(row.nationalityCode) : "—"}</Table.Td>
                  <Table.Td>
                    {row.allegationSubtypes.map((code) => t(`allegations.${code}`, { defaultValue: code })).join(", ")}
                  </Table.Td>
                  <Table.Td>{row.victims}</Table.Td>
                  <Table.Td>
                    {row.findings.map((code) => t(`publish.findings.${code}`, { defaultValue: code })).join(", ") ||
                      "—"}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryView>
      )}
      <ProblemAlert error={apply.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("app.cancel")}
        </Button>
        <Button
          color={action === "withdraw" ? "red.8" : undefined}
          loading={apply.isPending}
          disabled={action === "publish" && !preview.isSuccess}
          onClick={() => apply.mutate()}
        >
          {t(`publish.apply.${action}`, { count: caseIds.length })}
        </Button>
      </Group>
    </Stack>
  );
}

/** A button that opens the confirmation for some cases (the case page uses it for one). */
export function PublicationButton({
  caseIds,
  action,
  variant = "filled",
}: {
  caseIds: string[];
  action: Action;
  variant?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} disabled={caseIds.length === 0} onClick={() => setOpen(true)}>
        {t(`publish.open.${action}`, { count: caseIds.length })}
      </Button>
      <Dialog opened={open} onClose={() => setOpen(false)} title={t(`publish.dialog.${action}`)}>
        {open && <ConfirmPublication caseIds={caseIds} action={action} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

/** The last quarter that has ended: the one a quarterly report is made for. */
function lastQuarter(today = new Date()) {
  const quarter = Math.floor(today.getUTCMonth() / 3);
  return quarter === 0 ? { year: today.getUTCFullYear() - 1, quarter: 4 } : { year: today.getUTCFullYear(), quarter };
}

/** Headquarters' quarterly report of every entity's published allegations, as a workbook or a PDF. */
function SystemWideReport() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState(() => lastQuarter());
  const href = (format: "xlsx" | "pdf") =>
    `/api/publication/system-wide-report?year=${period.year}&quarter=${period.quarter}&format=${format}&lang=${i18n.language}`;
  return (
    <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="system-wide-report">
      <Title order={2} size="h4" id="system-wide-report">
        {t("publish.systemWide.title")}
      </Title>
      <Text size="sm" mb="sm">
        {t("publish.systemWide.intro")}
      </Text>
      <Group align="flex-end">
        <NumberInput
          label={t("publish.systemWide.year")}
          min={1990}
          max={2100}
          value={period.year}
          onChange={(value) => setPeriod({ ...period, year: Number(value) || period.year })}
          w={120}
        />
        <Select
          label={t("publish.systemWide.quarter")}
          data={["1", "2", "3", "4"].map((value) => ({
            value,
            label: t("publish.systemWide.quarterName", { quarter: value }),
          }))}
          value={String(period.quarter)}
          onChange={(value) => value && setPeriod({ ...period, quarter: Number(value) })}
          allowDeselect={false}
          w={160}
        />
        <Button component="a" variant="default" href={href("xlsx")}>
          {t("publish.systemWide.xlsx")}
        </Button>
        <Button component="a" variant="default" href={href("pdf")}>
          {t("publish.systemWide.pdf")}
        </Button>
      </Group>
    </Paper>
  );
}

export function PublishQueue() {
  const { t } = useTranslation();
  const format = useFormat();
  const [state, setState] = useState<"ready" | "published">("ready");
  const [chosen, setChosen] = useState<string[]>([]);
  const query = useQuery({
    queryKey: ["publication-review", state],
    queryFn: () => api<PublicationReview>("GET", `/api/publication/review?state=${state}`),
  });
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  return (
    <>
      <PageHeader title={t("publish.title")} intro={t("publish.intro")} />
      <SegmentedControl
        mb="md"
        aria-label={t("publish.state")}
        value={state}
        onChange={(value) => {
          setState(value as typeof state);
          setChosen([]);
        }}
        data={(["ready", "published"] as const).map((value) => ({ value, label: t(`publish.states.${value}`) }))}
      />
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t(`publish.empty.${state}`)}>
        {(data) => {
          const visible = data.items.map((item) => item.id);
          const selected = chosen.filter((id) => visible.includes(id));
          return (
            <Stack>
              <Group justify="space-between" wrap="wrap">
                <Checkbox
                  label={t("publish.selectAll")}
                  checked={selected.length === visible.length}
                  indeterminate={selected.length > 0 && selected.length < visible.length}
                  onChange={(event) => setChosen(event.currentTarget.checked ? visible : [])}
                />
                <PublicationButton caseIds={selected} action={state === "ready" ? "publish" : "withdraw"} />
              </Group>
              {state === "published" && <Alert color="gray">{t("publish.withdrawHelp")}</Alert>}
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
                {data.items.map((item) => (
                  <Paper key={item.id} component="li" withBorder p="sm">
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <Checkbox
                        aria-label={t("publish.choose", { reference: item.reference })}
                        checked={selected.includes(item.id)}
                        onChange={(event) => toggle(item.id, event.currentTarget.checked)}
                      />
                      <Stack gap={2}>
                        <Link to="/cases/$caseId" params={{ caseId: item.id }} dir="ltr">
                          {item.reference}
                        </Link>
                        <Text size="sm" c="gray.7">
                          {[
                            t(`status.${item.status}`),
                            format.date(item.dateReported),
                            item.publishedAt ? t("publish.publishedOn", { date: format.date(item.publishedAt) }) : "",
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </Text>
                      </Stack>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            </Stack>
          );
        }}
      </QueryView>
      <SystemWideReport />
    </>
  );
}
