// Reads the server's configuration from the environment, once, with the documented defaults.
import path from "node:path";
import { z } from "zod";

/** An organisation's OpenID Connect identity provider that staff may sign in with. */
const ssoProviderSchema = z.strictObject({
  /** Short, stable and in the callback's address: `/api/auth/callback/<id>`. */
  id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
  /** What the sign-in button names: the organisation, e.g. "UNICEF". */
  name: z.string().min(1).max(80),
  /** The provider's issuer; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** Scopes asked besides `openid email profile`, e.g. the one that releases group membership. */
  scopes: z.array(z.string()).default([]),
  /**
   * Signing out here also ends the session at the provider (OpenID Connect RP-initiated logout), so
   * the next person at a shared computer is asked for their own password. Register
   * `PUBLIC_URL/sign-in` as the client's post-logout redirect address at the provider.
   */
  signOutAtProvider: z.boolean().default(true),
});
export type SsoProvider = z.infer<typeof ssoProviderSchema>;

/** The providers in CONDUCT_SSO_PROVIDERS (a JSON list); a malformed list stops the server with the reason. */
export function readSsoProviders(value: string | undefined): SsoProvider[] {
  if (!value) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error("CONDUCT_SSO_PROVIDERS is not JSON: give a list of {id, name, issuer, clientId, clientSecret}.");
  }
  const result = z.array(ssoProviderSchema).safeParse(parsed);
  if (!result.success)
    throw new Error(`CONDUCT_SSO_PROVIDERS is not valid: ${z.prettifyError(result.error).replaceAll("\n", " ")}`);
  const ids = result.data.map((provider) => provider.id);
  if (new Set(ids).size !== ids.length) throw new Error("CONDUCT_SSO_PROVIDERS names one provider id twice.");
  return result.data;
}

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  databaseAppUrl?: string;
  /** Local development only: start even when the application role needs no password on PostgreSQL. */
  allowPasswordlessDatabaseRole: boolean;
  demo: boolean;
  sessionIdleMinutes: number;
  signInLockout: { maxFailures: number; lockMinutes: number };
  /**
   * Failed sign-ins one client address may make within the lockout's window before it is slowed
   * down; null: one fewer than an account's, so one address alone never locks an account out.
   */
  signInAddressFailures: number | null;
  authRateLimit: { window: number; max: number };
  /** Multiplies the per-minute limits of the public routes (1 in production; raised for load tests). */
  publicRateLimitFactor: number;
  logLevel: string;
  /** How often each instance looks for due reminders and sends pending email; 0 turns it off. */
  reminderIntervalSeconds: number;
  /** SMTP server for reminder email, e.g. smtp://user:pass@mail.example.org:587; unset = in-app only. */
  smtpUrl?: string;
  mailFrom: string;
  /**
   * Two-person rule: revealing a victim's or an alleged perpetrator's identity waits for an identity
   * custodian's approval, which lets its requester reveal for this many hours.
   */
  revealApproval: { required: boolean; hours: number };
  /** Days each kind of record is kept before the periodic cycle lets it go; null keeps it for ever. */
  retention: {
    unconverted_reports: number | null;
    evidence_files: number | null;
    reporter_threads: number | null;
    closed_case_narratives: number | null;
  };
  /** Public counts under this many are shown as a range (0 = exact counts, as the UN publishes). */
  smallCellThreshold: number;
  /** The SMS and messaging channel (src/server/modules/sms); unset secrets leave a gateway's webhook closed. */
  sms: {
    /** Which gateway sends the officers' replies: "twilio" or "generic"; unset, replies wait in the outbox. */
    gateway: "twilio" | "generic" | null;
    /** The generic gateway's shared secret: it signs each webhook (HMAC-SHA256) and we sign each send. */
    genericSecret?: string;
    /** Where the generic gateway takes messages to send (POST, JSON). */
    genericUrl?: string;
    twilioAccountSid?: string;
    /** Twilio's auth token: it signs each webhook, and authenticates each send. */
    twilioAuthToken?: string;
    twilioApiBase: string;
    /** The number (or sender name) replies are sent from. */
    from: string;
    /** Days a reporter's number is kept (sealed) to answer them after their last message. */
    numberRetentionDays: number;
  };
  /** Organisations' identity providers staff may sign in with (OpenID Connect); none: passwords only. */
  ssoProviders: SsoProvider[];
}

/** A retention period in days, or null (kept for ever) when unset. */
const days = (value: string | undefined) => (value ? Number(value) : null);

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST ?? "127.0.0.1";
  const port = Number(env.PORT ?? 3000);
  return {
    host,
    port,
    publicUrl: env.CONDUCT_PUBLIC_URL ?? `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`,
    dataDir: path.resolve(env.CONDUCT_DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    allowPasswordlessDatabaseRole: env.CONDUCT_ALLOW_PASSWORDLESS_DB_ROLE === "on",
    demo: (env.CONDUCT_DEMO ?? "on") !== "off",
    sessionIdleMinutes: Number(env.CONDUCT_IDLE_TIMEOUT_MINUTES ?? 30),
    signInLockout: {
      maxFailures: Number(env.CONDUCT_LOCKOUT_FAILURES ?? 5),
      lockMinutes: Number(env.CONDUCT_LOCKOUT_MINUTES ?? 15),
    },
    signInAddressFailures: env.CONDUCT_ADDRESS_FAILURES ? Number(env.CONDUCT_ADDRESS_FAILURES) : null,
    authRateLimit: { window: 60, max: Number(env.CONDUCT_SIGN_IN_RATE_LIMIT ?? 20) },
    publicRateLimitFactor: Number(env.CONDUCT_PUBLIC_RATE_LIMIT_FACTOR ?? 1),
    logLevel: env.LOG_LEVEL ?? "info",
    reminderIntervalSeconds: Number(env.CONDUCT_REMINDER_INTERVAL_SECONDS ?? 300),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.SMTP_FROM ?? "Conduct Ledger <no-reply@conduct-ledger.invalid>",
    revealApproval: {
      required: env.CONDUCT_REVEAL_APPROVAL === "on",
      hours: Number(env.CONDUCT_REVEAL_APPROVAL_HOURS ?? 24),
    },
    retention: {
      unconverted_reports: days(env.CONDUCT_RETENTION_REPORTS_DAYS),
      evidence_files: days(env.CONDUCT_RETENTION_EVIDENCE_DAYS),
      reporter_threads: days(env.CONDUCT_RETENTION_THREADS_DAYS),
      closed_case_narratives: days(env.CONDUCT_RETENTION_CLOSED_CASES_DAYS),
    },
    smallCellThreshold: Number(env.CONDUCT_SMALL_CELL_THRESHOLD ?? 0),
    sms: {
      gateway: env.SMS_GATEWAY === "twilio" || env.SMS_GATEWAY === "generic" ? env.SMS_GATEWAY : null,
      genericSecret: env.SMS_GENERIC_SECRET || undefined,
      genericUrl: env.SMS_GENERIC_URL || undefined,
      twilioAccountSid: env.TWILIO_ACCOUNT_SID || undefined,
      twilioAuthToken: env.TWILIO_AUTH_TOKEN || undefined,
      twilioApiBase: env.TWILIO_API_BASE ?? "https://api.twilio.com",
      from: env.SMS_FROM ?? "",
      numberRetentionDays: Number(env.SMS_NUMBER_RETENTION_DAYS ?? 90),
    },
    ssoProviders: readSsoProviders(env.CONDUCT_SSO_PROVIDERS),
  };
}
