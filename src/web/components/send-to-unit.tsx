// Headquarters' hard-to-undo steps on a record: a second, named click confirms; and sending a report
// or a case to the unit that should work on it.
import { Alert, Button, Group, Paper, Select, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TransferCase } from "../../domain/contracts/cases.js";
import type { RouteReport } from "../../domain/contracts/reports.js";
import { api } from "../api.js";
import { useEntities, useMissions } from "../reference-data.js";
import { ProblemAlert } from "./page.js";

/** A step hard to undo: the first click asks, a second on the named confirmation does it. */
export function ConfirmedAction({
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
 * Headquarters sends a report or a case (`path`, answered with the unit) to the unit that should
 * work on it; the offices of the organisation named (or of the UN entity a named partner works for)
 * come first, every other open unit after.
 */
export function SendToUnit({
  path,
  record,
  help,
  send,
  onSent,
}: {
  path: string;
  record: { missionCode: string | null; organisationCode: string | null; version: number };
  help: string;
  send: string;
  onSent: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const missions = useMissions();
  const entities = useEntities();
  const [unit, setUnit] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: (missionCode: string) =>
      api<RouteReport | TransferCase>("POST", path, { missionCode, version: record.version }),
    onSuccess: async () => {
      setUnit(null);
      await onSent();
    },
  });
  const named = entities.data?.items.find((entity) => entity.code === record.organisationCode);
  const entityOfNamed = named?.partnerOf ?? named?.code;
  const units = (missions.data?.items ?? []).filter(
    (mission) => mission.current && mission.code !== record.missionCode,
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
        {help}
      </Text>
      <ProblemAlert error={move.error} />
      {move.isSuccess && (
        <Alert color="green" mb="sm" role="status">
          {t("reports.routeTo.sent", { unit: move.data.missionCode })}
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
          label={send}
          confirmLabel={t("reports.routeTo.confirm", { unit })}
          disabled={!unit}
          pending={move.isPending}
          onConfirm={() => unit && move.mutate(unit)}
        />
      </Group>
    </Paper>
  );
}
