// On the victim record: the units of other entities it is shared with (a child referred to UNICEF's
// office), on whose consent, and — for the unit that keeps the record — sharing it and ending a share.
import { Group, Paper, Select, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { ReadVictim } from "../../domain/contracts/victims.js";
import { consentGivers } from "../../domain/victims.js";
import { api } from "../api.js";
import { DateField } from "../components/date-field.js";
import { DialogForm } from "../components/dialog.js";
import { ShareList } from "../components/shares.js";
import { useFormat } from "../format.js";
import { useEntities, useMissions } from "../reference-data.js";
import { useVictimMutation } from "./victim-mutation.js";

export function SharesPanel({ victim }: { victim: ReadVictim }) {
  const { t } = useTranslation();
  const format = useFormat();
  const missions = useMissions().data?.items ?? [];
  const entities = useEntities();
  const ownEntity = missions.find((mission) => mission.code === victim.missionCode)?.entityCode;
  const child = victim.ageGroup === "child";
  const form = useForm({
    initialValues: {
      unitCode: "",
      consentBy: child ? "caregiver" : "victim",
      consentOn: new Date().toISOString().slice(0, 10),
    },
    validate: { unitCode: (value) => (value ? null : t("victims.shares.chooseUnit")) },
  });
  const share = useVictimMutation(victim.id, (values: typeof form.values) =>
    api("POST", `/api/victims/${victim.id}/shares`, values),
  );
  const end = useVictimMutation(victim.id, (shareId: string) =>
    api("POST", `/api/victims/${victim.id}/shares/${shareId}/end`),
  );
  const active = victim.shares.filter((item) => item.endedAt === null);
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("victims.shares.title")}
        </Title>
        {victim.can.share && (
          <DialogForm label={t("victims.shares.share")} form={form} mutation={share}>
            <Text size="sm">{t("victims.shares.help")}</Text>
            <Select
              label={t("victims.shares.unit")}
              searchable
              required
              data={missions
                .filter((mission) => mission.entityCode !== ownEntity)
                .map((mission) => ({
                  value: mission.code,
                  label: `${mission.code} — ${entities.shortNameOf(mission.entityCode)}`,
                }))}
              {...form.getInputProps("unitCode")}
            />
            <Select
              label={t("victims.shares.consentBy")}
              description={child ? t("victims.shares.childConsent") : undefined}
              allowDeselect={false}
              data={consentGivers.map((value) => ({ value, label: t(`victims.shares.givers.${value}`) }))}
              {...form.getInputProps("consentBy")}
            />
            <DateField label={t("victims.givenOn")} required {...form.getInputProps("consentOn")} />
          </DialogForm>
        )}
      </Group>
      <ShareList
        shares={victim.shares}
        none={t("victims.shares.none")}
        detail={(item) =>
          t("victims.shares.since", {
            date: format.date(item.sharedAt),
            giver: t(`victims.shares.givers.${item.consentBy}`),
            consentOn: format.date(item.consentOn),
          })
        }
        end={end}
      />
      {active.length > 0 && !victim.can.share && (
        <Text size="xs" c="gray.7" mt="xs">
          {t("victims.shares.sharedWithYou", { unit: victim.missionCode })}
        </Text>
      )}
    </Paper>
  );
}
