// Victims first: an officer sends a victim to victim assistance from a report or a case in one step,
// and the mission's advocates see the requests, most urgent first, and take them up.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { AssistanceRequestCreated, ListAssistanceRequests } from "../../domain/contracts/victims.js";
import { immediateNeeds, type Urgency, urgencies } from "../../domain/triage.js";
import { api } from "../api.js";
import { DialogButton } from "../components/dialog.js";
import { FormActions, ProblemAlert, QueryView } from "../components/page.js";
import { UrgencyBadge } from "../components/reports.js";
import { useFormat } from "../format.js";

function AssistanceRequestForm({
  url,
  urgency,
  needs,
  onDone,
}: {
  url: string;
  urgency: Urgency;
  needs: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { urgency, needs, note: "" } });
  const send = useMutation({
    mutationFn: (values: typeof form.values) =>
      api<AssistanceRequestCreated>("POST", url, { ...values, note: values.note.trim() || null }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["assistance-requests"] });
    },
  });
  if (send.isSuccess)
    return (
      <Stack>
        <Alert color="green" role="status">
          {t("assistance.counts.sent", { count: send.data.notified })}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onDone}>{t("app.close")}</Button>
        </Group>
      </Stack>
    );
  return (
    <form onSubmit={form.onSubmit((values) => send.mutate(values))}>
      <Stack>
        <Text size="sm">{t("assistance.help")}</Text>
        <ProblemAlert error={send.error} />
        <SegmentedControl
          aria-label={t("reports.urgency")}
          data={urgencies.map((value) => ({ value, label: t(`reports.urgencies.${value}`) }))}
          {...form.getInputProps("urgency")}
        />
        <Checkbox.Group label={t("reports.record.needs")} {...form.getInputProps("needs")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {immediateNeeds.map((need) => (
              <Checkbox key={need} value={need} label={t(`reports.needOptions.${need}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={t("assistance.note")}
          description={t("assistance.noteHelp")}
          autosize
          minRows={2}
          {...form.getInputProps("note")}
        />
        <FormActions onCancel={onDone} submitLabel={t("assistance.send")} loading={send.isPending} />
      </Stack>
    </form>
  );
}

/** The one step that sends the victim of a report or case to victim assistance. */
export function AssistanceRequestButton({ url, urgency, needs }: { url: string; urgency: Urgency; needs: string[] }) {
  const { t } = useTranslation();
  return (
    <DialogButton label={t("assistance.button")} title={t("assistance.button")}>
      {(close) => <AssistanceRequestForm url={url} urgency={urgency} needs={needs} onDone={close} />}
    </DialogButton>
  );
}

/** The advocates' list of requests from officers, most urgent first, to take up. */
export function AssistanceRequests() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["assistance-requests", "open"],
    queryFn: () => api<ListAssistanceRequests>("GET", "/api/assistance-requests"),
  });
  const take = useMutation({
    mutationFn: (id: string) => api("POST", `/api/assistance-requests/${id}/take`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["assistance-requests"] }),
  });
  return (
    <Paper withBorder p="lg" mb="md">
      <Title order={2} size="h4" mb="sm">
        {t("assistance.title")}
      </Title>
      <ProblemAlert error={take.error} />
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("assistance.none")}>
        {(data) => (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {data.items.map((item) => (
              <Paper key={item.id} component="li" withBorder p="sm">
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Stack gap={4}>
                    <Group gap="xs">
                      {item.caseId && item.caseReference ? (
                        <Link to="/cases/$caseId" params={{ caseId: item.caseId }} dir="ltr">
                          {item.caseReference}
                        </Link>
                      ) : (
                        <Text fw={600} dir="ltr">
                          {item.reportCode}
                        </Text>
                      )}
                      <UrgencyBadge urgency={item.urgency} />
                    </Group>
                    <Text size="sm">
                      {item.needs.map((need) => t(`reports.needOptions.${need}`)).join(", ") || t("assistance.noNeeds")}
                    </Text>
                    {item.note && (
                      <Text size="sm" dir="auto">
                        {item.note}
                      </Text>
                    )}
                    <Text size="xs" c="gray.7">
                      {t("assistance.from", { name: item.requestedBy ?? "—", date: format.dateTime(item.requestedAt) })}
                    </Text>
                  </Stack>
                  {item.can.take && (
                    <Button
                      size="xs"
                      loading={take.isPending && take.variables === item.id}
                      onClick={() => take.mutate(item.id)}
                    >
                      {t("assistance.take")}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}
