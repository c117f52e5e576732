// The identity custodian's desk: others' requests to reveal a victim's or an alleged perpetrator's
// identity, each with who asks and why, to approve (for a limited time) or refuse with a note.
import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  type TextareaProps,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ListRevealRequests, RevealPending, RevealRequest } from "../../domain/contracts/reveals.js";
import { type Formats, useFormat } from "../format.js";
import { api } from "../api.js";
import { DataTable, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useVocabulary } from "../i18n/index.js";

export function RevealRequestsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<"pending" | "decided">("pending");
  const query = useQuery({
    queryKey: ["reveal-requests", status],
    queryFn: () => api<ListRevealRequests>("GET", `/api/reveal-requests?status=${status}`),
  });
  const format = useFormat();
  return (
    <>
      <PageHeader title={t("reveals.title")} intro={t("reveals.intro")} />
      <SegmentedControl
        mb="md"
        value={status}
        onChange={(value) => setStatus(value as typeof status)}
        data={[
          { value: "pending", label: t("reveals.pending") },
          { value: "decided", label: t("reveals.decided") },
        ]}
      />
      <QueryView query={query} isEmpty={(data) => data.items.length === 0} empty={t("reveals.empty")}>
        {(data) => (
          <DataTable
            label={t("reveals.title")}
            minWidth={760}
            headers={[t("reveals.when"), t("reveals.subject"), t("reveals.requester"), t("reveals.reason")]}
            actions
          >
            {data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{format.dateTime(item.requestedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`reveals.subjects.${item.subjectType}`)}</Text>
                  <Text size="sm" dir="ltr" fw={600}>
                    {item.subjectLabel}
                  </Text>
                </Table.Td>
                <Requester item={item} />
                <Table.Td maw={320}>
                  <Text size="sm">{item.reason}</Text>
                </Table.Td>
                <Table.Td>
                  <Decision item={item} format={format} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </>
  );
}

function Requester({ item }: { item: RevealRequest }) {
  const words = useVocabulary();
  return (
    <Table.Td>
      <Text size="sm">{item.requester.name}</Text>
      <Text size="xs" c="gray.7">
        {words.roles[item.requester.role as keyof typeof words.roles] ?? item.requester.role}
      </Text>
    </Table.Td>
  );
}

function Decision({ item, format }: { item: RevealRequest; format: Formats }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "approve" | "refuse") =>
      api("POST", `/api/reveal-requests/${item.id}/decision`, { decision, ...(note.trim() && { note }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["reveal-requests"] }),
  });
  if (item.decision)
    return (
      <Stack gap={2} align="flex-end">
        <Badge color={item.decision === "approved" ? "green" : "red"}>{t(`reveals.decisions.${item.decision}`)}</Badge>
        {item.expiresAt && (
          <Text size="xs" c="gray.7">
            {t("reveals.until", { time: format.dateTime(item.expiresAt) })}
          </Text>
        )}
        {item.note && <Text size="xs">{item.note}</Text>}
      </Stack>
    );
  if (!item.can.decide)
    return (
      <Text size="xs" c="gray.7">
        {t("reveals.ownRequest")}
      </Text>
    );
  return (
    <Stack gap="xs" miw={220}>
      <ProblemAlert error={decide.error} />
      <Textarea
        label={t("reveals.note")}
        size="xs"
        autosize
        minRows={1}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <Group gap="xs" justify="flex-end">
        <Button
          size="xs"
          color="red"
          variant="light"
          loading={decide.isPending}
          onClick={() => decide.mutate("refuse")}
        >
          {t("reveals.refuse")}
        </Button>
        <Button size="xs" loading={decide.isPending} onClick={() => decide.mutate("approve")}>
          {t("reveals.approve")}
        </Button>
      </Group>
    </Stack>
  );
}

/** What a requester sees while their reveal waits for a custodian, or after a refusal. */
export function RevealWaiting({ pending }: { pending: RevealPending | null }) {
  const { t } = useTranslation();
  if (!pending) return null;
  const refused = pending.approval.status === "refused";
  return (
    <Alert
      color={refused ? "red" : "yellow"}
      mt="xs"
      title={t(refused ? "reveals.refusedTitle" : "reveals.waitingTitle")}
    >
      {refused && pending.approval.note && <Text size="sm">{pending.approval.note}</Text>}
      <Text size="sm">{t("reveals.waiting")}</Text>
    </Alert>
  );
}

/** Why an identity is to be revealed: kept in the audit trail, and shown to the custodian. */
export function RevealReasonField(props: TextareaProps) {
  const { t } = useTranslation();
  return <Textarea label={t("enforcement.reason")} required minLength={10} autosize minRows={2} {...props} />;
}
