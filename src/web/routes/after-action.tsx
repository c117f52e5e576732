// After-action reviews: lessons searchable across missions, a new review of the mission's cases, and
// one review — with, for its own mission, what happened, the cases and the follow-up actions.
import { DateField } from "../components/date-field.js";
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { contributingFactorKinds } from "../../domain/after-action.js";
import type { Review, ReviewList } from "../../domain/contracts/after-action.js";
import { ApiProblem, api } from "../api.js";
import { DialogButton, DialogForm } from "../components/dialog.js";
import { CompleteFollowUp, FollowUpFields, FollowUpState, inDays } from "../components/follow-ups.js";
import { DataTable, EmptyState, FormActions, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useMissions } from "../reference-data.js";
import { useMe } from "../session.js";
import type { ListCases } from "../../domain/contracts/cases.js";
import type { Created } from "../../domain/contracts/fields.js";

const today = () => new Date().toISOString().slice(0, 10);

function FactorBadges({ factors }: { factors: string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {factors.map((f) => (
        <Badge key={f} variant="light" c="dark.9">
          {t(`afterAction.factors.${f}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function AfterActionList() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState({ q: "", factor: "" });
  const query = useQuery({
    queryKey: ["after-action", search],
    queryFn: () =>
      api<ReviewList>(
        "GET",
        `/api/after-action-reviews?${new URLSearchParams(Object.entries(search).filter(([, v]) => v))}`,
      ),
  });
  return (
    <>
      <PageHeader
        title={t("afterAction.title")}
        intro={t("afterAction.intro")}
        actions={
          query.data?.can.record ? (
            <DialogButton label={t("afterAction.new")} title={t("afterAction.new")} variant="filled">
              {(close) => <ReviewForm onDone={close} />}
            </DialogButton>
          ) : undefined
        }
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSearch((s) => ({ ...s, q: typed.trim() }));
        }}
      >
        <Group align="end" mb="md">
          <TextInput
            label={t("afterAction.search")}
            description={t("afterAction.searchHelp")}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            w={360}
          />
          <NativeSelect
            label={t("afterAction.factor")}
            data={[
              { value: "", label: t("afterAction.anyFactor") },
              ...contributingFactorKinds.map((value) => ({ value, label: t(`afterAction.factors.${value}`) })),
            ]}
            value={search.factor}
            onChange={(event) => {
              const factor = event.currentTarget.value;
              setSearch((s) => ({ ...s, factor }));
            }}
            w={240}
          />
          <Button type="submit" variant="default">
            {t("afterAction.find")}
          </Button>
        </Group>
      </form>
      <QueryView
        query={query}
        isEmpty={(data) => data.items.length === 0}
        empty={search.q || search.factor ? t("afterAction.noMatch") : t("afterAction.none")}
      >
        {(data) => (
          <Stack>
            {data.items.map((item) => (
              <Paper key={item.id} withBorder p="md">
                <Group justify="space-between" align="start">
                  <div>
                    <Link
                      to="/after-action/$reviewId"
                      params={{ reviewId: item.id }}
                      style={{ color: "var(--mantine-color-blue-9)", fontWeight: 600 }}
                    >
                      {item.title}
                    </Link>
                    <Text size="sm" c="gray.7">
                      {item.missionCode} · {item.heldOn}
                      {item.ownMission ? "" : ` · ${t("afterAction.otherMission")}`}
                    </Text>
                  </div>
                  <FactorBadges factors={item.contributingFactors} />
                </Group>
                <Text size="sm" mt="xs" dir="auto" lineClamp={3}>
                  {item.lessons}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
    </>
  );
}

function ReviewForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const missions = useMissions();
  const missionChoices = me?.role === "cdt_officer" ? me.missionCodes : (missions.data?.items ?? []).map((m) => m.code);
  const form = useForm({
    initialValues: {
      missionCode: missionChoices[0] ?? "",
      title: "",
      heldOn: today(),
      caseReferences: "",
      whatHappened: "",
      contributingFactors: [] as string[],
      whatWorked: "",
      lessons: "",
      actions: [] as { action: string; owner: string; dueOn: string }[],
    },
  });
  const save = useMutation({
    mutationFn: async (v: typeof form.values) => {
      // Cases are named by their numbers, as officers know them; each is looked up in the caller's scope.
      const references = v.caseReferences
        .split(/[\s,;]+/)
        .map((r) => r.trim().toUpperCase())
        .filter(Boolean);
      const caseIds: string[] = [];
      for (const reference of references) {
        const found = await api<ListCases>("GET", `/api/cases?q=${encodeURIComponent(reference)}&limit=5`);
        const match = found.items.find((c) => c.reference === reference);
        if (!match) throw new ApiProblem(400, "case_reference_unknown", t("afterAction.unknownCase", { reference }));
        caseIds.push(match.id);
      }
      return api<Created>("POST", "/api/after-action-reviews", {
        ...v,
        caseReferences: undefined,
        caseIds,
        whatWorked: v.whatWorked.trim() || null,
      });
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ["after-action"] });
      onDone();
      void navigate({ to: "/after-action/$reviewId", params: { reviewId: created.id } });
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t("cases.mission")} data={missionChoices} {...form.getInputProps("missionCode")} />
          <DateField label={t("afterAction.heldOn")} required {...form.getInputProps("heldOn")} />
        </SimpleGrid>
        <TextInput label={t("afterAction.reviewTitle")} required {...form.getInputProps("title")} />
        <TextInput
          label={t("afterAction.cases")}
          description={t("afterAction.casesHelp")}
          dir="ltr"
          {...form.getInputProps("caseReferences")}
        />
        <Textarea
          label={t("afterAction.whatHappened")}
          description={t("afterAction.whatHappenedHelp")}
          required
          autosize
          minRows={3}
          {...form.getInputProps("whatHappened")}
        />
        <Checkbox.Group
          label={t("afterAction.contributingFactors")}
          required
          {...form.getInputProps("contributingFactors")}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {contributingFactorKinds.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`afterAction.factors.${kind}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label={t("afterAction.whatWorked")} autosize minRows={2} {...form.getInputProps("whatWorked")} />
        <Textarea
          label={t("afterAction.lessons")}
          description={t("afterAction.lessonsHelp")}
          required
          autosize
          minRows={3}
          {...form.getInputProps("lessons")}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text fw={600} size="sm">
              {t("afterAction.followUps")}
            </Text>
          </legend>
          <Stack gap="sm">
            {form.values.actions.map((_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended or removed from a form being typed
              <Paper key={index} withBorder p="sm">
                <FollowUpFields form={form} prefix={`actions.${index}.`} actionLabel={t("afterAction.followUp")} />
                <Group justify="flex-end" mt="xs">
                  <Button size="xs" variant="subtle" color="red" onClick={() => form.removeListItem("actions", index)}>
                    {t("risk.removeMitigation")}
                  </Button>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() => form.insertListItem("actions", { action: "", owner: "", dueOn: inDays(30) })}
              >
                {t("afterAction.addFollowUp")}
              </Button>
            </Group>
          </Stack>
        </fieldset>
        <FormActions onCancel={onDone} submitLabel={t("afterAction.save")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function useReviewMutation<T>(request: (values: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["after-action"] }),
  });
}

export function AfterActionPage() {
  const { t } = useTranslation();
  const { reviewId } = useParams({ from: "/after-action/$reviewId" });
  const query = useQuery({
    queryKey: ["after-action", "review", reviewId],
    queryFn: () => api<Review>("GET", `/api/after-action-reviews/${reviewId}`),
  });
  return (
    <QueryView query={query}>
      {(review) => (
        <Stack>
          <Anchor component={Link} to="/after-action" size="sm" c="blue.9">
            {t("afterAction.back")}
          </Anchor>
          <PageHeader
            title={review.title}
            intro={`${review.missionCode} · ${t("afterAction.heldOn")} ${review.heldOn}`}
          />
          <FactorBadges factors={review.contributingFactors} />
          {review.confidential ? (
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="xs">
                {t("afterAction.whatHappened")}
              </Title>
              <Text size="sm" dir="auto" style={{ whiteSpace: "pre-wrap" }}>
                {review.confidential.whatHappened}
              </Text>
              {review.confidential.cases.length > 0 && (
                <Group gap="xs" mt="sm">
                  <Text size="sm" fw={600}>
                    {t("afterAction.cases")}:
                  </Text>
                  {review.confidential.cases.map((c) => (
                    <Link
                      key={c.id}
                      to="/cases/$caseId"
                      params={{ caseId: c.id }}
                      dir="ltr"
                      style={{ color: "var(--mantine-color-blue-9)", fontSize: "var(--mantine-font-size-sm)" }}
                    >
                      {c.reference}
                    </Link>
                  ))}
                </Group>
              )}
            </Paper>
          ) : (
            <EmptyState>{t("afterAction.lessonsOnly")}</EmptyState>
          )}
          <SimpleGrid cols={{ base: 1, md: review.whatWorked ? 2 : 1 }}>
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="xs">
                {t("afterAction.lessons")}
              </Title>
              <Text size="sm" dir="auto" style={{ whiteSpace: "pre-wrap" }}>
                {review.lessons}
              </Text>
            </Paper>
            {review.whatWorked && (
              <Paper withBorder p="lg">
                <Title order={2} size="h4" mb="xs">
                  {t("afterAction.whatWorked")}
                </Title>
                <Text size="sm" dir="auto" style={{ whiteSpace: "pre-wrap" }}>
                  {review.whatWorked}
                </Text>
              </Paper>
            )}
          </SimpleGrid>
          {review.confidential && (
            <Paper withBorder p="lg">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {t("afterAction.followUps")}
                </Title>
                <AddFollowUp reviewId={review.id} />
              </Group>
              {review.confidential.actions.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t("afterAction.noFollowUps")}
                </Text>
              ) : (
                <DataTable
                  label={t("afterAction.followUps")}
                  minWidth={640}
                  headers={[t("afterAction.followUp"), t("risk.owner"), t("risk.dueOn"), t("risk.state")]}
                  actions
                >
                  {review.confidential.actions.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td dir="auto">
                        {a.action}
                        {a.completionNote && (
                          <Text size="xs" c="gray.7">
                            {a.completionNote}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td dir="auto">{a.owner}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{a.dueOn}</Table.Td>
                      <Table.Td>
                        <FollowUpState item={a} />
                      </Table.Td>
                      <Table.Td>
                        {a.state !== "done" && (
                          <CompleteFollowUp
                            url={`/api/after-action-actions/${a.id}/completion`}
                            item={a}
                            queryKey={["after-action"]}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Paper>
          )}
        </Stack>
      )}
    </QueryView>
  );
}

function AddFollowUp({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { action: "", owner: "", dueOn: inDays(30) } });
  const save = useReviewMutation((v: typeof form.values) =>
    api("POST", `/api/after-action-reviews/${reviewId}/actions`, v),
  );
  return (
    <DialogForm label={t("afterAction.addFollowUp")} form={form} mutation={save}>
      <FollowUpFields form={form} prefix="" actionLabel={t("afterAction.followUp")} />
    </DialogForm>
  );
}
