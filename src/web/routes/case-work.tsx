// Working on a case: completing its data (with the other person's version shown on a conflict),
// who is assigned, and the officers' notes.
import { DateField } from "../components/date-field.js";
import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format.js";
import { ApiProblem, api } from "../api.js";
import { Dialog } from "../components/dialog.js";
import type { Case, ListAssignees, ListNotes } from "../../domain/contracts/cases.js";
import type { RiskRegister } from "../../domain/contracts/risk.js";
import { PublicationButton } from "./publish.js";
import { FormActions, ProblemAlert, QueryView } from "../components/page.js";
import { useAllegationOptions, useCountries, usePersonnelCategories } from "../reference-data.js";

export type CaseData = Case;

const victimGroups = ["women", "girls", "boys", "men", "unknown"] as const;

const fieldLabels = {
  dateOfIncident: "cases.dateOfIncident",
  categoryCodes: "cases.categories",
  nationalityCodes: "cases.nationalities",
  allegationCodes: "cases.allegations",
  victims: "caseWork.victims",
  paternityClaim: "caseWork.paternityClaim",
  urgent: "caseWork.urgentBadge",
  childrenInvolved: "caseWork.childrenInvolved",
  riskLocation: "caseWork.riskLocation",
  narrativeConfidential: "caseWork.confidential",
} as const;

/** Which fields the other person changed: theirs (the server's current case) against the one this form opened. */
function changedFields(mine: CaseData, theirs: CaseData) {
  return (Object.keys(fieldLabels) as (keyof typeof fieldLabels)[]).filter(
    (field) => JSON.stringify(mine[field]) !== JSON.stringify(theirs[field]),
  );
}

export function EditCaseButton({ item }: { item: CaseData }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        {t("caseWork.edit")}
      </Button>
      <Dialog opened={open} onClose={() => setOpen(false)} title={t("caseWork.edit")}>
        {open && <CaseDataForm item={item} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

function CaseDataForm({ item, onDone }: { item: CaseData; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const countries = useCountries();
  const categories = usePersonnelCategories();
  const allegationOptions = useAllegationOptions();
  // The mission's risk register names its locations; a role that cannot read the register types one.
  const register = useQuery({
    queryKey: ["risk", item.missionCode],
    queryFn: () => api<RiskRegister>("GET", `/api/risk/${item.missionCode}`),
    retry: false,
  });
  const riskLocations = [...new Set((register.data?.locations ?? []).map((entry) => entry.location))];
  const form = useForm({
    initialValues: {
      dateOfIncident: item.dateOfIncident ?? "",
      categoryCodes: item.categoryCodes,
      nationalityCodes: item.nationalityCodes,
      allegationCodes: item.allegationCodes,
      victims: item.victims,
      paternityClaim: item.paternityClaim,
      urgent: item.urgent,
      childrenInvolved: item.childrenInvolved,
      place: item.place ?? "",
      riskLocation: item.riskLocation ?? "",
      narrative: item.narrative ?? "",
      narrativeConfidential: item.narrativeConfidential,
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      api("PATCH", `/api/cases/${item.id}`, {
        ...v,
        dateOfIncident: v.dateOfIncident || null,
        riskLocation: v.riskLocation.trim() || null,
        // Only officers who read the narrative (and the place as reported) send them back.
        narrative: item.can.readNarrative ? v.narrative.trim() || null : undefined,
        place: item.can.readNarrative ? v.place.trim() || null : undefined,
        version: item.version,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["case", item.id] });
      onDone();
    },
  });
  const conflict =
    save.error instanceof ApiProblem && save.error.status === 409
      ? (save.error.body.current as CaseData | undefined)
      : undefined;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        {conflict ? (
          <Alert color="orange" role="alert">
            <Text size="sm" mb="xs">
              {t("caseWork.conflict")}
            </Text>
            <Text size="sm" mb="xs">
              {t("caseWork.changedFields", {
                fields:
                  changedFields(item, conflict)
                    .map((field) => t(fieldLabels[field]))
                    .join(", ") || "—",
              })}
            </Text>
            <Button
              size="xs"
              variant="white"
              onClick={async () => {
                await queryClient.invalidateQueries({ queryKey: ["case", item.id] });
                onDone();
              }}
            >
              {t("caseWork.reload")}
            </Button>
          </Alert>
        ) : (
          <ProblemAlert error={save.error} />
        )}
        <DateField
          label={t("cases.dateOfIncident")}
          max={item.dateReported}
          description={t("caseWork.dateUnknown")}
          {...form.getInputProps("dateOfIncident")}
        />
        <MultiSelect label={t("cases.categories")} data={categories.options} {...form.getInputProps("categoryCodes")} />
        <MultiSelect
          label={t("cases.nationalities")}
          searchable
          data={countries.stateChoices}
          {...form.getInputProps("nationalityCodes")}
        />
        <MultiSelect
          label={t("cases.allegations")}
          searchable
          data={allegationOptions}
          {...form.getInputProps("allegationCodes")}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text size="sm" fw={500}>
              {t("caseWork.victims")}
            </Text>
          </legend>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {victimGroups.map((group) => (
              <NumberInput
                key={group}
                label={t(`caseWork.victimGroups.${group}`)}
                min={0}
                max={10000}
                {...form.getInputProps(`victims.${group}`)}
              />
            ))}
          </SimpleGrid>
        </fieldset>
        <Select
          label={t("caseWork.childrenInvolved")}
          allowDeselect={false}
          data={(["yes", "no", "unknown"] as const).map((value) => ({ value, label: t(`reports.answers.${value}`) }))}
          {...form.getInputProps("childrenInvolved")}
        />
        {item.can.readNarrative && <TextInput label={t("reports.place")} {...form.getInputProps("place")} />}
        <Autocomplete
          label={t("caseWork.riskLocation")}
          description={t("caseWork.riskLocationHelp")}
          data={riskLocations}
          {...form.getInputProps("riskLocation")}
        />
        <Group>
          <Checkbox
            label={t("caseWork.paternityClaim")}
            {...form.getInputProps("paternityClaim", { type: "checkbox" })}
          />
          <Checkbox label={t("caseWork.urgent")} {...form.getInputProps("urgent", { type: "checkbox" })} />
        </Group>
        {item.can.readNarrative && (
          <>
            <Textarea label={t("cases.narrative")} autosize minRows={4} {...form.getInputProps("narrative")} />
            <Switch
              label={t("caseWork.confidential")}
              description={t("caseWork.confidentialHelp")}
              {...form.getInputProps("narrativeConfidential", { type: "checkbox" })}
            />
          </>
        )}
        <FormActions onCancel={onDone} submitLabel={t("app.save")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

export function Assignments({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["case", caseId, "assignments"],
    queryFn: () => api<ListAssignees>("GET", `/api/cases/${caseId}/assignments`),
  });
  const save = useMutation({
    mutationFn: (userIds: string[]) => api("PUT", `/api/cases/${caseId}/assignments`, { userIds, version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["case", caseId] }),
  });
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {t("caseWork.assigned")}
      </Title>
      <ProblemAlert error={save.error} />
      <QueryView query={query}>
        {(data) => (
          <MultiSelect
            label={t("caseWork.assignedLabel")}
            searchable
            data={data.items.map((person) => ({
              value: person.id,
              label: `${person.name} (${t(`roles.${person.role}`)})`,
            }))}
            value={data.items.filter((person) => person.assigned).map((person) => person.id)}
            onChange={(userIds) => save.mutate(userIds)}
            disabled={save.isPending}
          />
        )}
      </QueryView>
    </Paper>
  );
}

export function Notes({ caseId, canAdd }: { caseId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["case", caseId, "notes"],
    queryFn: () => api<ListNotes>("GET", `/api/cases/${caseId}/notes`),
  });
  const form = useForm({ initialValues: { body: "" } });
  const add = useMutation({
    mutationFn: (body: string) => api("POST", `/api/cases/${caseId}/notes`, { body }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ["case", caseId, "notes"] });
    },
  });
  const format = useFormat();
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {t("caseWork.notes")}
      </Title>
      <QueryView query={query} isEmpty={(data) => data.items.length === 0 && !canAdd} empty={t("caseWork.noNotes")}>
        {(data) => (
          <Stack gap="xs">
            {data.items.map((note) => (
              <div key={note.id}>
                <Text size="xs" c="gray.7">
                  {format.dateTime(note.createdAt)} · {note.authorName}
                </Text>
                <Text style={{ whiteSpace: "pre-wrap" }}>{note.body}</Text>
              </div>
            ))}
          </Stack>
        )}
      </QueryView>
      {canAdd && (
        <form onSubmit={form.onSubmit((values) => add.mutate(values.body))}>
          <ProblemAlert error={add.error} />
          <Textarea
            mt="sm"
            label={t("caseWork.addNote")}
            required
            autosize
            minRows={2}
            {...form.getInputProps("body")}
          />
          <Group justify="flex-end" mt="xs">
            <Button type="submit" loading={add.isPending}>
              {t("caseWork.addNote")}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}

/** Releases the case for public statistics (only counts leave, never content), or withdraws it. */
/** Publishing or withdrawing the case goes through the same preview and confirmation as the publisher's queue. */
export function PublishButton({ caseId, published }: { caseId: string; published: boolean }) {
  return <PublicationButton caseIds={[caseId]} action={published ? "withdraw" : "publish"} variant="default" />;
}
