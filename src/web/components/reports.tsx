// Marks a report carries wherever it is listed (urgency, a new message) and its thread with the reporter.
import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api.js";
import { ProblemAlert } from "./page.js";
import { useTranslation } from "react-i18next";
import type { ListCaseReports } from "../../domain/contracts/reports.js";
import { ConfirmedAction } from "./send-to-unit.js";
import { useEntities } from "../reference-data.js";
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

/** The officer's answer to the reporter, read by them with their receipt. */
export function ReplyToReporter({ reportId, onSent }: { reportId: string; onSent: () => Promise<void> }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState("");
  const reply = useMutation({
    mutationFn: () => api("POST", `/api/reports/${reportId}/messages`, { message }),
    onSuccess: async () => {
      setMessage("");
      await onSent();
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        reply.mutate();
      }}
    >
      <ProblemAlert error={reply.error} />
      {reply.isSuccess && (
        <Alert color="green" mb="sm" role="status">
          {t("reports.sent")}
        </Alert>
      )}
      <Textarea
        label={t("reports.reply")}
        value={message}
        onChange={(event) => setMessage(event.currentTarget.value)}
        minRows={2}
        autosize
        maxLength={5000}
      />
      <Group justify="flex-end" mt="xs">
        <Button type="submit" size="sm" loading={reply.isPending} disabled={!message.trim()}>
          {t("reports.send")}
        </Button>
      </Group>
    </form>
  );
}

/**
 * A report its reporter sent past the mission: headquarters alone sees it (and the case built from
 * it) until it hands it over, after a second, deliberate click.
 */
export function HeadquartersOnlyNotice({
  report,
  onHanded,
}: {
  report: {
    id: string;
    missionCode: string | null;
    organisationCode: string | null;
    route: string;
    version: number;
    can: Record<string, boolean>;
  };
  onHanded: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const entities = useEntities();
  const hand = useMutation({
    mutationFn: () => api("POST", `/api/reports/${report.id}/hand-to-mission`, { version: report.version }),
    onSuccess: onHanded,
  });
  const mission = report.missionCode ?? t("reports.noMission");
  // Kept back because it names another organisation, not because the reporter chose headquarters.
  const aboutOrganisation = report.route !== "headquarters" ? report.organisationCode : null;
  return (
    <Alert
      color="grape"
      title={t(aboutOrganisation ? "reports.headquartersOnly.titleOrganisation" : "reports.headquartersOnly.title")}
    >
      <Text size="sm">
        {aboutOrganisation
          ? t("reports.headquartersOnly.textOrganisation", {
              mission,
              organisation: entities.shortNameOf(aboutOrganisation),
            })
          : t("reports.headquartersOnly.text", { mission })}
      </Text>
      <ProblemAlert error={hand.error} />
      {report.can.handToMission && report.missionCode && (
        <Group mt="sm">
          <ConfirmedAction
            label={t("reports.headquartersOnly.hand")}
            confirmLabel={t("reports.headquartersOnly.confirm", { mission })}
            pending={hand.isPending}
            onConfirm={() => hand.mutate()}
          />
        </Group>
      )}
    </Alert>
  );
}
