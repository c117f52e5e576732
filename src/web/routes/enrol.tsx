// First sign-in of a role that must use two-factor: QR code, key as text, confirming code.
import { Alert, Button, Code, Image, Paper, PasswordInput, PinInput, Stack, Text, Title } from "@mantine/core";
import QRCode from "qrcode";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage } from "../api.js";
import { ShownOnce } from "../components/page.js";

export function EnrolTwoFactor({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [setup, setSetup] = useState<{ qr: string; key: string; backupCodes: string[] } | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<unknown>(null);

  async function start(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const result = await api<{ totpURI: string; backupCodes: string[] }>("POST", "/api/auth/two-factor/enable", {
        password,
      });
      setSetup({
        qr: await QRCode.toDataURL(result.totpURI, { margin: 1, width: 220 }),
        key: new URL(result.totpURI).searchParams.get("secret") ?? "",
        backupCodes: result.backupCodes,
      });
    } catch (problem) {
      setError(problem);
    }
  }

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    try {
      await api("POST", "/api/auth/two-factor/verify-totp", { code });
      onEnrolled();
    } catch (problem) {
      setError(problem);
      setCode("");
    }
  }

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={480} mx="auto" mt="xl">
      <Title order={1} size="h2" mb="xs">
        {t("enrol.title")}
      </Title>
      <Text size="sm" mb="lg">
        {t("enrol.intro")}
      </Text>
      {error !== null && (
        <Alert color="red" mb="md" role="alert">
          {problemMessage(t, error)}
        </Alert>
      )}
      {!setup ? (
        <form onSubmit={start}>
          <Stack>
            <PasswordInput
              label={t("enrol.password")}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit">{t("enrol.start")}</Button>
          </Stack>
        </form>
      ) : (
        <form onSubmit={confirm}>
          <Stack>
            <Text size="sm">{t("enrol.scan")}</Text>
            <Image src={setup.qr} alt={t("enrol.qrAlt")} w={220} h={220} />
            <Text size="sm">
              {t("enrol.key")}: <Code>{setup.key}</Code>
            </Text>
            <ShownOnce
              intro={t("enrol.backupCodes")}
              value={setup.backupCodes.join("\n")}
              fileName="conduct-ledger-backup-codes.txt"
            />
            <PinInput
              length={6}
              type="number"
              oneTimeCode
              value={code}
              onChange={setCode}
              aria-label={t("signIn.code")}
            />
            <Button type="submit" disabled={code.length !== 6}>
              {t("enrol.confirm")}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
