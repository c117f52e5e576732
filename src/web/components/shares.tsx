// The units of other entities a record is shared with (one UN: a victim's record, a case, a unit's
// risk register), each with what allows it, who shared it, and ending a share where the reader may.
import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type UseMutationResult, useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ReasonedShares } from "../../domain/contracts/fields.js";
import { api } from "../api.js";
import { useFormat } from "../format.js";
import { useEntities, useMissions } from "../reference-data.js";
import { DialogForm } from "./dialog.js";
import { ProblemAlert, QueryView } from "./page.js";

interface Share {
  id: string;
  unitCode: string;
  entityCode: string;
  sharedAt: string;
  sharedByName: string | null;
  endedAt: string | null;
  canEnd: boolean;
}

export function ShareList<S extends Share>({
  shares,
  none,
  detail,
  end,
}: {
  shares: S[];
  /** What the list says when the record was never shared. */
  none: string;
  /** The share's own line: since when, and the consent or the reason that allows it. */
  detail: (share: S) => string;
  end: UseMutationResult<unknown, Error, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const entities = useEntities();
  return (
    <Stack gap="xs">
      <ProblemAlert error={end.error} />
      {shares.length === 0 && (
        <Text size="sm" c="gray.7">
          {none}
        </Text>
      )}
      {shares.map((item) => (
        <Group key={item.id} justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {item.unitCode} — {entities.shortNameOf(item.entityCode)}
            </Text>
            <Text size="xs" c="gray.7">
              {detail(item)}
              {item.sharedByName && ` · ${t("sharing.sharedBy", { name: item.sharedByName })}`}
            </Text>
          </Stack>
          {item.endedAt ? (
            <Badge color="gray" variant="light">
              {t("sharing.ended", { date: format.date(item.endedAt) })}
            </Badge>
          ) : (
            item.canEnd && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={end.isPending && end.variables === item.id}
                onClick={() => end.mutate(item.id)}
                aria-label={`${t("sharing.end")}: ${item.unitCode}`}
              >
                {t("sharing.end")}
              </Button>
            )
          )}
        </Group>
      ))}
    </Stack>
  );
}

/**
 * A record shared with units of other entities for a stated reason (a case, a unit's risk register):
 * the shares, sharing (for those who keep the record), ending (for them, or the unit shared with).
 * `keys` names the record's words (title, help, …) in the translations.
 */
export function ReasonedSharesPanel({
  path,
  holder,
  canShare,
  sharedWithReader,
  keys,
  onChange,
}: {
  path: string;
  holder: string;
  canShare: boolean;
  /** The reader's unit reads the record through a share (it says so). */
  sharedWithReader: boolean;
  keys: "cases.shares" | "risk.shares";
  onChange: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const missions = useMissions().data?.items ?? [];
  const entities = useEntities();
  const shares = useQuery({ queryKey: [path], queryFn: () => api<ReasonedShares>("GET", path) });
  const refresh = async () => {
    await shares.refetch();
    await onChange();
  };
  const form = useForm({
    initialValues: { unitCode: "", reason: "" },
    validate: {
      unitCode: (value) => (value ? null : t(`${keys}.chooseUnit`)),
      reason: (value) => (value.trim() ? null : t(`${keys}.giveReason`)),
    },
  });
  const share = useMutation({
    mutationFn: (values: typeof form.values) => api<ReasonedShares>("POST", path, values),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
  });
  const end = useMutation({
    mutationFn: (shareId: string) => api<ReasonedShares>("POST", `${path}/${shareId}/end`),
    onSuccess: refresh,
  });
  const ownEntity = missions.find((mission) => mission.code === holder)?.entityCode;
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t(`${keys}.title`)}
        </Title>
        {canShare && (
          <DialogForm label={t(`${keys}.share`)} form={form} mutation={share}>
            <Text size="sm">{t(`${keys}.help`, { mission: holder })}</Text>
            <Select
              label={t(`${keys}.unit`)}
              searchable
              required
              data={missions
                .filter((mission) => mission.current && mission.entityCode !== ownEntity)
                .map((mission) => ({
                  value: mission.code,
                  label: `${mission.code} — ${entities.shortNameOf(mission.entityCode)}`,
                }))}
              {...form.getInputProps("unitCode")}
            />
            <Textarea label={t(`${keys}.reason`)} required autosize minRows={2} {...form.getInputProps("reason")} />
          </DialogForm>
        )}
      </Group>
      {sharedWithReader && (
        <Text size="sm" mb="xs">
          {t(`${keys}.sharedWithYou`, { mission: holder })}
        </Text>
      )}
      <QueryView query={shares}>
        {(data) => (
          <ShareList
            shares={data.items}
            none={t(`${keys}.none`, { mission: holder })}
            detail={(share) => t(`${keys}.since`, { date: format.date(share.sharedAt), reason: share.reason })}
            end={end}
          />
        )}
      </QueryView>
    </Paper>
  );
}
