// Sign-in: password, then the authenticator code when the account has two-factor.
import { Alert, Anchor, Button, Paper, PasswordInput, PinInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage } from "../api.js";

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<"password" | "code">("password");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function attempt(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  const submitPassword = (event: React.FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const result = await api<{ twoFactorRedirect?: boolean }>("POST", "/api/auth/sign-in/email", { email, password });
      if (result.twoFactorRedirect) setStep("code");
      else onSignedIn();
    });
  };

  const submitCode = (event: React.FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      try {
        await api("POST", "/api/auth/two-factor/verify-totp", { code });
        onSignedIn();
      } finally {
        setCode("");
      }
    });
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={420} mx="auto" mt="xl">
      <Title order={1} size="h2" mb="xs">
        {t("signIn.title")}
      </Title>
      <Text c="gray.7" size="sm" mb="lg">
        {t("app.tagline")}
      </Text>
      {error !== null && (
        <Alert color="red" mb="md" role="alert">
          {problemMessage(t, error)}
        </Alert>
      )}
      {step === "password" ? (
        <form onSubmit={submitPassword}>
          <Stack>
            <TextInput
              label={t("signIn.email")}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t("signIn.password")}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t("signIn.submit")}
            </Button>
          </Stack>
        </form>
      ) : (
        <form onSubmit={submitCode}>
          <Stack>
            <Text size="sm">{t("signIn.codeHelp")}</Text>
            <PinInput
              length={6}
              type="number"
              oneTimeCode
              autoFocus
              value={code}
              onChange={setCode}
              aria-label={t("signIn.code")}
            />
            <Button type="submit" loading={busy} disabled={code.length !== 6}>
              {t("signIn.verify")}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setStep("password");
                setError(null);
              }}
            >
              {t("signIn.startOver")}
            </Anchor>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
