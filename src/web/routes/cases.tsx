// The case list within the signed-in user's scope.
import { Badge, Table } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { PageHeader, QueryView, DataTable } from "../components/page.js";
import { useCountries, usePersonnelCategories } from "../reference-data.js";

interface CaseSummary {
  id: string;
  reference: string;
  missionCode: string;
  status: string;
  dateReported: string;
  categoryCodes: string[];
  nationalityCodes: string[];
}

export function CaseList() {
  const { t, i18n } = useTranslation();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const query = useQuery({ queryKey: ["cases"], queryFn: () => api<{ items: CaseSummary[] }>("GET", "/api/cases") });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <PageHeader title={t("cases.title")} />
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("cases.empty")}>
        {(data) => (
          <DataTable label={t("cases.title")} minWidth={640} headers={[t("cases.reference"), t("cases.mission"), t("cases.reported"), t("cases.status"), t("cases.categories"), t("cases.nationalities")]}>
                {data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td><Link to="/cases/$caseId" params={{ caseId: item.id }} dir="ltr" style={{ fontFamily: "var(--mantine-font-family-monospace)", color: "var(--mantine-color-blue-9)" }}>{item.reference}</Link></Table.Td>
                    <Table.Td>{item.missionCode}</Table.Td>
                    <Table.Td>{date.format(new Date(item.dateReported))}</Table.Td>
                    <Table.Td><Badge variant="light">{t(`status.${item.status}`)}</Badge></Table.Td>
                    <Table.Td>{item.categoryCodes.map(categories.labelOf).join(", ")}</Table.Td>
                    <Table.Td>{item.nationalityCodes.map(countries.nameOf).join(", ") || "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
        )}
      </QueryView>
    </>
  );
}
