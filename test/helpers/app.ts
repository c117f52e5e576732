// Builds the real application on a fresh database, with factories for staff accounts and signed-in
// clients (session cookie + CSRF token, or API token).
import { randomBytes } from "node:crypto";
import type { FastifyServerOptions, InjectOptions } from "fastify";
import { openDatabase } from "../../src/db/connection.js";
import { seedReferenceData } from "../../src/seed/reference.js";
import type { Role } from "../../src/domain/roles.js";
import { requiresTwoFactor } from "../../src/domain/roles.js";
import { type App, buildApp } from "../../src/server/app.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { enrolTotp, totpCode } from "../../src/server/auth/two-factor.js";
import { type Config, readConfig } from "../../src/server/config.js";
import { createToken } from "../../src/server/modules/tokens/service.js";
import { createStaffUser } from "../../src/server/modules/users/service.js";
import { ensureDataKey } from "../../src/server/security/encryption.js";
import { createTestDatabase, pgliteTemplate } from "./database.js";

export const ORIGIN = "http://127.0.0.1:3000";

export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { logger?: FastifyServerOptions["logger"] } = {},
) {
  const database = await createTestDatabase();
  const handle = await openDatabase(database.url ? { url: database.url } : { loadDataDir: await pgliteTemplate() });
  const masterKey = randomBytes(32);
  await ensureDataKey(handle, masterKey);
  await seedReferenceData(handle);
  const config: Config = {
    ...readConfig({}),
    publicUrl: ORIGIN,
    port: 3000,
    authRateLimit: { window: 60, max: 10_000 },
    // Tests submit many reports from one address; the rate-limit test sets this back to 1.
    publicRateLimitFactor: 1000,
    ...overrides,
  };
  const app = await buildApp({ handle, config, masterKey }, { logger: options.logger });
  let sequence = 0;

  async function createStaff(
    role: Role,
    scope: { missionCodes?: string[]; entityCodes?: string[]; countryCode?: string } = {},
  ) {
    const email = `${role}.${++sequence}.${randomBytes(3).toString("hex")}@test.conduct.org`;
    const password = `pw-${randomBytes(12).toString("hex")}`;
    const created = await createStaffUser(app.services, systemActor, {
      email,
      name: `${role} ${sequence}`,
      role,
      missionCodes: scope.missionCodes ?? [],
      entityCodes: scope.entityCodes ?? [],
      countryCode: scope.countryCode ?? null,
      password,
    });
    const enrolment = requiresTwoFactor(role) ? await enrolTotp(app.services.auth, email, password) : null;
    return { id: created.user.id, email, password, role, totpSecret: enrolment?.totpSecret ?? null };
  }
  type Staff = Awaited<ReturnType<typeof createStaff>>;

  /** Signs in as a person does: password, then the TOTP code; answers a client with cookie and CSRF token. */
  async function signIn(staff: Staff) {
    const first = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: ORIGIN },
      payload: { email: staff.email, password: staff.password },
    });
    if (first.statusCode !== 200) throw new Error(`sign-in failed: ${first.statusCode} ${first.body}`);
    let cookie = cookiesOf(first.headers["set-cookie"]);
    if (first.json().twoFactorRedirect) {
      const second = await app.inject({
        method: "POST",
        url: "/api/auth/two-factor/verify-totp",
        headers: { origin: ORIGIN, cookie },
        payload: { code: await totpCode(staff.totpSecret as string) },
      });
      if (second.statusCode !== 200) throw new Error(`TOTP verification failed: ${second.statusCode} ${second.body}`);
      cookie = cookiesOf(second.headers["set-cookie"]);
    }
    const me = await app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    return client({ cookie, "x-csrf-token": me.json().csrfToken });
  }

  async function tokenFor(staff: Staff) {
    const { token } = await createToken(app.services, systemActor, { ownerId: staff.id, name: "test" });
    return client({ authorization: `Bearer ${token}` });
  }

  function client(headers: Record<string, string>) {
    return {
      headers,
      request: (options: InjectOptions) =>
        app.inject({ ...options, headers: { ...headers, ...(options.headers as Record<string, string>) } }),
    };
  }

  /** A second server instance on the same database, with its own connection pool on PostgreSQL (PGlite is one process: same handle). */
  async function secondInstance(configOverrides: Partial<Config> = {}) {
    let secondHandle = handle;
    if (database.url) secondHandle = await openDatabase({ url: database.url, migrate: false });
    const second = await buildApp({ handle: secondHandle, config: { ...config, ...configOverrides }, masterKey });
    return {
      app: second,
      close: async () => {
        await second.close();
        if (secondHandle !== handle) await secondHandle.close();
      },
    };
  }

  return {
    app,
    handle,
    masterKey,
    secondInstance,
    createStaff,
    signIn,
    tokenFor,
    close: async () => {
      await app.close();
      await handle.close();
      await database.drop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export function cookiesOf(setCookie: string | string[] | undefined): string {
  return [setCookie ?? []]
    .flat()
    .map((cookie) => cookie.split(";")[0])
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

export type { App };
