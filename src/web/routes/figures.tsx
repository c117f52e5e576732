// Internal figures for analysts and officers: the cases in their scope counted by mission, year,
// status, nationality, personnel or allegation. A bar narrows the figures to it (and counts the
// next dimension); every row opens the list of its cases with the same filters.
import { Anchor, Badge, Button, CloseButton, Group, Paper, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type FigureDimension,
  type Figures,
  figureDimensions,
  filterOfDimension,
} from "../../domain/contracts/figures.js";
import { allegationLabel, type UnLanguage } from "../../domain/vocabulary/index.js";
import { api } from "../api.js";
import { type Bar, HorizontalBars } from "../components/bar-chart.js";
import { PageHeader, QueryView } from "../components/page.js";
import { useFormat } from "../format.js";
import { directionOf, useVocabulary } from "../i18n/index.js";
import { useCountries, usePersonnelCategories } from "../reference-data.js";

type Filters = Partial<Record<(typeof filterOfDimension)[FigureDimension], string>>;
const dimensionOfFilter = Object.fromEntries(
  Object.entries(filterOfDimension).map(([dimension, filter]) => [filter, dimension]),
) as Record<string, FigureDimension>;

export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const words = useVocabulary();
  const format = useFormat();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
  const [by, setBy] = useState<FigureDimension>("mission");
  const [filters, setFilters] = useState<Filters>({});
  const params = new URLSearchParams({ by, ...filters } as Record<string, string>).toString();
  const query = useQuery({
    queryKey: ["figures", params],
    queryFn: () => api<Figures>("GET", `/api/figures?${params}`),
    placeholderData: keepPreviousData,
  });
  const labelOf = useCallback(
    (dimension: FigureDimension, key: string) => {
      switch (dimension) {
        case "status":
          return words.caseStatuses[key as keyof typeof words.caseStatuses] ?? key;
        case "nationality":
          return countries.nameOf(key);
        case "category":
          return categories.labelOf(key);
        case "allegation":
          return allegationLabel(i18n.language as UnLanguage, key);
        default:
          return key;
      }
    },
    [words, countries, categories, i18n.language],
  );
  const bars: Bar[] = useMemo(
    () => (query.data?.rows ?? []).map((row) => ({ key: row.key, label: labelOf(by, row.key), value: row.cases })),
    [query.data, by, labelOf],
  );
  // Opening a bar keeps it as a filter and counts the next dimension not yet fixed.
  const drill = useCallback(
    (key: string) => {
      const next = { ...filters, [filterOfDimension[by]]: key };
      setFilters(next);
      const open = figureDimensions.find((dimension) => !(filterOfDimension[dimension] in next));
      if (open) setBy(open);
    },
    [filters, by],
  );
  const casesLink = (extra: Filters) =>
    `/cases?${new URLSearchParams({ ...filters, ...extra } as Record<string, string>)}`;
  const dimensionName = (dimension: FigureDimension) => t(`figures.by.${dimension}`);
  return (
    <Stack>
      <PageHeader title={t("figures.title")} intro={t("figures.intro")} />
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t("figures.countBy")}
            orientation={narrow ? "vertical" : "horizontal"}
            fullWidth={narrow}
            value={by}
            onChange={(value) => setBy(value as FigureDimension)}
            data={figureDimensions.map((dimension) => ({ value: dimension, label: dimensionName(dimension) }))}
          />
          {Object.keys(filters).length > 0 && (
            <Group gap="xs" aria-label={t("figures.filters")} role="group">
              {(Object.entries(filters) as [string, string][]).map(([filter, value]) => (
                <Badge
                  key={filter}
                  variant="light"
                  size="lg"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={t("figures.removeFilter", { name: labelOf(dimensionOfFilter[filter], value) })}
                      onClick={() => {
                        const { [filter as keyof Filters]: _removed, ...rest } = filters;
                        setFilters(rest);
                      }}
                    />
                  }
                >
                  {dimensionName(dimensionOfFilter[filter])}: {labelOf(dimensionOfFilter[filter], value)}
                </Badge>
              ))}
              <Button size="xs" variant="subtle" onClick={() => setFilters({})}>
                {t("figures.clear")}
              </Button>
            </Group>
          )}
          <QueryView query={query}>
            {(data) =>
              data.rows.length === 0 ? (
                <Text c="gray.7">{t("figures.none")}</Text>
              ) : (
                <Stack gap="sm">
                  <Text size="sm">
                    {t("figures.counts.total", { count: data.total, number: format.number(data.total) })}{" "}
                    <Anchor href={casesLink({})} c="blue.9">
                      {t("figures.openAll")}
                    </Anchor>
                  </Text>
                  <HorizontalBars
                    bars={bars}
                    title={t("figures.chartTitle", { by: dimensionName(by) })}
                    rtl={directionOf(i18n.language) === "rtl"}
                    onSelect={drill}
                  />
                  <Text size="xs" c="gray.7">
                    {t("figures.help")}
                  </Text>
                  <Table.ScrollContainer minWidth={320}>
                    <Table>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{dimensionName(by)}</Table.Th>
                          <Table.Th>{t("figures.cases")}</Table.Th>
                          <Table.Th>{t("figures.actions")}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {bars.map((bar) => (
                          <Table.Tr key={bar.key}>
                            <Table.Td>{bar.label}</Table.Td>
                            <Table.Td>{format.number(bar.value)}</Table.Td>
                            <Table.Td>
                              <Group gap="xs" wrap="nowrap">
                                <Button
                                  size="compact-xs"
                                  variant="light"
                                  onClick={() => drill(bar.key)}
                                  aria-label={t("figures.narrowTo", { name: bar.label })}
                                >
                                  {t("figures.narrow")}
                                </Button>
                                <Anchor
                                  href={casesLink({ [filterOfDimension[by]]: bar.key })}
                                  size="sm"
                                  c="blue.9"
                                  aria-label={t("figures.openCasesOf", { name: bar.label })}
                                >
                                  {t("figures.openCases")}
                                </Anchor>
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Stack>
              )
            }
          </QueryView>
        </Stack>
      </Paper>
    </Stack>
  );
}
