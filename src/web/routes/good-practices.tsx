// Good practices Member States share: the repository (published practices, and drafts and reviews
// in the reader's scope), a State sharing its own, and headquarters publishing or returning them.
import { base64Of } from "../files.js";
import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { practiceAreas, practiceStatuses } from "../../domain/good-practices.js";
import { api } from "../api.js";
import { DialogButton, DialogForm } from "../components/dialog.js";
import { FormActions, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useCountries } from "../reference-data.js";
import type { ListPracticesForStaff, Practice } from "../../domain/contracts/good-practices.js";
import { useMe } from "../session.js";

const statusColour: Record<string, string> = {
  draft: "gray",
  submitted: "blue",
  published: "green",
  returned: "orange",
};

function usePracticeMutation<T>(request: (values: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["good-practices"] }),
  });
}

export function GoodPracticesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const countries = useCountries();
  const [typed, setTyped] = useState("");
  const [filter, setFilter] = useState({ q: "", area: "", status: "" });
  const query = useQuery({
    queryKey: ["good-practices", filter],
    queryFn: () =>
      api<ListPracticesForStaff>(
        "GET",
        `/api/good-practices?${new URLSearchParams(Object.entries(filter).filter(([, v]) => v))}`,
      ),
  });
  const canShare = me?.role === "cds_officer" || me?.role === "member_state_focal_point";
  return (
    <>
      <PageHeader
        title={t("goodPractices.title")}
        intro={t("goodPractices.intro")}
        actions={
          canShare ? (
            <DialogButton label={t("goodPractices.share")} title={t("goodPractices.share")} variant="filled">
              {(close) => <PracticeForm onDone={close} />}
            </DialogButton>
          ) : undefined
        }
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFilter((f) => ({ ...f, q: typed.trim() }));
        }}
      >
        <Group align="end" mb="md">
          <TextInput
            label={t("goodPractices.search")}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            w={300}
          />
          <NativeSelect
            label={t("goodPractices.area")}
            data={[
              { value: "", label: t("goodPractices.anyArea") },
              ...practiceAreas.map((value) => ({ value, label: t(`goodPractices.areas.${value}`) })),
            ]}
            value={filter.area}
            onChange={(event) => {
              const area = event.currentTarget.value;
              setFilter((f) => ({ ...f, area }));
            }}
            w={200}
          />
          <NativeSelect
            label={t("goodPractices.status")}
            data={[
              { value: "", label: t("goodPractices.anyStatus") },
              ...practiceStatuses.map((value) => ({ value, label: t(`goodPractices.statuses.${value}`) })),
            ]}
            value={filter.status}
            onChange={(event) => {
              const status = event.currentTarget.value;
              setFilter((f) => ({ ...f, status }));
            }}
            w={180}
          />
          <Button type="submit" variant="default">
            {t("afterAction.find")}
          </Button>
        </Group>
      </form>
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("goodPractices.none")}>
        {(data) => (
          <Stack>
            {data.items.map((p) => (
              <Paper key={p.id} withBorder p="md">
                <Group justify="space-between" align="start" wrap="nowrap">
                  <div>
                    <Title order={2} size="h5" dir="auto">
                      {p.title}
                    </Title>
                    <Text size="sm" c="gray.7">
                      {p.countryCodes.map((code) => countries.nameOf(code)).join(", ")}
                      {p.event ? ` · ${p.event.title}${p.event.date ? ` (${p.event.date})` : ""}` : ""}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <Badge variant="light" c="dark.9">
                      {t(`goodPractices.areas.${p.area}`)}
                    </Badge>
                    {p.status !== "published" && (
                      <Badge variant="light" c="dark.9" color={statusColour[p.status]}>
                        {t(`goodPractices.statuses.${p.status}`)}
                      </Badge>
                    )}
                  </Group>
                </Group>
                <Text size="xs" c="gray.7" mt={4}>
                  {p.theme}
                </Text>
                {p.summary && (
                  <Text size="sm" mt="xs" dir="auto" lineClamp={4}>
                    {p.summary}
                  </Text>
                )}
                {p.links.length > 0 && (
                  <Group gap="xs" mt="xs">
                    {p.links.map((link) => (
                      <Anchor key={link} href={link} size="sm" c="blue.9" target="_blank" rel="noreferrer" dir="ltr">
                        {new URL(link).hostname}
                      </Anchor>
                    ))}
                  </Group>
                )}
                <PracticeFiles practice={p} />
                {p.reviewComment && p.status === "returned" && (
                  <Text size="sm" mt="xs" c="orange.9">
                    {t("goodPractices.returnedWith", { comment: p.reviewComment })}
                  </Text>
                )}
                <PracticeActions practice={p} />
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
    </>
  );
}

/** The documents and pictures shared with a practice; its editors attach and remove them. */
function PracticeFiles({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const attach = usePracticeMutation(async (file: File) =>
    api("POST", `/api/good-practices/${practice.id}/files`, {
      fileName: file.name,
      contentBase64: await base64Of(file),
    }),
  );
  const remove = usePracticeMutation((fileId: string) =>
    api("DELETE", `/api/good-practices/${practice.id}/files/${fileId}`),
  );
  if (practice.files.length === 0 && !practice.can.edit) return null;
  return (
    <Stack gap={4} mt="xs">
      <ProblemAlert error={attach.error ?? remove.error} />
      {practice.files.map((file) => (
        <Group key={file.id} gap="xs">
          <Anchor href={`/api/good-practices/files/${file.id}`} size="sm" c="blue.9" dir="auto">
            {file.fileName}
          </Anchor>
          <Text size="xs" c="gray.7" dir="ltr">
            {Math.max(1, Math.round(file.sizeBytes / 1024))} KB
          </Text>
          {practice.can.edit && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={remove.isPending && remove.variables === file.id}
              onClick={() => remove.mutate(file.id)}
              aria-label={t("goodPractices.removeFile", { name: file.fileName })}
            >
              {t("goodPractices.remove")}
            </Button>
          )}
        </Group>
      ))}
      {practice.can.edit && (
        <FileButton
          onChange={(file) => file && attach.mutate(file)}
          accept="application/pdf,image/jpeg,image/png,image/webp,.docx,.pptx,.xlsx"
        >
          {(props) => (
            <Button {...props} size="xs" variant="subtle" loading={attach.isPending} w="fit-content">
              {t("goodPractices.attach")}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}

function PracticeActions({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const step = usePracticeMutation((step: string) => api("POST", `/api/good-practices/${practice.id}/steps`, { step }));
  const simpleSteps = (["submit", "publish", "withdraw"] as const).filter((name) => practice.can[name]);
  if (!practice.can.edit && simpleSteps.length === 0 && !practice.can.return) return null;
  return (
    <Stack gap="xs" mt="sm">
      <ProblemAlert error={step.error} />
      <Group gap="xs">
        {practice.can.edit && (
          <DialogButton label={t("goodPractices.edit")} title={t("goodPractices.edit")} variant="subtle">
            {(close) => <PracticeForm practice={practice} onDone={close} />}
          </DialogButton>
        )}
        {simpleSteps.map((name) => (
          <Button key={name} size="xs" variant="light" loading={step.isPending} onClick={() => step.mutate(name)}>
            {t(`goodPractices.steps.${name}`)}
          </Button>
        ))}
        {practice.can.return && <ReturnPractice practice={practice} />}
      </Group>
    </Stack>
  );
}

function ReturnPractice({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { comment: "" },
    validate: { comment: (value) => (value.trim().length < 5 ? t("forms.tooShort") : null) },
  });
  const save = usePracticeMutation((v: typeof form.values) =>
    api("POST", `/api/good-practices/${practice.id}/steps`, { step: "return", comment: v.comment }),
  );
  return (
    <DialogForm
      label={t("goodPractices.steps.return")}
      title={`${t("goodPractices.steps.return")}: ${practice.title}`}
      variant="light"
      form={form}
      mutation={save}
    >
      <Textarea label={t("goodPractices.comment")} required autosize minRows={3} {...form.getInputProps("comment")} />
    </DialogForm>
  );
}

function PracticeForm({ practice, onDone }: { practice?: Practice; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const countries = useCountries();
  const form = useForm({
    initialValues: {
      title: practice?.title ?? "",
      area: practice?.area ?? "prevention",
      theme: practice?.theme ?? "",
      countryCodes: practice?.countryCodes ?? (me?.countryCode ? [me.countryCode] : []),
      summary: practice?.summary ?? "",
      links: practice?.links.join("\n") ?? "",
    },
  });
  const save = usePracticeMutation((v: typeof form.values) => {
    const body = { ...v, summary: v.summary.trim() || null, links: v.links.split(/\s+/).filter(Boolean) };
    return practice
      ? api("PATCH", `/api/good-practices/${practice.id}`, { ...body, version: practice.version })
      : api("POST", "/api/good-practices", body);
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values, { onSuccess: onDone }))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <TextInput label={t("goodPractices.practiceTitle")} required {...form.getInputProps("title")} />
        <Group grow>
          <NativeSelect
            label={t("goodPractices.area")}
            data={practiceAreas.map((value) => ({ value, label: t(`goodPractices.areas.${value}`) }))}
            {...form.getInputProps("area")}
          />
          <TextInput label={t("goodPractices.theme")} required {...form.getInputProps("theme")} />
        </Group>
        <MultiSelect
          label={t("goodPractices.countries")}
          required
          searchable
          disabled={me?.role === "member_state_focal_point" && !practice}
          data={countries.stateChoices}
          {...form.getInputProps("countryCodes")}
        />
        <Textarea label={t("goodPractices.summary")} autosize minRows={4} {...form.getInputProps("summary")} />
        <Textarea
          label={t("goodPractices.links")}
          description={t("goodPractices.linksHelp")}
          autosize
          minRows={2}
          dir="ltr"
          {...form.getInputProps("links")}
        />
        <FormActions
          onCancel={onDone}
          submitLabel={practice ? t("app.save") : t("goodPractices.saveDraft")}
          loading={save.isPending}
        />
      </Stack>
    </form>
  );
}
