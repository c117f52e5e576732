// The case list within the signed-in user's scope.
import { Alert, Badge, Loader, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";

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
  const query = useQuery({ queryKey: ["cases"], queryFn: () => api<{ items: CaseSummary[] }>("GET", "/api/cases") });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  return (
    <>
      <Title order={1} size="h2" mb="md">{t("cases.title")}</Title>
      {query.isPending && <Loader aria-label={t("app.loading")} />}
      {query.isError && <Alert color="red" role="alert">{t("app.error")}</Alert>}
      {query.data && query.data.items.length === 0 && <Text c="gray.7">{t("cases.empty")}</Text>}
      {query.data && query.data.items.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("cases.reference")}</Table.Th>
              <Table.Th>{t("cases.mission")}</Table.Th>
              <Table.Th>{t("cases.reported")}</Table.Th>
              <Table.Th>{t("cases.status")}</Table.Th>
              <Table.Th>{t("cases.categories")}</Table.Th>
              <Table.Th>{t("cases.nationalities")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td><Text ff="monospace" size="sm">{item.reference}</Text></Table.Td>
                <Table.Td>{item.missionCode}</Table.Td>
                <Table.Td>{date.format(new Date(item.dateReported))}</Table.Td>
                <Table.Td><Badge variant="light">{t(`status.${item.status}`)}</Badge></Table.Td>
                <Table.Td>{item.categoryCodes.join(", ")}</Table.Td>
                <Table.Td>{item.nationalityCodes.join(", ") || "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
