// Marks a report carries wherever it is listed (urgency, a new message) and its thread with the reporter.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api.js";
import { ProblemAlert } from "./page.js";
import { useTranslation } from "react-i18next";
import type { ListCaseReports, RouteReport as RouteReportAnswer } from "../../domain/contracts/reports.js";
import { useFormat } from "../format.js";
import { useEntities, useMissions } from "../reference-data.js";

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

/** A step hard to undo: the first click asks, a second on the named confirmation does it. */
function ConfirmedAction({
  label,
  confirmLabel,
  pending,
  disabled = false,
  onConfirm,
}: {
  label: string;
  confirmLabel: string;
  pending: boolean;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <Button variant="light" color="grape" disabled={disabled} onClick={() => setConfirming(true)}>
        {label}
      </Button>
    );
  return (
    <>
      <Button color="grape" loading={pending} onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button variant="subtle" onClick={() => setConfirming(false)}>
        {t("app.cancel")}
      </Button>
    </>
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

/**
 * Headquarters sends a report to the unit that should work on it; the offices of the organisation
 * the reporter named (or of the UN entity a named partner works for) come first.
 */
export function RouteReport({
  report,
  onRouted,
}: {
  report: { id: string; missionCode: string | null; organisationCode: string | null; version: number };
  onRouted: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const missions = useMissions();
  const entities = useEntities();
  const [unit, setUnit] = useState<string | null>(null);
  const route = useMutation({
    mutationFn: (missionCode: string) =>
      api<RouteReportAnswer>("POST", `/api/reports/${report.id}/route`, { missionCode, version: report.version }),
    onSuccess: async () => {
      setUnit(null);
      await onRouted();
    },
  });
  const named = entities.data?.items.find((entity) => entity.code === report.organisationCode);
  const entityOfNamed = named?.partnerOf ?? named?.code;
  const units = (missions.data?.items ?? []).filter(
    (mission) => mission.current && mission.code !== report.missionCode,
  );
  const option = (mission: (typeof units)[number]) => ({
    value: mission.code,
    label: `${mission.code} — ${mission.name}`,
  });
  const suggested = units.filter((mission) => mission.entityCode === entityOfNamed);
  const data = [
    ...(suggested.length && entityOfNamed
      ? [
          {
            group: t("reports.routeTo.suggested", { organisation: entities.shortNameOf(entityOfNamed) }),
            items: suggested.map(option),
          },
        ]
      : []),
    { group: t("reports.routeTo.others"), items: units.filter((mission) => !suggested.includes(mission)).map(option) },
  ];
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="xs">
        {t("reports.routeTo.title")}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t("reports.routeTo.help", { mission: report.missionCode ?? t("reports.noMission") })}
      </Text>
      <ProblemAlert error={route.error} />
      {route.isSuccess && (
        <Alert color="green" mb="sm" role="status">
          {t("reports.routeTo.sent", { unit: route.data.missionCode })}
        </Alert>
      )}
      <Group align="flex-end">
        <Select
          label={t("reports.routeTo.unit")}
          data={data}
          value={unit}
          onChange={setUnit}
          searchable
          w={{ base: "100%", sm: 380 }}
        />
        {/* A new unit chosen asks again: the confirmation names the unit. */}
        <ConfirmedAction
          key={unit ?? ""}
          label={t("reports.routeTo.send")}
          confirmLabel={t("reports.routeTo.confirm", { unit })}
          disabled={!unit}
          pending={route.isPending}
          onConfirm={() => unit && route.mutate(unit)}
        />
      </Group>
    </Paper>
  );
}
