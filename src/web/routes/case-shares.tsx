// On the case page: the units of other entities the case is shared with, and why; for those who
// manage the case, sharing it and ending a share; for the unit shared with, handing it back.
import { Paper, Select, Text, Textarea, Title, Group } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CaseShares } from "../../domain/contracts/cases.js";
import { api } from "../api.js";
import { DialogForm } from "../components/dialog.js";
import { QueryView } from "../components/page.js";
import { ShareList } from "../components/shares.js";
import { useFormat } from "../format.js";
import { useEntities, useMissions } from "../reference-data.js";
import { useMe } from "../session.js";
import type { CaseData } from "./case-work.js";

export function CaseSharesPanel({ item }: { item: CaseData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe().data;
  const missions = useMissions().data?.items ?? [];
  const entities = useEntities();
  const queryClient = useQueryClient();
  const shares = useQuery({
    queryKey: ["case", item.id, "shares"],
    queryFn: () => api<CaseShares>("GET", `/api/cases/${item.id}/shares`),
  });
  // The case's abilities, list and history change with a share: all are read again.
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["case", item.id] });
  const form = useForm({
    initialValues: { unitCode: "", reason: "" },
    validate: {
      unitCode: (value) => (value ? null : t("cases.shares.chooseUnit")),
      reason: (value) => (value.trim() ? null : t("cases.shares.giveReason")),
    },
  });
  const share = useMutation({
    mutationFn: (values: typeof form.values) => api<CaseShares>("POST", `/api/cases/${item.id}/shares`, values),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
  });
  const end = useMutation({
    mutationFn: (shareId: string) => api<CaseShares>("POST", `/api/cases/${item.id}/shares/${shareId}/end`),
    onSuccess: refresh,
  });
  const ownEntity = missions.find((mission) => mission.code === item.missionCode)?.entityCode;
  const sharedWithMe = !item.can.share && item.sharedUnitCodes.some((unit) => me?.missionCodes.includes(unit));
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("cases.shares.title")}
        </Title>
        {item.can.share && (
          <DialogForm label={t("cases.shares.share")} form={form} mutation={share}>
            <Text size="sm">{t("cases.shares.help", { mission: item.missionCode })}</Text>
            <Select
              label={t("cases.shares.unit")}
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
            <Textarea
              label={t("cases.shares.reason")}
              required
              autosize
              minRows={2}
              {...form.getInputProps("reason")}
            />
          </DialogForm>
        )}
      </Group>
      {sharedWithMe && (
        <Text size="sm" mb="xs">
          {t("cases.shares.sharedWithYou", { mission: item.missionCode })}
        </Text>
      )}
      <QueryView query={shares}>
        {(data) => (
          <ShareList
            shares={data.items}
            none={t("cases.shares.none", { mission: item.missionCode })}
            detail={(share) => t("cases.shares.since", { date: format.date(share.sharedAt), reason: share.reason })}
            mayEnd={(share) =>
              item.can.share || (me?.role === "cdt_officer" && me.missionCodes.includes(share.unitCode))
            }
            end={end}
          />
        )}
      </QueryView>
    </Paper>
  );
}
