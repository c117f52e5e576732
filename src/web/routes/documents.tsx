// A case's documents and each referral's correspondence: attach a file or a new version, write a
// numbered note verbale from a template, download as attached or as PDF and Word.
import { DateField } from "../components/date-field.js";
import { Anchor, Badge, FileInput, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  type CaseDocument,
  type DocumentCreated,
  type DocumentKind,
  documentKinds,
  type ListCaseDocuments,
  type ReferralCorrespondence as Correspondence,
} from "../../domain/contracts/documents.js";
import { type NoteVerbaleLanguage, noteVerbaleLanguages, noteVerbaleTemplates } from "../../domain/notes-verbales.js";
import type { EnforcementRecord as Enforcement } from "../../domain/contracts/enforcement.js";
import { api } from "../api.js";
import { DialogButton } from "../components/dialog.js";
import { FormActions, ProblemAlert, QueryView } from "../components/page.js";
import { base64Of } from "../files.js";
import { useFormat } from "../format.js";
import { useVocabulary } from "../i18n/index.js";

const today = () => new Date().toISOString().slice(0, 10);
const directionColor = { sent: "blue", received: "green", kept: "gray" } as const;

/** Links to a document's content: the file as attached, or a written note as PDF and Word. */
function DownloadLinks({ id, fileName, formats }: { id: string; fileName: string; formats: string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      {formats.map((format) => (
        <Anchor
          key={format}
          href={`/api/case-documents/${id}/content?format=${format}`}
          size="sm"
          c="blue.9"
          dir="auto"
          aria-label={`${t("documents.download")} ${fileName}${format === "file" ? "" : ` (${format.toUpperCase()})`}`}
        >
          {format === "file" ? fileName : format === "pdf" ? "PDF" : "Word (DOCX)"}
        </Anchor>
      ))}
    </Group>
  );
}

function AttachForm({
  caseId,
  referralId = null,
  kind,
  seriesId = null,
  onDone,
}: {
  caseId: string;
  referralId?: string | null;
  /** Fixed when the form is for a reply or a new version; chosen otherwise. */
  kind?: DocumentKind;
  seriesId?: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const queryClient = useQueryClient();
  const format = useFormat();
  // A new document of the case may belong to one of its investigations (its report, for one).
  const enforcement = useQuery({
    queryKey: ["case", caseId, "enforcement"],
    queryFn: () => api<Enforcement>("GET", `/api/cases/${caseId}/enforcement`),
    enabled: !kind,
  });
  const investigations = kind ? [] : (enforcement.data?.investigations ?? []);
  const form = useForm<{ kind: DocumentKind; file: File | null; datedOn: string; investigationId: string | null }>({
    initialValues: { kind: kind ?? "other", file: null, datedOn: today(), investigationId: null },
    validate: { file: (file) => (file ? null : t("documents.chooseFile")) },
  });
  const attach = useMutation({
    mutationFn: async (values: typeof form.values) =>
      api<DocumentCreated>("POST", `/api/cases/${caseId}/documents`, {
        kind: values.kind,
        referralId,
        investigationId: values.investigationId,
        seriesId,
        datedOn: values.datedOn,
        fileName: values.file?.name ?? "",
        contentBase64: values.file ? await base64Of(values.file) : "",
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["case", caseId] });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => attach.mutate(values))}>
      <Stack gap="sm">
        <ProblemAlert error={attach.error} />
        {!kind && (
          <Select
            label={t("documents.kind")}
            allowDeselect={false}
            data={documentKinds.map((code) => ({ value: code, label: words.documentKinds[code] }))}
            {...form.getInputProps("kind")}
          />
        )}
        {investigations.length > 0 && (
          <Select
            label={t("documents.investigation")}
            clearable
            data={investigations.map((investigation) => ({
              value: investigation.id,
              label: `${words.investigatingEntities[investigation.entity as keyof typeof words.investigatingEntities] ?? investigation.entity} · ${format.date(investigation.startedOn)}`,
            }))}
            {...form.getInputProps("investigationId")}
          />
        )}
        <FileInput
          label={t("documents.file")}
          description={t("documents.fileHelp")}
          required
          clearable
          accept="application/pdf,image/jpeg,image/png,image/webp,.docx,.pptx,.xlsx"
          {...form.getInputProps("file")}
        />
        <DateField label={t("documents.datedOn")} required {...form.getInputProps("datedOn")} />
        <FormActions onCancel={onDone} submitLabel={t("documents.save")} loading={attach.isPending} />
      </Stack>
    </form>
  );
}

function NoteVerbaleForm({ caseId, referralId, onDone }: { caseId: string; referralId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const words = useVocabulary();
  const queryClient = useQueryClient();
  const form = useForm<{ template: string; language: NoteVerbaleLanguage; datedOn: string }>({
    initialValues: { template: "notification", language: i18n.language === "fr" ? "fr" : "en", datedOn: today() },
  });
  const issue = useMutation({
    mutationFn: (values: typeof form.values) =>
      api<DocumentCreated>("POST", `/api/referrals/${referralId}/notes-verbales`, values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["case", caseId] });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => issue.mutate(values))}>
      <Stack gap="sm">
        <Text size="sm" c="gray.7">
          {t("documents.noteHelp")}
        </Text>
        <ProblemAlert error={issue.error} />
        <Select
          label={t("documents.template")}
          allowDeselect={false}
          data={noteVerbaleTemplates.map((code) => ({ value: code, label: words.noteVerbaleTemplates[code] }))}
          {...form.getInputProps("template")}
        />
        <Select
          label={t("documents.language")}
          allowDeselect={false}
          data={noteVerbaleLanguages.map((code) => ({ value: code, label: t(`documents.languages.${code}`) }))}
          {...form.getInputProps("language")}
        />
        <DateField label={t("documents.noteDated")} required {...form.getInputProps("datedOn")} />
        <FormActions onCancel={onDone} submitLabel={t("documents.issue")} loading={issue.isPending} />
      </Stack>
    </form>
  );
}

/** A referral's exchanges, oldest first, with the note and reply forms for those who may use them. */
export function ReferralCorrespondence({ caseId, referralId }: { caseId: string; referralId: string }) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const format = useFormat();
  const query = useQuery({
    queryKey: ["case", caseId, "correspondence", referralId],
    queryFn: () => api<Correspondence>("GET", `/api/referrals/${referralId}/correspondence`),
  });
  const what = (entry: Correspondence["items"][number]) => {
    if (entry.kind === "referral") return t("documents.referral");
    if (entry.kind === "reply_recorded")
      return `${t("documents.replyRecorded")}${entry.reply ? `: ${t(`referrals.replies.${entry.reply}`)}` : ""}`;
    if (entry.kind === "nio_appointed")
      return `${t("documents.nioAppointed")}${entry.nioName ? `: ${entry.nioName}` : ""}`;
    return entry.template ? words.noteVerbaleTemplates[entry.template] : words.documentKinds[entry.kind];
  };
  return (
    <QueryView query={query}>
      {(data) => (
        <Stack gap={6} mt="sm">
          <Title order={3} size="h6">
            {t("documents.correspondence")}
          </Title>
          <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: "none" }}>
            {data.items.map((entry, index) => (
              <Group
                key={`${entry.kind}-${entry.documentId ?? index}`}
                component="li"
                gap="xs"
                wrap="wrap"
                align="baseline"
              >
                <Text size="sm" c="gray.7" miw={96}>
                  {format.date(entry.on)}
                </Text>
                <Badge size="sm" variant="light" color={directionColor[entry.direction]}>
                  {t(`documents.${entry.direction}`)}
                </Badge>
                <Text size="sm">
                  {what(entry)}
                  {entry.number ? (
                    <>
                      {" "}
                      <bdi>{entry.number}</bdi>
                    </>
                  ) : null}
                </Text>
                {entry.documentId && (
                  <DownloadLinks id={entry.documentId} fileName={entry.fileName ?? ""} formats={entry.formats} />
                )}
              </Group>
            ))}
          </Stack>
          <Group gap="xs">
            {data.can.writeNoteVerbale && (
              <DialogButton label={t("documents.writeNote")} title={t("documents.writeNote")} variant="light">
                {(close) => <NoteVerbaleForm caseId={caseId} referralId={referralId} onDone={close} />}
              </DialogButton>
            )}
            {data.can.attachReply && (
              <DialogButton label={t("documents.attachReply")} title={t("documents.attachReply")} variant="subtle">
                {(close) => <AttachForm caseId={caseId} referralId={referralId} kind="reply" onDone={close} />}
              </DialogButton>
            )}
          </Group>
        </Stack>
      )}
    </QueryView>
  );
}

function DocumentItem({ caseId, document, canAttach }: { caseId: string; document: CaseDocument; canAttach: boolean }) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const format = useFormat();
  const [latest, ...earlier] = document.versions;
  const title = document.template ? words.noteVerbaleTemplates[document.template] : words.documentKinds[document.kind];
  const versionLine = (version: CaseDocument["versions"][number]) =>
    [
      format.date(version.datedOn),
      t("documents.version", { version: version.version }),
      version.byName ? t("documents.by", { name: version.byName }) : null,
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>
          {title}
          {document.number ? (
            <>
              {" "}
              <bdi>{document.number}</bdi>
            </>
          ) : null}
        </Text>
        <Badge size="sm" variant="light" color={directionColor[document.direction]}>
          {t(`documents.${document.direction}`)}
        </Badge>
      </Group>
      <Text size="sm" c="gray.7">
        {versionLine(latest)}
      </Text>
      <DownloadLinks id={latest.id} fileName={latest.fileName} formats={latest.formats} />
      {earlier.length > 0 && (
        <details>
          <summary style={{ cursor: "pointer", fontSize: "var(--mantine-font-size-sm)" }}>
            {t("documents.earlierVersions")}
          </summary>
          <Stack gap={2} mt={4}>
            {earlier.map((version) => (
              <Group key={version.id} gap="xs" wrap="wrap">
                <Text size="sm" c="gray.7">
                  {versionLine(version)}
                </Text>
                <DownloadLinks id={version.id} fileName={version.fileName} formats={version.formats} />
              </Group>
            ))}
          </Stack>
        </details>
      )}
      {canAttach && latest.formats.includes("file") && (
        <Group mt={4}>
          <DialogButton label={t("documents.newVersion")} title={t("documents.newVersion")} variant="subtle">
            {(close) => (
              <AttachForm
                caseId={caseId}
                referralId={document.referralId}
                kind={document.kind}
                seriesId={document.seriesId}
                onDone={close}
              />
            )}
          </DialogButton>
        </Group>
      )}
    </Paper>
  );
}

/** The case's documents, newest version first in each, with the form to attach one. */
export function CaseDocuments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["case", caseId, "documents"],
    queryFn: () => api<ListCaseDocuments>("GET", `/api/cases/${caseId}/documents`),
  });
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {t("documents.title")}
      </Title>
      <QueryView query={query}>
        {(data) => (
          <Stack gap="sm">
            {data.items.length === 0 ? (
              <Text c="gray.7">{t("documents.none")}</Text>
            ) : (
              <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
                {data.items.map((document) => (
                  <DocumentItem
                    key={document.seriesId}
                    caseId={caseId}
                    document={document}
                    canAttach={data.can.attach}
                  />
                ))}
              </Stack>
            )}
            {data.can.attach && (
              <Group>
                <DialogButton label={t("documents.attach")} title={t("documents.attach")}>
                  {(close) => <AttachForm caseId={caseId} onDone={close} />}
                </DialogButton>
              </Group>
            )}
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}
