// A modal dialog with a labelled close button and a plain (non-landmark) header: Mantine's default
// renders a <header>, which assistive technology reads as a second page banner.
import { Modal } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

const plainHeader = { component: "div" } as object;

export function Dialog({ opened, onClose, title, children }: { opened: boolean; onClose: () => void; title: string; children: ReactNode }) {
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
