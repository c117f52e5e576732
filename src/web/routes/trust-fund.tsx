// The Trust Fund in Support of Victims of SEA: money in, money committed, projects, people reached;
// the contributions (withheld payments marked) and projects, with forms for those who keep the books.
import { DateField } from "../components/date-field.js";
import {
  Badge,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { beneficiaryCategories } from "../../domain/trust-fund.js";
import { serviceTypes } from "../../domain/victims.js";
import { api } from "../api.js";
import { DataTable, FormActions, PageHeader, ProblemAlert, QueryView } from "../components/page.js";
import { useCountries, useMissions } from "../reference-data.js";
import type { TrustFund as Books } from "../../domain/contracts/trust-fund.js";
import { useMe } from "../session.js";
import { DialogButton } from "../components/dialog.js";

type Money = Books["overview"]["received"][number];

const today = () => new Date().toISOString().slice(0, 10);

function useBooksMutation<T>(request: (values: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["trust-fund"] }),
  });
}

function Figure({ label, money, count }: { label: string; money?: Money[]; count?: number }) {
  const { i18n } = useTranslation();
  const format = (m: Money) =>
    new Intl.NumberFormat(i18n.language, { style: "currency", currency: m.currency, maximumFractionDigits: 0 }).format(
      m.amount,
    );
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      {money !== undefined ? (
        money.length === 0 ? (
          <Text fw={700} size="xl">
            —
          </Text>
        ) : (
          money.map((m) => (
            <Text key={m.currency} fw={700} size="xl" dir="ltr">
              {format(m)}
            </Text>
          ))
        )
      ) : (
        <Text fw={700} size="xl">
          {count}
        </Text>
      )}
    </Paper>
  );
}

export function TrustFundPage() {
  const { t, i18n } = useTranslation();
  const countries = useCountries();
  const query = useQuery({ queryKey: ["trust-fund"], queryFn: () => api<Books>("GET", "/api/trust-fund") });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <PageHeader title={t("trustFund.title")} intro={t("trustFund.intro")} />
      <QueryView query={query}>
        {(books) => (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <Figure label={t("trustFund.received")} money={books.overview.received} />
              <Figure label={t("trustFund.fromWithheld")} money={books.overview.fromWithheldPayments} />
              <Figure label={t("trustFund.committed")} money={books.overview.committed} />
              <Figure
                label={t("trustFund.activeProjects", { total: books.overview.projects })}
                count={books.overview.activeProjects}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {beneficiaryCategories.map((category) => (
                <Figure
                  key={category}
                  label={t(`trustFund.categories.${category}`)}
                  count={books.overview.reached[category] ?? 0}
                />
              ))}
            </SimpleGrid>
            <Paper withBorder p="lg">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {t("trustFund.projects")}
                </Title>
                {books.can.addProject && (
                  <DialogButton label={t("trustFund.addProject")} title={t("trustFund.addProject")}>
                    {(close) => <ProjectForm onDone={close} />}
                  </DialogButton>
                )}
              </Group>
              {books.projects.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t("trustFund.noProjects")}
                </Text>
              ) : (
                <DataTable
                  label={t("trustFund.projects")}
                  minWidth={820}
                  headers={[
                    t("trustFund.project"),
                    t("cases.mission"),
                    t("trustFund.partner"),
                    t("trustFund.budget"),
                    t("trustFund.period"),
                    t("trustFund.services"),
                    t("trustFund.reached"),
                  ]}
                  actions
                >
                  {books.projects.map((project) => (
                    <Table.Tr key={project.id}>
                      <Table.Td>{project.title}</Table.Td>
                      <Table.Td>{project.missionCode}</Table.Td>
                      <Table.Td>{project.implementingPartner}</Table.Td>
                      <Table.Td dir="ltr">
                        {number.format(project.budget)} {project.currency}
                      </Table.Td>
                      <Table.Td>
                        {project.startsOn} – {project.endsOn}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {project.services.map((s) => (
                            <Badge key={s} variant="light" size="sm">
                              {t(`victims.services.${s}`)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{number.format(project.reached)}</Table.Td>
                      <Table.Td>
                        {project.can.report && (
                          <DialogButton
                            label={t("trustFund.reportReach")}
                            title={t("trustFund.reportReach")}
                            variant="subtle"
                          >
                            {(close) => <ReachForm projectId={project.id} onDone={close} />}
                          </DialogButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Paper>
            <Paper withBorder p="lg">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {t("trustFund.contributions")}
                </Title>
                {books.can.recordContribution && (
                  <DialogButton label={t("trustFund.addContribution")} title={t("trustFund.addContribution")}>
                    {(close) => <ContributionForm onDone={close} />}
                  </DialogButton>
                )}
              </Group>
              {books.contributions.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t("trustFund.noContributions")}
                </Text>
              ) : (
                <DataTable
                  label={t("trustFund.contributions")}
                  minWidth={520}
                  headers={[
                    t("trustFund.receivedOn"),
                    t("referrals.country"),
                    t("trustFund.amount"),
                    t("trustFund.source"),
                  ]}
                >
                  {books.contributions.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.receivedOn}</Table.Td>
                      <Table.Td>{countries.nameOf(c.countryCode)}</Table.Td>
                      <Table.Td dir="ltr">
                        {number.format(c.amount)} {c.currency}
                      </Table.Td>
                      <Table.Td>
                        {c.fromWithheldPayments ? (
                          <Badge variant="light" color="orange">
                            {t("trustFund.withheld")}
                          </Badge>
                        ) : (
                          t("trustFund.voluntary")
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Paper>
          </Stack>
        )}
      </QueryView>
    </>
  );
}

function ContributionForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const form = useForm({
    initialValues: {
      countryCode: "",
      receivedOn: today(),
      amount: "" as number | string,
      currency: "USD",
      withheld: false,
      caseActionId: "",
    },
  });
  const save = useBooksMutation((v: typeof form.values) =>
    api("POST", "/api/trust-fund/contributions", {
      countryCode: v.countryCode,
      receivedOn: v.receivedOn,
      amount: Number(v.amount),
      currency: v.currency,
      caseActionId: v.withheld ? v.caseActionId.trim() : null,
    }),
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values, { onSuccess: onDone }))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Select
          label={t("referrals.country")}
          required
          searchable
          data={countries.stateChoices}
          {...form.getInputProps("countryCode")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t("trustFund.receivedOn")} required {...form.getInputProps("receivedOn")} />
          <NumberInput
            label={t("trustFund.amount")}
            required
            min={1}
            allowDecimal={false}
            {...form.getInputProps("amount")}
          />
          <TextInput
            label={t("paternity.currency")}
            required
            maxLength={3}
            dir="ltr"
            {...form.getInputProps("currency")}
          />
        </SimpleGrid>
        <Checkbox label={t("trustFund.withheldLabel")} {...form.getInputProps("withheld", { type: "checkbox" })} />
        {form.values.withheld && (
          <TextInput
            label={t("trustFund.actionId")}
            description={t("trustFund.actionHelp")}
            required
            dir="ltr"
            {...form.getInputProps("caseActionId")}
          />
        )}
        <FormActions onCancel={onDone} submitLabel={t("trustFund.addContribution")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function ProjectForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const missions = useMissions();
  const choices = me?.role === "victim_assistance" ? me.missionCodes : (missions.data?.items ?? []).map((m) => m.code);
  const form = useForm({
    initialValues: {
      missionCode: choices[0] ?? "",
      title: "",
      implementingPartner: "",
      budget: "" as number | string,
      currency: "USD",
      startsOn: today(),
      endsOn: "",
      services: [] as string[],
    },
  });
  const save = useBooksMutation((v: typeof form.values) =>
    api("POST", "/api/trust-fund/projects", { ...v, budget: Number(v.budget) }),
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values, { onSuccess: onDone }))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Select
          label={t("cases.mission")}
          required
          allowDeselect={false}
          searchable
          data={choices}
          {...form.getInputProps("missionCode")}
        />
        <TextInput label={t("trustFund.project")} required {...form.getInputProps("title")} />
        <TextInput label={t("trustFund.partner")} required {...form.getInputProps("implementingPartner")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t("trustFund.budget")}
            required
            min={1}
            allowDecimal={false}
            {...form.getInputProps("budget")}
          />
          <TextInput
            label={t("paternity.currency")}
            required
            maxLength={3}
            dir="ltr"
            {...form.getInputProps("currency")}
          />
          <DateField label={t("trustFund.startsOn")} required {...form.getInputProps("startsOn")} />
          <DateField label={t("trustFund.endsOn")} required {...form.getInputProps("endsOn")} />
        </SimpleGrid>
        <Checkbox.Group label={t("trustFund.services")} required {...form.getInputProps("services")}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
            {serviceTypes.map((type) => (
              <Checkbox key={type} value={type} label={t(`victims.services.${type}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <FormActions onCancel={onDone} submitLabel={t("trustFund.addProject")} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function ReachForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reportedOn: today(), category: "victims", people: "" as number | string } });
  const save = useBooksMutation((v: typeof form.values) =>
    api("POST", `/api/trust-fund/projects/${projectId}/beneficiaries`, { ...v, people: Number(v.people) }),
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values, { onSuccess: onDone }))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Text size="sm" c="gray.7">
          {t("trustFund.reachHelp")}
        </Text>
        <Select
          label={t("trustFund.category")}
          allowDeselect={false}
          data={beneficiaryCategories.map((value) => ({ value, label: t(`trustFund.categories.${value}`) }))}
          {...form.getInputProps("category")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t("trustFund.people")}
            required
            min={0}
            allowDecimal={false}
            {...form.getInputProps("people")}
          />
          <DateField label={t("trustFund.reportedOn")} required {...form.getInputProps("reportedOn")} />
        </SimpleGrid>
        <FormActions onCancel={onDone} submitLabel={t("app.save")} loading={save.isPending} />
      </Stack>
    </form>
  );
}
