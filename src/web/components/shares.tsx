// The units of other entities a record is shared with (one UN: a victim's record, a case), each with
// what allows it, who shared it, and ending a share where the reader may.
import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format.js";
import { useEntities } from "../reference-data.js";
import { ProblemAlert } from "./page.js";

interface Share {
  id: string;
  unitCode: string;
  entityCode: string;
  sharedAt: string;
  sharedByName: string | null;
  endedAt: string | null;
}

export function ShareList<S extends Share>({
  shares,
  none,
  detail,
  mayEnd,
  end,
}: {
  shares: S[];
  /** What the list says when the record was never shared. */
  none: string;
  /** The share's own line: since when, and the consent or the reason that allows it. */
  detail: (share: S) => string;
  mayEnd: (share: S) => boolean;
  end: UseMutationResult<unknown, Error, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const entities = useEntities();
  return (
    <Stack gap="xs">
      <ProblemAlert error={end.error} />
      {shares.length === 0 && (
        <Text size="sm" c="gray.7">
          {none}
        </Text>
      )}
      {shares.map((item) => (
        <Group key={item.id} justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {item.unitCode} — {entities.shortNameOf(item.entityCode)}
            </Text>
            <Text size="xs" c="gray.7">
              {detail(item)}
              {item.sharedByName && ` · ${t("sharing.sharedBy", { name: item.sharedByName })}`}
            </Text>
          </Stack>
          {item.endedAt ? (
            <Badge color="gray" variant="light">
              {t("sharing.ended", { date: format.date(item.endedAt) })}
            </Badge>
          ) : (
            mayEnd(item) && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={end.isPending && end.variables === item.id}
                onClick={() => end.mutate(item.id)}
                aria-label={`${t("sharing.end")}: ${item.unitCode}`}
              >
                {t("sharing.end")}
              </Button>
            )
          )}
        </Group>
      ))}
    </Stack>
  );
}
