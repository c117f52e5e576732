// better-auth, configured for Conduct Ledger: staff email + password, TOTP, sessions in the
// database with an idle timeout, rate limits shared by every instance, no telemetry.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { twoFactor as twoFactorPlugin } from "better-auth/plugins";
import type { Database } from "../../db/connection.js";
import { account, rateLimit, session, twoFactor, user, verification } from "../../db/schema.js";
import type { Config } from "../config.js";

/** The header we set from Fastify's own view of the client address; never taken from the client. */
export const CLIENT_IP_HEADER = "x-conduct-client-ip";

/** The origins the staff app is served from: a sign-in step sent from any other is refused. */
export const trustedOrigins = (config: Config) => [
  ...new Set([new URL(config.publicUrl).origin, `http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`]),
];

export function createAuth(db: Database, config: Config, secret: string) {
  const origins = trustedOrigins(config);
  return betterAuth({
    appName: "Conduct Ledger",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: origins,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user, session, account, verification, twoFactor, rateLimit },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      // Idle timeout: a session unused for this long expires; every use within it extends it.
      expiresIn: config.sessionIdleMinutes * 60,
      updateAge: 60,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: config.authRateLimit.window,
      max: config.authRateLimit.max * 5,
      customRules: {
        "/sign-in/email": config.authRateLimit,
        "/two-factor/verify-totp": config.authRateLimit,
        "/two-factor/verify-backup-code": config.authRateLimit,
      },
    },
    advanced: {
      cookiePrefix: "conduct",
      useSecureCookies: true,
      defaultCookieAttributes: { httpOnly: true, secure: true, sameSite: "strict" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    plugins: [
      twoFactorPlugin({
        issuer: "Conduct Ledger",
        accountLockout: {
          enabled: true,
          maxFailedAttempts: config.signInLockout.maxFailures,
          durationSeconds: config.signInLockout.lockMinutes * 60,
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
