// The outbox in the staff app: sent by itself when the app starts, when the link returns and every
// half minute while something waits; listed with each report's state on the intake pages.
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Receipt } from "../../domain/contracts/reports.js";
import type { SealingKey } from "../../domain/sealing.js";
import { ApiProblem, api, problemMessage } from "../api.js";
import { ShownOnce } from "../components/page.js";
import { useFormat } from "../format.js";
import { type OutboxItem, type SendFailure, drainOutbox } from "./drain.js";
import {
  browserOutbox,
  canKeepOffline,
  forgetItem,
  outboxChanges,
  outboxOf,
  receiptOf,
  rememberSealingKey,
  saveItem,
} from "./outbox.js";

/** Worth trying again later: no link, no session yet, the server or its database away, busy. */
export function failureOf(error: unknown): SendFailure {
  if (!(error instanceof ApiProblem)) return { retry: true, code: "network_unavailable", message: String(error) };
  const retry =
    error.status === 0 ||
    error.status === 401 ||
    error.status === 408 ||
    error.status === 429 ||
    error.status >= 500 ||
    (error.status === 409 && error.code === "request_in_progress");
  return { retry, code: error.code, message: error.message };
}

let round: Promise<unknown> | null = null;
/** One round at a time in this tab, and across the device's tabs where the browser can lock. */
export function sendOutbox(ownerId: string) {
  const drain = () =>
    drainOutbox(
      browserOutbox,
      ownerId,
      async (item) =>
        (await api<Receipt>("POST", "/api/reports/sealed", item.sealed, { idempotencyKey: item.key })).receipt,
      failureOf,
    );
  round ??= (navigator.locks ? navigator.locks.request("conduct-outbox", drain) : drain()).finally(() => {
    round = null;
  });
  return round;
}

/** What the intake form reads on opening: fetched once the worker keeps the page, so that it keeps them too. */
const formReads = [
  "/api/me",
  "/api/reference/missions",
  "/api/reference/countries",
  "/api/reference/personnel-categories",
];
function keepFormReads() {
  const fetchAll = () =>
    void Promise.all(formReads.map((url) => fetch(url, { credentials: "same-origin" }))).catch(() => undefined);
  if (!("serviceWorker" in navigator)) return;
  if (navigator.serviceWorker.controller) fetchAll();
  else navigator.serviceWorker.addEventListener("controllerchange", fetchAll, { once: true });
}

/** Mounted once in the workspace of those who record reports. */
export function OutboxSync({ ownerId }: { ownerId: string }) {
  useEffect(() => {
    if (!canKeepOffline()) return;
    // The key is fetched while there is a link, so that a report can be sealed when there is none.
    void api<SealingKey>("GET", "/api/reports/sealing-key")
      .then(rememberSealingKey)
      .catch(() => undefined);
    keepFormReads();
    const send = () => {
      if (navigator.onLine) void sendOutbox(ownerId);
    };
    send();
    window.addEventListener("online", send);
    const timer = setInterval(send, 30_000);
    return () => {
      window.removeEventListener("online", send);
      clearInterval(timer);
    };
  }, [ownerId]);
  return null;
}

/** The officer's reports on this device; none for someone who does not record reports (null). */
export function useOutbox(ownerId: string | null) {
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    if (ownerId === null || !canKeepOffline()) return;
    let live = true;
    const load = () => void outboxOf(ownerId).then((found) => live && setItems(found));
    load();
    outboxChanges.addEventListener("change", load);
    return () => {
      live = false;
      outboxChanges.removeEventListener("change", load);
    };
  }, [ownerId]);
  return items;
}

const stateColour = { waiting: "orange", sending: "blue", sent: "green", refused: "red" } as const;

function OutboxEntry({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [receipt, setReceipt] = useState<string | null>(null);
  const change = async (next: OutboxItem) => {
    await saveItem(next);
    void sendOutbox(item.ownerId);
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group gap="sm">
          <Badge color={stateColour[item.state]} variant="light">
            {t(`reports.outbox.states.${item.state}`)}
          </Badge>
          <Text size="sm">
            {t("reports.outbox.written", { date: format.dateTime(item.queuedAt) })}
            {item.missionCode ? ` · ${item.missionCode}` : ""}
            {item.fileCount > 0 ? ` · ${t("reports.outbox.counts.files", { count: item.fileCount })}` : ""}
          </Text>
        </Group>
        {item.problem && item.state !== "sent" && (
          <Text size="sm" c={item.state === "refused" ? "red.8" : "gray.7"}>
            {problemMessage(t, new ApiProblem(0, item.problem.code, item.problem.message))}
          </Text>
        )}
        {item.state === "refused" && item.sealed && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => void change({ ...item, state: "waiting", problem: null })}>
              {t("reports.outbox.sendAgain")}
            </Button>
            {item.fileCount > 0 && (
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  void change({
                    ...item,
                    state: "waiting",
                    problem: null,
                    fileCount: 0,
                    sealed: { ...item.sealed!, evidence: [] },
                  })
                }
              >
                {t("reports.outbox.withoutFiles")}
              </Button>
            )}
          </Group>
        )}
        {item.state === "sent" &&
          (receipt ? (
            <>
              <ShownOnce intro={t("reports.record.doneIntro")} value={receipt} />
              <Group>
                <Button size="xs" onClick={() => void forgetItem(item.key)}>
                  {t("reports.outbox.given")}
                </Button>
              </Group>
            </>
          ) : (
            <Group>
              <Button size="xs" variant="light" onClick={() => void receiptOf(item).then(setReceipt)}>
                {t("reports.outbox.showReceipt")}
              </Button>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}

/** The officer's reports on this device, with their state; nothing when there are none. */
export function Outbox({ ownerId }: { ownerId: string }) {
  const { t } = useTranslation();
  const items = useOutbox(ownerId);
  if (items.length === 0) return null;
  const waiting = items.some((item) => item.state === "waiting");
  return (
    <Stack gap="xs" maw={760} component="section" aria-labelledby="outbox-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="outbox-title">
          {t("reports.outbox.title")}
        </Title>
        {waiting && navigator.onLine && (
          <Button size="xs" variant="light" onClick={() => void sendOutbox(ownerId)}>
            {t("reports.outbox.sendNow")}
          </Button>
        )}
      </Group>
      <Text size="sm" c="gray.7">
        {t("reports.outbox.intro")}
      </Text>
      {items.map((item) => (
        <OutboxEntry key={item.key} item={item} />
      ))}
    </Stack>
  );
}
