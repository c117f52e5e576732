// Enrols an account in TOTP through better-auth's own endpoints (sign in, enable, verify), for the
// CLI and for tests: the same path a person takes in the web app, without the browser.
import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import type { Auth } from "./better-auth.js";

export interface TotpEnrolment {
  totpSecret: string;
  totpUri: string;
  backupCodes: string[];
}

const sessionCookieOf = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

export async function enrolTotp(auth: Auth, email: string, password: string): Promise<TotpEnrolment> {
  const signedIn = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const headers = new Headers({ cookie: sessionCookieOf(signedIn.headers) });
  const enabled = await auth.api.enableTwoFactor({ body: { password }, headers });
  if (!("totpURI" in enabled) || !enabled.totpURI) throw new Error("Two-factor enrolment did not return a TOTP URI.");
  const totpSecret = new URL(enabled.totpURI).searchParams.get("secret") as string;
  const verified = await auth.api.verifyTOTP({
    body: { code: await totpCode(totpSecret) },
    headers,
    returnHeaders: true,
  });
  // Verifying replaces the session; end the new one, since nobody is behind this sign-in.
  await auth.api.signOut({
    headers: new Headers({ cookie: sessionCookieOf(verified.headers) || headers.get("cookie") || "" }),
  });
  return { totpSecret, totpUri: enabled.totpURI, backupCodes: enabled.backupCodes ?? [] };
}

/** The current code for a base32 secret, as an authenticator app shows it. */
export async function totpCode(base32Secret: string): Promise<string> {
  const raw = new TextDecoder().decode(base32.decode(base32Secret));
  return createOTP(raw).totp();
}
