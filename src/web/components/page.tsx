// Building blocks every page shares: a header, a designed error, an empty state, a loading state.
import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Code,
  CopyButton,
  Group,
  List,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { type ReactNode, useLayoutEffect, useRef } from "react";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ApiProblem, problemMessage } from "../api.js";

export function PageHeader({ title, intro, actions }: { title: string; intro?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap">
      <Stack gap={4} maw={720}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {intro && (
          <Text c="gray.7" size="sm">
            {intro}
          </Text>
        )}
      </Stack>
      {actions}
    </Group>
  );
}

export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" mb="md">
      <Group justify="space-between">
        <Text size="sm">{problemMessage(t, error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t("app.retry")}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

/** The rows a refused file names (line and reason), under its problem. */
export function ProblemRows({ error }: { error: unknown }) {
  if (!(error instanceof ApiProblem) || !Array.isArray(error.body.errors) || error.body.errors.length === 0)
    return null;
  return (
    <List size="sm">
      {(error.body.errors as { path: string; message: string }[]).slice(0, 20).map((e) => (
        <List.Item key={`${e.path}-${e.message}`}>
          {e.path}: {e.message}
        </List.Item>
      ))}
    </List>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      {/* A status, so that its name is allowed and read out: a plain span may not carry a label. */}
      <Loader role="status" aria-label={t("app.loading")} />
    </Center>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Center py="xl">
      <Text c="gray.7">{children}</Text>
    </Center>
  );
}

/** Query states in one place: loading, a designed error with retry, an empty list, or the content. */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  isEmpty?: (data: T) => boolean;
  empty?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined)
    return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data) && empty) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}

/** A wide table that scrolls sideways on small screens; focusable so keyboard users can scroll it too. */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  const narrow = useMediaQuery("(max-width: 36em)") ?? false;
  const box = useRef<HTMLDivElement>(null);
  // On a phone the rows become cards: each cell carries its column's name, and the table keeps
  // its roles explicitly (a table shown as blocks loses them otherwise).
  useLayoutEffect(() => {
    const table = box.current?.querySelector("table");
    if (!table) return;
    const names = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent?.trim() ?? "");
    const roles: [string, string][] = [
      ["table", "table"],
      ["thead, tbody", "rowgroup"],
      ["tr", "row"],
      ["th", "columnheader"],
      ["td", "cell"],
    ];
    for (const [selector, role] of roles)
      for (const element of [table, ...table.querySelectorAll(selector)].filter((e) => e.matches(selector)))
        if (narrow) element.setAttribute("role", role);
        else element.removeAttribute("role");
    for (const row of table.querySelectorAll("tbody tr"))
      Array.from((row as HTMLTableRowElement).cells).forEach((cell, index) => {
        if (narrow && names[index]) cell.dataset.label = names[index];
        else delete cell.dataset.label;
      });
  });
  if (narrow)
    return (
      <Box ref={box} role="region" aria-label={label} className="stacked-table">
        {children}
      </Box>
    );
  return (
    <Box ref={box} role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto" }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}

/** The footer of every form: cancel, then the action it performs. */
export function FormActions({
  onCancel,
  submitLabel,
  loading,
}: {
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t("app.cancel")}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/**
 * A secret the server shows only once (temporary password, backup codes, a receipt): it wraps on a
 * narrow screen, and can be copied or, given a file name, downloaded as text to keep.
 */
export function ShownOnce({ intro, value, fileName }: { intro: string; value: string; fileName?: string }) {
  const { t } = useTranslation();
  const download = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([`${value}\n`], { type: "text/plain" }));
    link.download = fileName ?? "secret.txt";
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <>
      <Text size="sm">{intro}</Text>
      <Code block dir="ltr" tabIndex={0} style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
        {value}
      </Code>
      <Group gap="xs">
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? t("app.copied") : t("app.copy")}
            </Button>
          )}
        </CopyButton>
        {fileName && (
          <Button size="xs" variant="light" onClick={download}>
            {t("app.download")}
          </Button>
        )}
      </Group>
    </>
  );
}

/** A list page's table: scrolls sideways on small screens, headers in order, an unlabelled-looking actions column that screen readers still name. */
export function DataTable({
  label,
  minWidth,
  headers,
  actions = false,
  children,
}: {
  label: string;
  minWidth: number;
  headers: string[];
  actions?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={label} minWidth={minWidth}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header}>{header}</Table.Th>
            ))}
            {actions && (
              <Table.Th>
                <VisuallyHidden>{t("app.actions")}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Warnings that stack in a table cell (a unit's signals, a contingent's training gaps), wrapping as they need. */
export function WarningBadges({ labels }: { labels: string[] }) {
  return (
    <Stack gap={4}>
      {labels.map((label) => (
        <Badge key={label} color="red" variant="light" c="dark.9" style={{ whiteSpace: "normal", height: "auto" }}>
          {label}
        </Badge>
      ))}
    </Stack>
  );
}

/** A list page's mission filter; empty means every mission the reader may see. */
export function MissionFilter({
  choices,
  value,
  onChange,
}: {
  choices: string[];
  value: string | null;
  onChange: (mission: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("cases.mission")}
      placeholder={t("training.allMissions")}
      data={choices}
      value={value}
      onChange={onChange}
      clearable
      searchable
      w={220}
    />
  );
}

/** Previous and next through a list answered a page at a time; `position` says which stretch is shown. */
export function Pager({
  offset,
  pageSize,
  hasMore,
  position,
  onChange,
}: {
  offset: number;
  pageSize: number;
  hasMore: boolean;
  position: string;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="sm">
      <Button variant="default" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        {t("caseList.previous")}
      </Button>
      <span>{position}</span>
      <Button variant="default" disabled={!hasMore} onClick={() => onChange(offset + pageSize)}>
        {t("caseList.next")}
      </Button>
    </Group>
  );
}
