// Reference data: missions (maintained by administrators), countries in the six UN languages,
// personnel categories, SEA allegation types and the misconduct taxonomy.
import { Badge, Button, Group, NumberInput, Select, Stack, Table, Tabs, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useVocabulary } from "../i18n/index.js";
import { unEntityKinds } from "../../domain/reference/entities.js";
import { LanguagesPanel } from "./languages.js";
import {
  type CreateMissionBody,
  createMissionBody,
  type CreateUnEntityBody,
  createUnEntityBody,
  type Mission,
  missionKindSchema,
  type PersonnelCategoryList,
} from "../../domain/contracts/reference.js";
import { api } from "../api.js";
import { Dialog } from "../components/dialog.js";
import { FormActions, PageHeader, ProblemAlert, QueryView, DataTable } from "../components/page.js";
import { validateWith } from "../forms.js";
import { useCountries, useEntities, useMissions } from "../reference-data.js";
import { FederationPanel } from "./federation.js";

/** A reference code, typed in capitals whatever the keyboard sends (MONUSCO, UNICEF-COD). */
function CodeInput({
  form,
  disabled = false,
}: {
  form: { getInputProps: (path: string) => object; setFieldValue: (path: "code", value: string) => void };
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("reference.code")}
      required
      disabled={disabled}
      {...form.getInputProps("code")}
      onChange={(e) => form.setFieldValue("code", e.currentTarget.value.toUpperCase())}
    />
  );
}

function MissionForm({ mission, onClose }: { mission: Mission | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const countries = useCountries();
  const entities = useEntities();
  const form = useForm<CreateMissionBody>({
    initialValues: mission
      ? {
          code: mission.code,
          entityCode: mission.entityCode,
          name: mission.name,
          nameFr: mission.nameFr,
          kind: mission.kind as CreateMissionBody["kind"],
          hostCountryCode: mission.hostCountryCode,
          location: mission.location,
          startYear: mission.startYear,
          endYear: mission.endYear,
        }
      : {
          code: "",
          name: "",
          nameFr: null,
          kind: "peacekeeping_operation",
          hostCountryCode: null,
          location: null,
          startYear: new Date().getFullYear(),
          endYear: null,
        },
    validate: validateWith(createMissionBody, t),
  });
  const save = useMutation({
    mutationFn: ({ code, ...fields }: CreateMissionBody) =>
      mission
        ? api("PATCH", `/api/reference/missions/${mission.code}`, { ...fields, version: mission.version })
        : api("POST", "/api/reference/missions", { code, ...fields }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["reference", "missions"] });
      onClose();
    },
  });
  const emptyToNull = (value: string) => (value.trim() === "" ? null : value);
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <CodeInput form={form} disabled={mission !== null} />
        <TextInput label={t("reference.name")} required {...form.getInputProps("name")} />
        <TextInput
          label={t("reference.nameFr")}
          value={form.values.nameFr ?? ""}
          onChange={(e) => form.setFieldValue("nameFr", emptyToNull(e.currentTarget.value))}
          error={form.errors.nameFr}
        />
        <Select
          label={t("reference.kind")}
          data={missionKindSchema.options.map((kind) => ({ value: kind, label: t(`reference.kinds.${kind}`) }))}
          allowDeselect={false}
          {...form.getInputProps("kind")}
        />
        <Select
          label={t("reference.entity")}
          description={t("reference.entityHelp")}
          searchable
          clearable
          data={entities.choices}
          value={form.values.entityCode ?? null}
          onChange={(value) => form.setFieldValue("entityCode", value ?? undefined)}
          error={form.errors.entityCode}
        />
        <Select
          label={t("reference.hostCountry")}
          searchable
          clearable
          data={countries.everyChoice}
          {...form.getInputProps("hostCountryCode")}
        />
        <TextInput
          label={t("reference.location")}
          value={form.values.location ?? ""}
          onChange={(e) => form.setFieldValue("location", emptyToNull(e.currentTarget.value))}
        />
        <Group grow>
          <NumberInput label={t("reference.startYear")} min={1945} max={2100} {...form.getInputProps("startYear")} />
          <NumberInput
            label={t("reference.endYear")}
            min={1945}
            max={2100}
            value={form.values.endYear ?? ""}
            onChange={(value) => form.setFieldValue("endYear", value === "" ? null : Number(value))}
            error={form.errors.endYear}
          />
        </Group>
        <FormActions onCancel={onClose} submitLabel={t("app.save")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function Missions({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const preferFrench = i18n.language === "fr";
  const missions = useMissions();
  const countries = useCountries();
  const entities = useEntities();
  const [editing, setEditing] = useState<Mission | "new" | null>(null);
  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button onClick={() => setEditing("new")}>{t("reference.newMission")}</Button>
        </Group>
      )}
      <QueryView query={missions}>
        {(data) => (
          <DataTable
            label={t("reference.missions")}
            minWidth={720}
            headers={[
              t("reference.code"),
              t("reference.name"),
              t("reference.kind"),
              t("reference.entity"),
              t("reference.hostCountry"),
              t("reference.years"),
            ]}
            actions={canManage}
          >
            {data.items.map((mission) => (
              <Table.Tr key={mission.code}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {mission.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lang={preferFrench && mission.nameFr ? "fr" : "en"}>
                    {preferFrench && mission.nameFr ? mission.nameFr : mission.name}
                  </Text>
                  {mission.nameFr && (
                    <Text size="xs" c="gray.7" lang={preferFrench ? "en" : "fr"}>
                      {preferFrench ? mission.name : mission.nameFr}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`reference.kinds.${mission.kind}`)}</Table.Td>
                <Table.Td>{entities.shortNameOf(mission.entityCode)}</Table.Td>
                <Table.Td>
                  {mission.hostCountryCode ? countries.nameOf(mission.hostCountryCode) : mission.location}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" dir="ltr">
                      {mission.startYear}–{mission.endYear ?? ""}
                    </Text>
                    {mission.current ? (
                      <Badge size="sm" color="green" variant="light">
                        {t("reference.current")}
                      </Badge>
                    ) : (
                      <Badge size="sm" color="gray" variant="light">
                        {t("reference.closed")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing(mission)}
                      aria-label={`${t("reference.editMission")}: ${mission.code}`}
                    >
                      {t("reference.editMission")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("reference.newMission") : t("reference.editMission")}
      >
        {editing && <MissionForm mission={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
      </Dialog>
    </>
  );
}

function EntityForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const entities = useEntities();
  const form = useForm<CreateUnEntityBody>({
    initialValues: { code: "", kind: "implementing_partner", name: "", partnerOf: null },
    validate: validateWith(createUnEntityBody, t),
  });
  const save = useMutation({
    mutationFn: (values: CreateUnEntityBody) => api("POST", "/api/reference/entities", values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["reference", "entities"] });
      onClose();
    },
  });
  // A partner works for an entity of the UN system, not for another partner or a force.
  const outside = new Set(
    (entities.data?.items ?? [])
      .filter((entity) => entity.kind === "implementing_partner" || entity.kind === "non_un_force")
      .map((entity) => entity.code),
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <CodeInput form={form} />
        <TextInput label={t("reference.name")} required {...form.getInputProps("name")} />
        <Select
          label={t("reference.kind")}
          data={unEntityKinds.map((kind) => ({ value: kind, label: t(`reference.entityKinds.${kind}`) }))}
          allowDeselect={false}
          {...form.getInputProps("kind")}
          onChange={(kind) => {
            form.setFieldValue("kind", kind as CreateUnEntityBody["kind"]);
            if (kind !== "implementing_partner") form.setFieldValue("partnerOf", null);
          }}
        />
        {form.values.kind === "implementing_partner" && (
          <Select
            label={t("reference.partnerOf")}
            required
            searchable
            data={entities.choices.filter((choice) => !outside.has(choice.value))}
            {...form.getInputProps("partnerOf")}
          />
        )}
        <FormActions onCancel={onClose} submitLabel={t("reference.newEntity")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

/** The UN system's entities, each with its units: the scopes records are kept in, one UN. */
function Entities({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const entities = useEntities();
  const [adding, setAdding] = useState(false);
  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button onClick={() => setAdding(true)}>{t("reference.newEntity")}</Button>
        </Group>
      )}
      <QueryView query={entities}>
        {(data) => (
          <DataTable
            label={t("reference.entities")}
            minWidth={720}
            headers={[t("reference.shortName"), t("reference.name"), t("reference.kind"), t("reference.units")]}
          >
            {data.items.map((entity) => (
              <Table.Tr key={entity.code}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {entities.shortNameOf(entity.code)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entities.nameOf(entity)}</Text>
                  {entity.partnerOf && (
                    <Text size="xs" c="gray.7">
                      {t("reference.partnerOf")}: {entities.shortNameOf(entity.partnerOf)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`reference.entityKinds.${entity.kind}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm" dir="ltr">
                    {entity.units.join(", ")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <Dialog opened={adding} onClose={() => setAdding(false)} title={t("reference.newEntity")}>
        {adding && <EntityForm onClose={() => setAdding(false)} />}
      </Dialog>
    </>
  );
}

function Countries() {
  const { t } = useTranslation();
  const countries = useCountries();
  const [search, setSearch] = useState("");
  const languagesShown = ["ar", "zh", "en", "fr", "ru", "es"];
  return (
    <QueryView query={countries}>
      {(data) => {
        const needle = search.trim().toLowerCase();
        const rows = data.items.filter(
          (c) =>
            !needle ||
            c.code.toLowerCase().includes(needle) ||
            Object.values(c.names).some((name) => name.toLowerCase().includes(needle)),
        );
        return (
          <>
            <TextInput
              label={t("reference.search")}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              mb="sm"
              maw={320}
            />
            <DataTable
              label={t("reference.countries")}
              minWidth={900}
              headers={[t("reference.code"), ...languagesShown.map((language) => language.toUpperCase())]}
            >
              {rows.map((country) => (
                <Table.Tr key={country.code}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {country.code}
                    </Text>
                  </Table.Td>
                  {languagesShown.map((language) => (
                    <Table.Td key={language} lang={language} dir={language === "ar" ? "rtl" : "ltr"}>
                      {country.names[language]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </DataTable>
          </>
        );
      }}
    </QueryView>
  );
}

function SimpleList<T extends { code: string; label: string }>({
  queryKey,
  url,
  columns,
  labelOf = (item) => item.label,
}: {
  queryKey: string;
  url: string;
  columns: { title: string; value: (item: T) => React.ReactNode }[];
  labelOf?: (item: T) => string;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["reference", queryKey],
    queryFn: () => api<{ items: T[] }>("GET", url),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <QueryView query={query}>
      {(data) => (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reference.code")}</Table.Th>
              <Table.Th>{t("reference.name")}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column.title}>{column.title}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((item) => (
              <Table.Tr key={item.code}>
                <Table.Td>
                  <Text size="sm" ff="monospace" dir="ltr">
                    {item.code}
                  </Text>
                </Table.Td>
                <Table.Td>{labelOf(item)}</Table.Td>
                {columns.map((column) => (
                  <Table.Td key={column.title}>{column.value(item)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryView>
  );
}

export function ReferencePage({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const words = useVocabulary();
  return (
    <>
      <PageHeader title={t("reference.title")} />
      <Tabs defaultValue="missions" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="missions">{t("reference.missions")}</Tabs.Tab>
          <Tabs.Tab value="entities">{t("reference.entities")}</Tabs.Tab>
          <Tabs.Tab value="countries">{t("reference.countries")}</Tabs.Tab>
          <Tabs.Tab value="categories">{t("reference.categories")}</Tabs.Tab>
          <Tabs.Tab value="allegations">{t("reference.allegationTypes")}</Tabs.Tab>
          <Tabs.Tab value="misconduct">{t("reference.misconductTypes")}</Tabs.Tab>
          <Tabs.Tab value="languages">{t("languages.title")}</Tabs.Tab>
          {canManage && <Tabs.Tab value="federation">{t("federation.title")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="missions">
          <Missions canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="entities">
          <Entities canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="countries">
          <Countries />
        </Tabs.Panel>
        <Tabs.Panel value="categories">
          <SimpleList<PersonnelCategoryList["items"][number]>
            queryKey="categories"
            url="/api/reference/personnel-categories"
            labelOf={(item) => t(`categories.${item.code}`)}
            columns={[
              { title: t("reference.uniformed"), value: (item) => (item.uniformed ? t("app.yes") : t("app.no")) },
              { title: t("reference.systemWide"), value: (item) => words.systemWideCategories[item.systemWide] },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="allegations">
          <SimpleList<{ code: string; label: string; kind: string }>
            queryKey="allegations"
            url="/api/reference/allegation-types"
            columns={[{ title: t("reference.kind"), value: (item) => <Badge variant="light">{item.kind}</Badge> }]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="misconduct">
          <SimpleList<{ code: string; label: string; level: string; thematicArea: string }>
            queryKey="misconduct"
            url="/api/reference/misconduct-types"
            columns={[
              { title: t("reference.thematicArea"), value: (item) => t(`reference.areas.${item.thematicArea}`) },
              {
                title: t("reference.level"),
                value: (item) => (
                  <Badge color={item.level === "serious_misconduct" ? "red" : "gray"} variant="light">
                    {t(`reference.levels.${item.level}`)}
                  </Badge>
                ),
              },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="languages">
          <LanguagesPanel canManage={canManage} />
        </Tabs.Panel>
        {canManage && (
          <Tabs.Panel value="federation">
            <FederationPanel />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
