// Striking out a field's content with a reason: the field then reads "[Redacted]", and the
// redaction (who, when, why) is kept beside the record and in the audit trail.
import { Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { RedactableField } from "../../domain/contracts/retention.js";
import { api } from "../api.js";
import { DialogButton } from "../components/dialog.js";
import { FormActions, ProblemAlert } from "../components/page.js";

export function RedactButton({
  field,
  recordId,
  caseId,
}: {
  field: RedactableField;
  recordId: string;
  caseId: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { reason: "" } });
  const redact = useMutation({
    mutationFn: (reason: string) => api("POST", "/api/redactions", { field, recordId, reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["case", caseId] }),
  });
  return (
    <DialogButton label={t("redaction.strikeOut")} title={t("redaction.title")} variant="default">
      {(close) => (
        <form onSubmit={form.onSubmit((values) => redact.mutate(values.reason, { onSuccess: close }))}>
          <Stack>
            <Text size="sm">{t("redaction.help")}</Text>
            <ProblemAlert error={redact.error} />
            <Textarea
              label={t("redaction.reason")}
              required
              minLength={10}
              autosize
              minRows={2}
              {...form.getInputProps("reason")}
            />
            <FormActions onCancel={close} submitLabel={t("redaction.strikeOut")} loading={redact.isPending} />
          </Stack>
        </form>
      )}
    </DialogButton>
  );
}
