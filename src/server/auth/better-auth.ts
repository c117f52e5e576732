// better-auth, configured for Conduct Ledger: staff email + password, TOTP, sign-in through the
// organisations' identity providers (OpenID Connect), sessions in the database with an idle
// timeout, rate limits shared by every instance, no telemetry.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { genericOAuth, twoFactor as twoFactorPlugin } from "better-auth/plugins";
import type { Database } from "../../db/connection.js";
import { account, rateLimit, session, twoFactor, user, verification } from "../../db/schema.js";
import type { Config } from "../config.js";
import { keepClaims } from "./sso-claims.js";

/** The header we set from Fastify's own view of the client address; never taken from the client. */
export const CLIENT_IP_HEADER = "x-conduct-client-ip";

/** The origins the staff app is served from: a sign-in step sent from any other is refused. */
export const trustedOrigins = (config: Config) => [
  ...new Set([new URL(config.publicUrl).origin, `http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`]),
];

/** The identity providers as the sign-in library takes them: discovered, ID tokens verified against the provider's keys. */
const identityProviders = (config: Config) =>
  config.ssoProviders.map((provider) => ({
    providerId: provider.id,
    name: provider.name,
    discoveryUrl: `${provider.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: ["openid", "email", "profile", ...provider.scopes],
    pkce: true,
    // OpenID Connect's default way for a client to prove itself at the token endpoint.
    authentication: "basic" as const,
    requireIdTokenVerification: true,
    // The name and email follow the organisation's record at each sign-in.
    overrideUserInfo: true,
    mapProfileToUser: keepClaims,
  }));

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
    // An identity provider never takes over an account that signs in with a password here: the
    // account would lose its own two-factor to the provider's.
    account: { accountLinking: { enabled: false } },
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
        "/sign-in/social": config.authRateLimit,
        "/two-factor/verify-totp": config.authRateLimit,
        "/two-factor/verify-backup-code": config.authRateLimit,
      },
    },
    advanced: {
      cookiePrefix: "conduct",
      useSecureCookies: true,
      defaultCookieAttributes: { httpOnly: true, secure: true, sameSite: "strict" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // The provider sends the browser back from its own site: a strict cookie would not come with it.
      cookies: { state: { attributes: { sameSite: "lax" } } },
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
      ...(config.ssoProviders.length ? [genericOAuth({ config: identityProviders(config) })] : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
