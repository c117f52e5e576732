// Help for reporters, as the public pages show it: each mission's (and headquarters') contacts and
// words on what happens next, kept by the mission's team, every change a new version.
import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ListLanguages } from "../../domain/contracts/languages.js";
import { publicLanguageSchema } from "../../domain/contracts/reports.js";
import {
  HEADQUARTERS,
  type HelpHistory,
  type HelpInformation,
  type ListHelpInformation,
  helpContactKinds,
} from "../../domain/help.js";
import { api } from "../api.js";
import { DialogButton, DialogForm } from "../components/dialog.js";
import { EmptyState, PageHeader, QueryView } from "../components/page.js";
import { useFormat } from "../format.js";
import { useVocabulary } from "../i18n/index.js";

const languages = publicLanguageSchema.options;
type Contact = HelpInformation["contacts"][number];
type Texts = Record<string, { nextSteps: string; timeline: string }>;

function useScopeName() {
  const { t } = useTranslation();
  return (scope: string) => (scope === HEADQUARTERS ? t("helpInformation.headquarters") : scope);
}

/** The UN's six, then the communities' languages the report pages speak, each with its name. */
function useHelpLanguages() {
  const { t } = useTranslation();
  const community = useQuery({ queryKey: ["languages"], queryFn: () => api<ListLanguages>("GET", "/api/languages") });
  return [
    ...languages.map((code) => ({
      code,
      name: t(`helpInformation.languages.${code}`),
      dir: code === "ar" ? "rtl" : "ltr",
    })),
    ...(community.data?.items ?? []).map((language) => ({
      code: language.code,
      name: language.name,
      dir: language.dir,
    })),
  ];
}

function EditHelp({ scope, current }: { scope: string; current: HelpInformation | null }) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const queryClient = useQueryClient();
  const helpLanguages = useHelpLanguages();
  const form = useForm<{ contacts: Contact[]; texts: Texts }>({
    initialValues: {
      contacts: current?.contacts ?? [],
      texts: Object.fromEntries(
        helpLanguages.map(({ code }) => [code, current?.texts[code] ?? { nextSteps: "", timeline: "" }]),
      ),
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api("PUT", `/api/help-information/${scope}`, {
        contacts: values.contacts.map((contact) => ({ ...contact, hours: contact.hours?.trim() || null })),
        texts: values.texts,
        version: current?.version ?? 0,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["help-information"] }),
  });
  const scopeName = useScopeName();
  return (
    <DialogForm
      label={current ? t("helpInformation.edit") : t("helpInformation.write", { scope: scopeName(scope) })}
      title={`${t("helpInformation.title")}: ${scopeName(scope)}`}
      form={form}
      mutation={save}
    >
      <Title order={3} size="h5">
        {t("helpInformation.contacts")}
      </Title>
      {form.values.contacts.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <Group key={index} align="flex-end" wrap="wrap">
          <Select
            label={t("helpInformation.kind")}
            allowDeselect={false}
            w={190}
            data={helpContactKinds.map((kind) => ({ value: kind, label: words.helpContactKinds[kind] }))}
            {...form.getInputProps(`contacts.${index}.kind`)}
          />
          <TextInput
            label={t("helpInformation.value")}
            required
            dir="ltr"
            w={200}
            {...form.getInputProps(`contacts.${index}.value`)}
          />
          <TextInput label={t("helpInformation.hours")} w={160} {...form.getInputProps(`contacts.${index}.hours`)} />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`${t("helpInformation.remove")} ${index + 1}`}
            onClick={() => form.removeListItem("contacts", index)}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => form.insertListItem("contacts", { kind: "emergency", value: "", hours: "" })}
        >
          {t("helpInformation.addContact")}
        </Button>
      </Group>
      <Text size="sm" c="gray.7">
        {t("helpInformation.textsHelp")}
      </Text>
      <Tabs defaultValue="en" keepMounted={false}>
        <Tabs.List>
          {helpLanguages.map((language) => (
            <Tabs.Tab key={language.code} value={language.code}>
              {language.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {helpLanguages.map((language) => (
          <Tabs.Panel key={language.code} value={language.code} pt="sm">
            <Stack gap="sm" lang={language.code} dir={language.dir}>
              <Textarea
                label={t("helpInformation.nextSteps")}
                autosize
                minRows={3}
                maxLength={2000}
                {...form.getInputProps(`texts.${language.code}.nextSteps`)}
              />
              <Textarea
                label={t("helpInformation.timeline")}
                autosize
                minRows={2}
                maxLength={1000}
                {...form.getInputProps(`texts.${language.code}.timeline`)}
              />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </DialogForm>
  );
}

function History({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery({
    queryKey: ["help-information", scope, "versions"],
    queryFn: () => api<HelpHistory>("GET", `/api/help-information/${scope}/versions`),
  });
  return (
    <QueryView query={history}>
      {(data) => (
        <Stack gap={4} component="ul" p={0} style={{ listStyle: "none" }}>
          {data.items.map((version) => (
            <Text key={version.version} component="li" size="sm">
              {t("helpInformation.versionLine", {
                version: version.version,
                date: format.dateTime(version.editedAt),
                contacts: version.contacts.length,
                languages: Object.keys(version.texts).join(", ") || "—",
              })}
            </Text>
          ))}
        </Stack>
      )}
    </QueryView>
  );
}

function HelpCard({ help }: { help: HelpInformation }) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const format = useFormat();
  const scopeName = useScopeName();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`help-${help.scope}`}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h4" id={`help-${help.scope}`}>
            {scopeName(help.scope)}
          </Title>
          <Text size="sm" c="gray.7">
            {t("helpInformation.version", { version: help.version, date: format.dateTime(help.editedAt) })}
          </Text>
        </div>
        <Group gap="xs">
          <DialogButton label={t("helpInformation.history")} title={t("helpInformation.history")} variant="subtle">
            {() => <History scope={help.scope} />}
          </DialogButton>
          {help.canEdit && <EditHelp scope={help.scope} current={help} />}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={4} component="ul" p={0} style={{ listStyle: "none" }}>
          {help.contacts.length === 0 && <Text c="gray.7">{t("helpInformation.noContacts")}</Text>}
          {help.contacts.map((contact) => (
            <Text key={`${contact.kind}-${contact.value}`} component="li" size="sm">
              <strong>{words.helpContactKinds[contact.kind]}:</strong> <bdi dir="ltr">{contact.value}</bdi>
              {contact.hours && <> ({contact.hours})</>}
            </Text>
          ))}
        </Stack>
        <Text size="sm">
          {t("helpInformation.languagesWritten", {
            languages:
              Object.keys(help.texts)
                .map((language) => t(`helpInformation.languages.${language}`, { defaultValue: language }))
                .join(", ") || t("helpInformation.platformWords"),
          })}
        </Text>
      </SimpleGrid>
    </Paper>
  );
}

export function HelpInformationPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["help-information"],
    queryFn: () => api<ListHelpInformation>("GET", "/api/help-information"),
  });
  return (
    <>
      <PageHeader
        title={t("helpInformation.title")}
        intro={t("helpInformation.intro")}
        actions={
          <Button component="a" href="/help" target="_blank" variant="subtle">
            {t("helpInformation.publicPage")}
          </Button>
        }
      />
      <QueryView query={query}>
        {(data) => (
          <Stack>
            {data.items.length === 0 && <EmptyState>{t("helpInformation.none")}</EmptyState>}
            {data.items.map((help) => (
              <HelpCard key={help.scope} help={help} />
            ))}
            {data.missing.length > 0 && (
              <Group>
                {data.missing.map((scope) => (
                  <EditHelp key={scope} scope={scope} current={null} />
                ))}
              </Group>
            )}
          </Stack>
        )}
      </QueryView>
    </>
  );
}
