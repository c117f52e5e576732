// Follow-up actions with an owner and a due date (risk mitigations, after-action follow-ups): the
// same fields to set one, the same state badge, the same dialog to record it done.
import { DateField } from "./date-field.js";
import { Badge, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FollowUp } from "../../domain/contracts/follow-ups.js";
import { api } from "../api.js";
import { DialogForm } from "./dialog.js";

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The action, owner and due date at `prefix` in a form; `extra` sits beside the date (e.g. the factor answered). */
export function FollowUpFields({
  form,
  prefix,
  actionLabel,
  extra,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: shared by forms of different shapes, addressed by path
  form: { getInputProps: (path: string) => any };
  prefix: string;
  actionLabel: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <TextInput label={actionLabel} required {...form.getInputProps(`${prefix}action`)} />
      <SimpleGrid cols={{ base: 1, sm: extra ? 3 : 2 }}>
        <TextInput
          label={t("risk.owner")}
          description={t("risk.ownerHelp")}
          required
          {...form.getInputProps(`${prefix}owner`)}
        />
        <DateField label={t("risk.dueOn")} required {...form.getInputProps(`${prefix}dueOn`)} />
        {extra}
      </SimpleGrid>
    </Stack>
  );
}

export function FollowUpState({ item }: { item: FollowUp }) {
  const { t } = useTranslation();
  const colour = { done: "green", overdue: "red", open: "blue" }[item.state];
  return (
    <Badge variant="light" c="dark.9" color={colour}>
      {item.state === "done" ? t("risk.doneOn", { date: item.completedOn }) : t(`risk.states.${item.state}`)}
    </Badge>
  );
}

/** "Mark as done": the date and what was done, sent with the version the person saw. */
export function CompleteFollowUp({ url, item, queryKey }: { url: string; item: FollowUp; queryKey: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { completedOn: new Date().toISOString().slice(0, 10), note: "" } });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => api("POST", url, { ...v, version: item.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
  });
  return (
    <DialogForm
      label={t("risk.markDone")}
      title={`${t("risk.markDone")}: ${item.action}`}
      variant="subtle"
      form={form}
      mutation={save}
    >
      <DateField label={t("risk.completedOn")} required {...form.getInputProps("completedOn")} />
      <Textarea label={t("risk.completionNote")} autosize minRows={2} {...form.getInputProps("note")} />
    </DialogForm>
  );
}
