// Marks a report carries wherever it is listed (urgency, a new message) and its thread with the reporter.
import { Badge, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ListCaseReports } from "../../domain/contracts/reports.js";
import { useFormat } from "../format.js";

const urgencyColours = { urgent: "red", priority: "orange", routine: "gray" } as const;

export function UrgencyBadge({ urgency }: { urgency: keyof typeof urgencyColours }) {
  const { t } = useTranslation();
  if (urgency === "routine") return null;
  return (
    <Badge color={urgencyColours[urgency]} variant="light">
      {t(`reports.urgencies.${urgency}`)}
    </Badge>
  );
}

export function NewMessageBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="blue" variant="filled">
      {t("reports.newMessage")}
    </Badge>
  );
}

type Thread = ListCaseReports["items"][number]["messages"];

export function ThreadMessages({ messages }: { messages: Thread }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (messages.length === 0) return <Text c="gray.7">{t("reports.noMessages")}</Text>;
  return (
    <Stack gap="xs">
      {messages.map((m) => (
        <Paper key={m.id} p="sm" bg={m.fromReporter ? "gray.0" : "blue.0"}>
          <Text size="xs" c="gray.7">
            {m.fromReporter ? t("reports.fromReporter") : t("reports.fromOfficer")} · {format.dateTime(m.createdAt)}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }} dir="auto">
            {m.message}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
