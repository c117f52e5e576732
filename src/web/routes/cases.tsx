// The case list within the signed-in user's scope: filters kept in the address (so a view can be
// shared or bookmarked), full-text search, pages, saved filters and export of what is shown.
import { Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Table, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseFilter, ListCases, ListSavedFilters } from "../../domain/contracts/cases.js";
import { caseStatuses } from "../../domain/workflow.js";
import { NewMessageBadge } from "../components/reports.js";
import { useFormat } from "../format.js";
import { api } from "../api.js";
import { DataTable, PageHeader, Pager, ProblemAlert, QueryView } from "../components/page.js";
import { useAllegationOptions, useCountries, useMissions, usePersonnelCategories } from "../reference-data.js";
import { useMe } from "../session.js";
import { ImportAllegationsButton, ImportsMadeButton } from "./import-allegations.js";

const PAGE = 50;
type Filters = Record<keyof CaseFilter, string | undefined>;
const filterKeys = [
  "mission",
  "year",
  "status",
  "category",
  "nationality",
  "type",
  "overdue",
  "assignedToMe",
  "published",
  "q",
  "sort",
  "direction",
] as const;

function readFilters(): Partial<Filters> {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(filterKeys.filter((key) => params.get(key)).map((key) => [key, params.get(key) as string]));
}

const queryString = (filters: Partial<Filters>, extra: Record<string, string> = {}) =>
  new URLSearchParams({
    ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
    ...extra,
  } as Record<string, string>).toString();

export function CaseList() {
  const { t } = useTranslation();
  const me = useMe().data;
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const missions = useMissions();
  const allegationOptions = useAllegationOptions();
  const queryClient = useQueryClient();
  const [filters, setFilterState] = useState<Partial<Filters>>(readFilters);
  const [searchText, setSearchText] = useState(filters.q ?? "");
  const [offset, setOffset] = useState(0);
  const setFilters = (next: Partial<Filters>) => {
    setFilterState(next);
    setOffset(0);
    window.history.replaceState(null, "", `/cases${Object.keys(next).length ? `?${queryString(next)}` : ""}`);
  };
  const set = (key: keyof Filters) => (value: string | null) => setFilters({ ...filters, [key]: value || undefined });
  const query = useQuery({
    queryKey: ["cases", filters, offset],
    queryFn: () =>
      api<ListCases>("GET", `/api/cases?${queryString(filters, { limit: String(PAGE), offset: String(offset) })}`),
  });
  const saved = useQuery({
    queryKey: ["saved-filters"],
    queryFn: () => api<ListSavedFilters>("GET", "/api/saved-filters"),
  });
  const save = useMutation({
    mutationFn: (name: string) =>
      api("POST", "/api/saved-filters", {
        name,
        query: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["saved-filters"] }),
  });
  const format = useFormat();
  const years = Array.from({ length: new Date().getUTCFullYear() - 2014 }, (_, i) =>
    String(new Date().getUTCFullYear() - i),
  );
  const exportQuery = queryString(Object.fromEntries(Object.entries(filters).filter(([key]) => key !== "q")));
  return (
    <>
      <PageHeader
        title={t("cases.title")}
        actions={
          <Group>
            {me?.can.importAllegations && <ImportAllegationsButton />}
            {me?.can.importAllegations && <ImportsMadeButton />}
            <Button
              component="a"
              variant="default"
              href={`/api/cases/export?${exportQuery}${exportQuery ? "&" : ""}format=csv`}
            >
              {t("caseList.exportCsv")}
            </Button>
            <Button
              component="a"
              variant="default"
              href={`/api/cases/export?${exportQuery}${exportQuery ? "&" : ""}format=xlsx`}
            >
              {t("caseList.exportXlsx")}
            </Button>
          </Group>
        }
      />
      <Paper withBorder p="md" mb="md" component="section" aria-label={t("caseList.filters")}>
        <search>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              set("q")(searchText.trim());
            }}
          >
            <Group align="flex-end" mb="sm">
              <TextInput
                style={{ flex: 1 }}
                label={t("caseList.search")}
                description={t("caseList.searchHelp")}
                value={searchText}
                onChange={(event) => setSearchText(event.currentTarget.value)}
              />
              <Button type="submit">{t("caseList.searchButton")}</Button>
            </Group>
          </form>
        </search>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Select
            label={t("cases.mission")}
            clearable
            searchable
            data={(missions.data?.items ?? []).map((m) => ({ value: m.code, label: m.code }))}
            value={filters.mission ?? null}
            onChange={set("mission")}
          />
          <Select
            label={t("caseList.year")}
            clearable
            data={years}
            value={filters.year ?? null}
            onChange={set("year")}
          />
          <Select
            label={t("cases.status")}
            clearable
            data={caseStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={filters.status ?? null}
            onChange={set("status")}
          />
          <Select
            label={t("cases.categories")}
            clearable
            data={categories.options}
            value={filters.category ?? null}
            onChange={set("category")}
          />
          <Select
            label={t("cases.nationalities")}
            clearable
            searchable
            data={countries.stateChoices}
            value={filters.nationality ?? null}
            onChange={set("nationality")}
          />
          <Select
            label={t("cases.allegations")}
            clearable
            searchable
            data={allegationOptions}
            value={filters.type ?? null}
            onChange={set("type")}
          />
          <Select
            label={t("caseList.sort")}
            allowDeselect={false}
            data={[
              { value: "dateReported:desc", label: t("caseList.sorts.newest") },
              { value: "dateReported:asc", label: t("caseList.sorts.oldest") },
              { value: "reference:asc", label: t("caseList.sorts.reference") },
              { value: "status:asc", label: t("caseList.sorts.status") },
            ]}
            value={`${filters.sort ?? "dateReported"}:${filters.direction ?? "desc"}`}
            onChange={(value) => {
              const [sort, direction] = (value ?? "dateReported:desc").split(":");
              setFilters({ ...filters, sort, direction });
            }}
          />
          <Group align="flex-end" pb={6}>
            <Checkbox
              label={t("caseList.overdue")}
              checked={filters.overdue === "true"}
              onChange={(event) => set("overdue")(event.currentTarget.checked ? "true" : null)}
            />
            <Checkbox
              label={t("caseList.assignedToMe")}
              checked={filters.assignedToMe === "true"}
              onChange={(event) => set("assignedToMe")(event.currentTarget.checked ? "true" : null)}
            />
            <Checkbox
              label={t("caseList.unpublished")}
              checked={filters.published === "false"}
              onChange={(event) => set("published")(event.currentTarget.checked ? "false" : null)}
            />
          </Group>
        </SimpleGrid>
        <Group mt="md" align="flex-end">
          <Select
            label={t("caseList.savedFilters")}
            placeholder={t("caseList.choose")}
            data={(saved.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            value={null}
            onChange={(id) => {
              const chosen = saved.data?.items.find((item) => item.id === id);
              if (chosen) {
                // A saved filter is the list's own address query, kept as it was sent.
                const query = chosen.query as Partial<Filters>;
                setSearchText(query.q ?? "");
                setFilters(query);
              }
            }}
          />
          <SaveFilter onSave={(name) => save.mutate(name)} loading={save.isPending} />
          <Button
            variant="subtle"
            onClick={() => {
              setSearchText("");
              setFilters({});
            }}
          >
            {t("caseList.clear")}
          </Button>
        </Group>
        <ProblemAlert error={save.error} />
      </Paper>
      <QueryView
        query={query}
        isEmpty={(data) => data.items.length === 0}
        empty={Object.keys(filters).length ? t("caseList.noMatch") : t("cases.empty")}
      >
        {(data) => (
          <>
            <DataTable
              label={t("cases.title")}
              minWidth={640}
              headers={[
                t("cases.reference"),
                t("cases.mission"),
                t("cases.reported"),
                t("cases.status"),
                t("cases.categories"),
                t("cases.nationalities"),
              ]}
            >
              {data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Link
                      to="/cases/$caseId"
                      params={{ caseId: item.id }}
                      dir="ltr"
                      style={{
                        fontFamily: "var(--mantine-font-family-monospace)",
                        color: "var(--mantine-color-blue-9)",
                      }}
                    >
                      {item.reference}
                    </Link>
                  </Table.Td>
                  <Table.Td>{item.missionCode}</Table.Td>
                  <Table.Td>{format.date(item.dateReported)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light">{t(`status.${item.status}`)}</Badge>
                      {item.unreadMessages && <NewMessageBadge />}
                      {item.urgent && (
                        <Badge color="red" variant="light">
                          {t("caseWork.urgentBadge")}
                        </Badge>
                      )}
                      {item.headquartersOnly && (
                        <Badge color="grape" variant="light">
                          {t("reports.headquartersOnly.badge")}
                        </Badge>
                      )}
                      {item.sharedUnitCodes.length > 0 && (
                        <Badge variant="light" c="dark.9">
                          {t("cases.shares.badge", { units: item.sharedUnitCodes.join(", ") })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{item.categoryCodes.map(categories.labelOf).join(", ")}</Table.Td>
                  <Table.Td>{item.nationalityCodes.map(countries.nameOf).join(", ") || "—"}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager
              offset={offset}
              pageSize={PAGE}
              hasMore={data.hasMore}
              position={t("caseList.showing", { from: offset + 1, to: offset + data.items.length })}
              onChange={setOffset}
            />
          </>
        )}
      </QueryView>
    </>
  );
}

function SaveFilter({ onSave, loading }: { onSave: (name: string) => void; loading: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        label={t("caseList.filterName")}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <Button
        variant="light"
        loading={loading}
        disabled={!name.trim()}
        onClick={() => {
          onSave(name.trim());
          setName("");
        }}
      >
        {t("caseList.saveFilter")}
      </Button>
    </Group>
  );
}
