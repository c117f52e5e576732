// A modal dialog with a labelled close button and a plain (non-landmark) header: Mantine's default
// renders a <header>, which assistive technology reads as a second page banner.
import { Button, Modal, Stack } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormActions, ProblemAlert } from "./page.js";

const plainHeader = { component: "div" } as object;

export function Dialog({
  opened,
  onClose,
  title,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal.Root opened={opened} onClose={onClose} size="lg">
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...plainHeader}>
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t("app.close")} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

/** A button that opens a dialog holding a form; the form closes it when done. */
export function DialogButton({
  label,
  title,
  variant = "light",
  children,
}: {
  label: string;
  title: string;
  variant?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog opened={open} onClose={() => setOpen(false)} title={title}>
        {open && children(() => setOpen(false))}
      </Dialog>
    </>
  );
}

interface DialogFormProps<V> {
  label: string;
  title?: string;
  variant?: string;
  submitLabel?: string;
  form: { onSubmit: (handler: (values: V) => void) => (event?: FormEvent<HTMLFormElement>) => void };
  mutation: { mutate: (values: V, options: { onSuccess: () => void }) => void; error: unknown; isPending: boolean };
  children: ReactNode;
}

/** A button opening a dialog with a form: its problem shown above the fields, closed once the change is saved. */
export function DialogForm<V>({ label, title, variant, submitLabel, form, mutation, children }: DialogFormProps<V>) {
  const { t } = useTranslation();
  return (
    <DialogButton label={label} title={title ?? label} variant={variant}>
      {(close) => (
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values, { onSuccess: close }))}>
          <Stack>
            <ProblemAlert error={mutation.error} />
            {children}
            <FormActions onCancel={close} submitLabel={submitLabel ?? t("app.save")} loading={mutation.isPending} />
          </Stack>
        </form>
      )}
    </DialogButton>
  );
}
