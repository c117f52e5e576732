// My work: each person's first page, with what needs their action now, section by section.
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { MyWork, WorkItem } from "../../domain/contracts/work.js";
import { api } from "../api.js";
import { UrgencyBadge } from "../components/reports.js";
import { PageHeader, QueryView } from "../components/page.js";
import { useFormat } from "../format.js";
import { useCountries } from "../reference-data.js";

function WorkEntry({ entry, late }: { entry: WorkItem; late: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countries = useCountries();
  const detail = entry.detail ? t(`work.details.${entry.detail}`, { defaultValue: "" }) : "";
  return (
    <Group component="li" justify="space-between" gap="xs" wrap="wrap">
      <Group gap="xs" wrap="wrap">
        <Link to={entry.path as never} dir="ltr" style={{ color: "var(--mantine-color-blue-9)", fontWeight: 600 }}>
          {entry.label}
        </Link>
        {entry.urgency && <UrgencyBadge urgency={entry.urgency} />}
        <Text size="sm" c="gray.7">
          {[detail, entry.countryCode ? countries.nameOf(entry.countryCode) : ""].filter(Boolean).join(" · ")}
        </Text>
      </Group>
      {entry.dueOn && (
        <Badge variant="light" color={late ? "red" : "gray"}>
          {t(late ? "work.wasDue" : "work.due", { date: format.date(entry.dueOn) })}
        </Badge>
      )}
    </Group>
  );
}

export function MyWorkPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery({ queryKey: ["work"], queryFn: () => api<MyWork>("GET", "/api/work") });
  return (
    <>
      <PageHeader title={t("work.title")} intro={t("work.intro")} />
      <QueryView query={query}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {data.sections.map(({ section, total, items }) => (
              <Paper key={section} withBorder p="lg" component="section" aria-labelledby={`work-${section}`}>
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h4" id={`work-${section}`}>
                    {t(`work.sections.${section}`)}
                  </Title>
                  <Badge size="lg" variant={total > 0 ? "filled" : "light"} color={total > 0 ? "blue" : "gray"}>
                    {format.number(total)}
                  </Badge>
                </Group>
                {items.length === 0 ? (
                  <Text c="gray.7">{t("work.nothing")}</Text>
                ) : (
                  <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
                    {items.map((entry) => (
                      <WorkEntry key={entry.id} entry={entry} late={section === "overdue"} />
                    ))}
                  </Stack>
                )}
                {total > items.length && (
                  <Text size="sm" mt="xs" c="gray.7">
                    {t("work.counts.more", { count: total - items.length })}
                  </Text>
                )}
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </QueryView>
    </>
  );
}
