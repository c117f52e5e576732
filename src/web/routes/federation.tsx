// Federation, on the reference page (administrators): this installation's key to give a hub, its
// signed bundle to download, the member installations whose bundles it merges, and a bundle to merge.
import { Alert, Button, Code, Group, MultiSelect, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AddFederationMemberBody,
  type Federation,
  type FederationMember,
  type MergedBundle,
  type RemovedFederationMember,
  addFederationMemberBody,
} from "../../domain/contracts/federation.js";
import { api } from "../api.js";
import { Dialog, DialogButton } from "../components/dialog.js";
import { DataTable, FormActions, ProblemAlert, ProblemRows, QueryView } from "../components/page.js";
import { useEntities } from "../reference-data.js";
import { useFormat } from "../format.js";

const useFederation = () =>
  useQuery({ queryKey: ["federation"], queryFn: () => api<Federation>("GET", "/api/federation") });

function NewMember({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const entities = useEntities();
  const form = useForm<AddFederationMemberBody>({
    initialValues: { code: "", name: "", publicKey: "", entityCodes: [] },
    validate: (values) => {
      const parsed = addFederationMemberBody.safeParse(values);
      return parsed.success
        ? {}
        : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), t("federation.invalid")]));
    },
  });
  const add = useMutation({
    mutationFn: (values: AddFederationMemberBody) => api("POST", "/api/federation/members", values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["federation"] });
      onClose();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))}>
      <Stack>
        <ProblemAlert error={add.error} />
        <ProblemRows error={add.error} />
        <TextInput label={t("federation.code")} dir="ltr" required {...form.getInputProps("code")} />
        <TextInput label={t("federation.name")} required {...form.getInputProps("name")} />
        <Textarea
          label={t("federation.publicKey")}
          description={t("federation.publicKeyHelp")}
          dir="ltr"
          required
          autosize
          minRows={2}
          {...form.getInputProps("publicKey")}
        />
        <MultiSelect
          label={t("federation.entities")}
          description={t("federation.entitiesHelp")}
          data={(entities.data?.items ?? [])
            .filter((entity) => entity.units.length === 0)
            .map((entity) => ({ value: entity.code, label: entities.labelOf(entity.code) }))}
          searchable
          required
          {...form.getInputProps("entityCodes")}
        />
        <FormActions onCancel={onClose} submitLabel={t("federation.addMember")} loading={add.isPending} />
      </Stack>
    </form>
  );
}

function MergeBundle() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const merge = useMutation({
    mutationFn: (bundle: File) =>
      api<MergedBundle>("POST", "/api/federation/bundles", new Blob([bundle], { type: "application/gzip" })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["federation"] }),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (file) merge.mutate(file);
      }}
    >
      <Stack gap="xs">
        <label>
          <Text size="sm" fw={500} mb={4}>
            {t("federation.bundleFile")}
          </Text>
          <input
            type="file"
            accept=".gz,application/gzip"
            required
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </label>
        <ProblemAlert error={merge.error} />
        {merge.data && (
          <Alert color="green" role="status">
            {t("federation.merged", {
              member: merge.data.member,
              figures: format.number(merge.data.figures),
              hashes: format.number(merge.data.hashes),
              madeAt: format.dateTime(merge.data.madeAt),
            })}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={merge.isPending} disabled={!file}>
            {t("federation.merge")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** Removing a member takes what it sent out of the figures and screening here at once: asked first. */
function RemoveMember({ member, onClose }: { member: FederationMember; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api<RemovedFederationMember>("DELETE", `/api/federation/members/${member.code}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["federation"] });
      onClose();
    },
  });
  return (
    <Stack>
      <ProblemAlert error={remove.error} />
      <Text>
        {t("federation.removeWarning", {
          member: member.name,
          figures: format.number(member.figures),
          hashes: format.number(member.hashes),
        })}
      </Text>
      <Group justify="flex-end">
        <Button variant="subtle" onClick={onClose}>
          {t("app.cancel")}
        </Button>
        <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
          {t("federation.remove")}
        </Button>
      </Group>
    </Stack>
  );
}

export function FederationPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const federation = useFederation();
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">
        {t("federation.intro")}
      </Text>
      <QueryView query={federation}>
        {(data) => (
          <Stack gap="lg">
            <Stack component="section" aria-labelledby="federation-this" gap="xs">
              <Title order={2} size="h4" id="federation-this">
                {t("federation.thisInstallation")}
              </Title>
              <Text size="sm">
                {t("federation.keyFingerprint")}: <Code dir="ltr">{data.keyFingerprint}</Code> ·{" "}
                {t("federation.screeningKey")}: <Code dir="ltr">{data.screeningKey}</Code>
              </Text>
              <Textarea
                label={t("federation.publicKey")}
                description={t("federation.giveKey")}
                value={data.publicKey}
                readOnly
                dir="ltr"
                autosize
                minRows={2}
              />
              <Group>
                <Button component="a" href="/api/federation/bundle" download variant="light">
                  {t("federation.download")}
                </Button>
              </Group>
            </Stack>
            {/* Not a landmark of its own: the members' table is the region that bears this name. */}
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t("federation.members")}
              </Title>
              <div>
                <Button onClick={() => setAdding(true)}>{t("federation.addMember")}</Button>
              </div>
              {data.members.length === 0 ? (
                <Text size="sm">{t("federation.noMembers")}</Text>
              ) : (
                <DataTable
                  label={t("federation.members")}
                  minWidth={820}
                  headers={[
                    t("federation.name"),
                    t("federation.entities"),
                    t("federation.keyFingerprint"),
                    t("federation.lastBundle"),
                    t("federation.figures"),
                    t("federation.hashes"),
                    t("app.actions"),
                  ]}
                >
                  {data.members.map((member) => (
                    <Table.Tr key={member.code}>
                      <Table.Td>
                        {member.name} <Code dir="ltr">{member.code}</Code>
                      </Table.Td>
                      <Table.Td dir="ltr">{member.entityCodes.join(", ")}</Table.Td>
                      <Table.Td dir="ltr">
                        <Code>{member.keyFingerprint}</Code>
                      </Table.Td>
                      <Table.Td>
                        {member.lastMadeAt ? format.dateTime(member.lastMadeAt) : t("federation.never")}
                      </Table.Td>
                      <Table.Td>{format.number(member.figures)}</Table.Td>
                      <Table.Td>{format.number(member.hashes)}</Table.Td>
                      <Table.Td>
                        <DialogButton
                          label={t("federation.remove")}
                          title={t("federation.removeTitle", { member: member.name })}
                          variant="subtle"
                        >
                          {(close) => <RemoveMember member={member} onClose={close} />}
                        </DialogButton>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Stack>
            <Stack component="section" aria-labelledby="federation-merge" gap="xs">
              <Title order={2} size="h4" id="federation-merge">
                {t("federation.mergeTitle")}
              </Title>
              <Text size="sm" c="gray.7">
                {t("federation.mergeHelp")}
              </Text>
              <MergeBundle />
            </Stack>
          </Stack>
        )}
      </QueryView>
      <Dialog opened={adding} onClose={() => setAdding(false)} title={t("federation.addMember")}>
        <NewMember onClose={() => setAdding(false)} />
      </Dialog>
    </Stack>
  );
}
