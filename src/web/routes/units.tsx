// Patterns in units: each unit's (a contingent's rotation) allegations by outcome, its rate per 1,000
// personnel against its mission's, the resolution 2272 signals, and headquarters' decisions on it.
import { Group, NativeSelect, Stack, Switch, Table, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { seaAllegations, unitDecisions } from "../../domain/command.js";
import type { UnitDecisionBody, UnitPatterns } from "../../domain/contracts/command.js";
import { api } from "../api.js";
import { DateField } from "../components/date-field.js";
import { DialogForm } from "../components/dialog.js";
import { DataTable, MissionFilter, PageHeader, Pager, QueryView, WarningBadges } from "../components/page.js";
import { useFormat } from "../format.js";
import { useCountries, useMissionChoices, usePersonnelCategories } from "../reference-data.js";
import { useMe } from "../session.js";

type Unit = UnitPatterns["items"][number];

function DecisionForm({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<UnitDecisionBody>({
    initialValues: { decision: "review", decidedOn: "", grounds: "" },
  });
  const decide = useMutation({
    mutationFn: (values: UnitDecisionBody) => api("POST", `/api/units/${unit.id}/decisions`, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["unit-patterns"] }),
  });
  return (
    <DialogForm label={t("units.decide")} title={`${t("units.decide")}: ${unit.name}`} form={form} mutation={decide}>
      <NativeSelect
        label={t("units.decision")}
        data={unitDecisions.map((decision) => ({ value: decision, label: t(`units.decisionKinds.${decision}`) }))}
        {...form.getInputProps("decision")}
      />
      <DateField label={t("units.decidedOn")} required {...form.getInputProps("decidedOn")} />
      <Textarea
        label={t("units.grounds")}
        required
        autosize
        minRows={3}
        maxLength={2000}
        {...form.getInputProps("grounds")}
      />
    </DialogForm>
  );
}

function Allegations({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {format.number(seaAllegations(unit.allegations))}
      {(["substantiated", "notSubstantiated", "pending"] as const).map((outcome) => (
        <Text key={outcome} size="xs" c="gray.7" style={{ whiteSpace: "nowrap" }}>
          {t(`units.outcomeCounts.${outcome}`, { n: format.number(unit.allegations[outcome]) })}
        </Text>
      ))}
    </>
  );
}

export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const format = useFormat();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const [mission, setMission] = useState<string | null>(null);
  const [signalledOnly, setSignalledOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    queryKey: ["unit-patterns", mission, signalledOnly, offset],
    queryFn: () =>
      api<UnitPatterns>(
        "GET",
        `/api/units/patterns?${new URLSearchParams({
          ...(mission ? { mission } : {}),
          ...(signalledOnly ? { signalled: "true" } : {}),
          offset: String(offset),
        })}`,
      ),
  });
  const rate = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rateOf = (value: number | null) => (value === null ? "—" : rate.format(value));
  const missionChoices = useMissionChoices();
  return (
    <>
      <PageHeader title={t("units.title")} intro={t("units.intro")} />
      <Group align="end" mb="md">
        {me?.role !== "member_state_focal_point" && (
          <MissionFilter
            choices={missionChoices}
            value={mission}
            onChange={(chosen) => {
              setMission(chosen);
              setOffset(0);
            }}
          />
        )}
        <Switch
          label={t("units.signalledOnly")}
          checked={signalledOnly}
          onChange={(event) => {
            setSignalledOnly(event.currentTarget.checked);
            setOffset(0);
          }}
        />
      </Group>
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("units.none")}>
        {(data) => (
          <>
            <DataTable
              label={t("units.title")}
              minWidth={1000}
              headers={[
                t("command.unit"),
                t("cases.mission"),
                t("training.state"),
                t("training.strength"),
                t("units.seaAllegations"),
                t("units.otherMisconduct"),
                t("units.perThousand"),
                t("units.signals"),
                t("units.decisions"),
              ]}
              actions={data.can.decide}
            >
              {data.items.map((unit) => (
                <Table.Tr key={unit.id}>
                  <Table.Td>
                    {unit.name}
                    <Text size="xs" c="gray.7">
                      {[unit.rotation, categories.labelOf(unit.categoryCode)].filter(Boolean).join(" · ")}
                    </Text>
                  </Table.Td>
                  <Table.Td>{unit.missionCode}</Table.Td>
                  <Table.Td>{countries.nameOf(unit.countryCode)}</Table.Td>
                  <Table.Td>{format.number(unit.strength)}</Table.Td>
                  <Table.Td>
                    <Allegations unit={unit} />
                  </Table.Td>
                  <Table.Td>{format.number(unit.allegations.otherMisconduct)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {rateOf(unit.ratePerThousand)}
                    <Text size="xs" c="gray.7">
                      {t("units.missionRate", { rate: rateOf(unit.missionRate) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {unit.signals.length === 0 ? (
                      <Text size="sm" c="gray.7">
                        {t("units.noSignal")}
                      </Text>
                    ) : (
                      <WarningBadges labels={unit.signals.map((signal) => t(`units.signalKinds.${signal}`))} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {unit.decisions.length === 0 ? (
                      <Text size="sm" c="gray.7">
                        {t("units.noDecision")}
                      </Text>
                    ) : (
                      <Stack gap={6}>
                        {unit.decisions.map((decision) => (
                          <div key={decision.id}>
                            <Text size="sm" fw={600}>
                              {t(`units.decisionKinds.${decision.decision}`)} · {format.date(decision.decidedOn)}
                            </Text>
                            <Text size="xs" c="gray.7">
                              {decision.grounds}
                            </Text>
                          </div>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  {data.can.decide && (
                    <Table.Td>
                      <DecisionForm unit={unit} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </DataTable>
            {data.total > data.limit && (
              <Pager
                offset={data.offset}
                pageSize={data.limit}
                hasMore={data.offset + data.items.length < data.total}
                position={t("units.showing", {
                  from: format.number(data.offset + 1),
                  to: format.number(data.offset + data.items.length),
                  total: format.number(data.total),
                })}
                onChange={setOffset}
              />
            )}
          </>
        )}
      </QueryView>
    </>
  );
}
