// The communities' languages of the report pages: how much of each is translated and reviewed, the
// keys still missing, and (for an administrator) loading a translation file.
import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ListLanguages, TranslationTemplate } from "../../domain/contracts/languages.js";
import { api } from "../api.js";
import { DialogButton } from "../components/dialog.js";
import { DataTable, ProblemAlert, QueryView } from "../components/page.js";

/** Offers an answer of the API as a file to save. */
function saveAsFile(name: string, content: unknown) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([JSON.stringify(content, null, 2)], { type: "application/json" }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

function LoadFile() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const load = useMutation({
    mutationFn: async (chosen: File) => {
      let parsed: { code?: unknown };
      try {
        parsed = JSON.parse(await chosen.text());
      } catch {
        throw new Error(t("languages.notJson"));
      }
      return api("PUT", `/api/languages/${encodeURIComponent(String(parsed.code ?? ""))}`, parsed);
    },
    onSuccess: async () => {
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ["languages"] });
    },
  });
  return (
    <Stack gap="xs">
      <ProblemAlert error={load.error} />
      {load.isSuccess && <Alert color="green">{t("languages.loaded")}</Alert>}
      <Group align="flex-end">
        <FileInput
          label={t("languages.file")}
          accept="application/json,.json"
          value={file}
          onChange={setFile}
          w={320}
          clearable
        />
        <Button disabled={!file} loading={load.isPending} onClick={() => file && load.mutate(file)}>
          {t("languages.load")}
        </Button>
      </Group>
    </Stack>
  );
}

export function LanguagesPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ["languages"], queryFn: () => api<ListLanguages>("GET", "/api/languages") });
  const download = async (code: string | null) =>
    saveAsFile(
      code ? `${code}.json` : "translation-template.json",
      await api<TranslationTemplate>("GET", code ? `/api/languages/${code}` : "/api/languages/template"),
    );
  return (
    <Stack>
      <Text size="sm">{t("languages.intro")}</Text>
      <Group>
        <Button variant="light" onClick={() => void download(null)}>
          {t("languages.template")}
        </Button>
      </Group>
      {canManage && <LoadFile />}
      <QueryView query={query}>
        {(data) => (
          <DataTable
            label={t("languages.title")}
            minWidth={640}
            headers={[t("languages.language"), t("languages.translated"), t("languages.status")]}
            actions
          >
            {data.items.map((language) => (
              <Table.Tr key={language.code}>
                <Table.Td>
                  <bdi lang={language.code}>{language.name}</bdi> <Text span c="gray.7">{`(${language.code})`}</Text>
                </Table.Td>
                <Table.Td>{t("languages.count", { translated: language.translated, keys: data.keys })}</Table.Td>
                <Table.Td>
                  <Badge color={language.reviewed ? "green" : "orange"} variant="light">
                    {language.reviewed ? t("languages.reviewed") : t("languages.draft")}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => void download(language.code)}>
                      {t("languages.download")}
                    </Button>
                    {language.missing.length > 0 && (
                      <DialogButton
                        label={t("languages.counts.missing", { count: language.missing.length })}
                        title={`${language.name}: ${t("languages.missingTitle")}`}
                        variant="subtle"
                      >
                        {() => (
                          <Stack gap={2} component="ul" p={0} style={{ listStyle: "none" }}>
                            {language.missing.map((key) => (
                              <Text key={key} component="li" size="sm" ff="monospace" dir="ltr">
                                {key}
                              </Text>
                            ))}
                          </Stack>
                        )}
                      </DialogButton>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </Stack>
  );
}
