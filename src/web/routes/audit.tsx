// The audit trail for auditors: filter, page back through time, and verify the hash chain.
import { DateField } from "../components/date-field.js";
import { Alert, Badge, Button, Code, Group, Select, SimpleGrid, Table, Text, TextInput } from "@mantine/core";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditActions } from "../../domain/audit-catalogue.js";
import type { AuditVerification, BrowseAuditEvents } from "../../domain/contracts/audit.js";
import { useFormat } from "../format.js";
import { api } from "../api.js";
import { useVocabulary } from "../i18n/index.js";
import { PageHeader, ProblemAlert, QueryView, DataTable } from "../components/page.js";

interface Filters {
  action: string;
  caseReference: string;
  person: string;
  outcome: string;
  from: string;
  to: string;
}
const noFilters: Filters = { action: "", caseReference: "", person: "", outcome: "", from: "", to: "" };

function queryString(filters: Filters, before: number | null) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value) params.set(key, key === "to" ? `${value}T23:59:59.999Z` : value);
  if (before) params.set("before", String(before));
  return params.toString();
}

const outcomeColour: Record<string, string> = { success: "green", denied: "orange", failure: "red" };

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const words = useVocabulary();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const events = useInfiniteQuery({
    queryKey: ["audit", filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => api<BrowseAuditEvents>("GET", `/api/audit-events?${queryString(filters, pageParam)}`),
    getNextPageParam: (last) => last.nextBefore,
  });
  const verify = useMutation({ mutationFn: () => api<AuditVerification>("GET", "/api/audit-events/verification") });
  const format = useFormat();
  const field = (key: keyof Filters) => ({
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.currentTarget.value }),
  });

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        intro={t("audit.intro")}
        actions={
          <Button variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
            {t("audit.verify")}
          </Button>
        }
      />
      {verify.data && (
        <Alert color={verify.data.intact ? "green" : "red"} role="status" mb="md">
          {verify.data.intact
            ? t("audit.intact", { count: verify.data.eventsChecked })
            : t("audit.broken", { id: verify.data.firstBrokenEventId, reason: verify.data.reason })}
        </Alert>
      )}
      <ProblemAlert error={verify.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} mb="md">
          <Select
            label={t("audit.filterAction")}
            searchable
            clearable
            data={auditActions
              .map((action) => ({ value: action, label: words.auditActions[action] }))
              .sort((a, b) => a.label.localeCompare(b.label, i18n.language))}
            value={draft.action || null}
            onChange={(value) => setDraft({ ...draft, action: value ?? "" })}
          />
          <TextInput
            label={t("audit.filterCase")}
            description={t("audit.filterCaseHelp")}
            {...field("caseReference")}
          />
          <TextInput label={t("audit.filterPerson")} {...field("person")} />
          <Select
            label={t("audit.filterOutcome")}
            clearable
            data={["success", "denied", "failure"].map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
            value={draft.outcome || null}
            onChange={(value) => setDraft({ ...draft, outcome: value ?? "" })}
          />
          <DateField label={t("audit.from")} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
          <DateField label={t("audit.to")} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        </SimpleGrid>
        <Group justify="flex-end" mb="md">
          <Button type="submit" variant="default">
            {t("audit.apply")}
          </Button>
        </Group>
      </form>
      <QueryView query={events} isEmpty={(data) => data.pages[0].items.length === 0} empty={t("audit.empty")}>
        {(data) => (
          <>
            <DataTable
              label={t("audit.title")}
              minWidth={900}
              headers={[
                "#",
                t("audit.when"),
                t("audit.actor"),
                t("audit.action"),
                t("audit.subject"),
                t("audit.outcome"),
                t("audit.details"),
              ]}
            >
              {data.pages
                .flatMap((page) => page.items)
                .map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td>{event.id}</Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                        {format.timestamp(event.occurredAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <bdi>{event.actorName ?? "—"}</bdi>
                      </Text>
                      {event.actorRole && (
                        <Text size="xs" c="gray.7">
                          {t(`roles.${event.actorRole}`, { defaultValue: event.actorRole })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {(words.auditActions as Record<string, string>)[event.action] ?? event.action}
                      </Text>
                      <Code dir="ltr">{event.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      {event.subjectType && (
                        <Text size="sm">
                          {(words.auditSubjects as Record<string, string>)[event.subjectType] ?? event.subjectType}
                        </Text>
                      )}
                      {event.subjectId && (
                        <Text size="xs" c="gray.7" ff="monospace" dir="ltr">
                          {event.subjectName ?? event.subjectId.slice(0, 8)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={outcomeColour[event.outcome] ?? "gray"}
                        variant="light"
                        tt="none"
                        style={{ flexShrink: 0, overflow: "visible" }}
                      >
                        {t(`audit.outcomes.${event.outcome}`, { defaultValue: event.outcome })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace" dir="ltr">
                        {Object.keys(event.details).length ? JSON.stringify(event.details) : ""}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </DataTable>
            {events.hasNextPage && (
              <Group justify="center" mt="md">
                <Button
                  variant="default"
                  loading={events.isFetchingNextPage}
                  onClick={() => void events.fetchNextPage()}
                >
                  {t("app.loadMore")}
                </Button>
              </Group>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}
