// Signing out also ends the session at the organisation's identity provider (OpenID Connect
// RP-initiated logout). Otherwise, on a computer shared in a field office, the next person to press
// "Sign in with UNICEF" would be let in as the one before, without a password.
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { staffProfiles } from "../../db/schema.js";
import type { Config, SsoProvider } from "../config.js";
import { inTransaction } from "../transaction.js";
import { systemActor } from "./actor.js";
import { toHeaders } from "./context.js";
import type { BridgeDeps } from "./sign-in.js";

/** The providers' sign-out addresses, read once from their discovery documents. */
const endpoints = new Map<string, Promise<string | null>>();
/** A provider that did not answer is asked again after this long, not at every sign-out. */
const RETRY_AFTER_MS = 60_000;

function endSessionEndpoint(provider: SsoProvider): Promise<string | null> {
  const known = endpoints.get(provider.issuer);
  if (known) return known;
  const discovered = (async () => {
    try {
      const response = await fetch(`${provider.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(3_000),
      });
      const address = response.ok
        ? ((await response.json()) as { end_session_endpoint?: unknown }).end_session_endpoint
        : null;
      // The server's pages allow forms to lead to the provider's origin only (app.ts, form-action).
      if (typeof address === "string" && new URL(address).origin === new URL(provider.issuer).origin) return address;
      return null;
    } catch {
      setTimeout(() => endpoints.delete(provider.issuer), RETRY_AFTER_MS).unref();
      return null;
    }
  })();
  endpoints.set(provider.issuer, discovered);
  return discovered;
}

/** Reads the providers' sign-out addresses at start, so no sign-out waits for them. */
export function discoverSignOutAddresses(config: Config) {
  for (const provider of config.ssoProviders) if (provider.signOutAtProvider) void endSessionEndpoint(provider);
}

/**
 * Where a person goes once signed out here: their provider's sign-out, which sends them back to the
 * sign-in page; the sign-in page itself for an account with a password here, or a provider that
 * offers no sign-out (or is configured to keep its session).
 */
export async function signedOutAddress(config: Config, ssoProvider: string | null | undefined, language: string) {
  const provider = config.ssoProviders.find((candidate) => candidate.id === ssoProvider);
  const endpoint = provider?.signOutAtProvider ? await endSessionEndpoint(provider) : null;
  if (!provider || !endpoint) return "/sign-in";
  const address = new URL(endpoint);
  address.searchParams.set("client_id", provider.clientId);
  address.searchParams.set("post_logout_redirect_uri", new URL("/sign-in", config.publicUrl).href);
  address.searchParams.set("ui_locales", language);
  return address.href;
}

/** The identity provider that keeps the account signed in on this request; null for none. */
export async function providerOfSession(deps: BridgeDeps, request: FastifyRequest): Promise<string | null> {
  const signedIn = await deps.auth.api.getSession({ headers: toHeaders(request) });
  if (!signedIn) return null;
  const [profile] = await inTransaction(deps.db, systemActor, (tx) =>
    tx
      .select({ ssoProvider: staffProfiles.ssoProvider })
      .from(staffProfiles)
      .where(eq(staffProfiles.userId, signedIn.user.id)),
  );
  return profile?.ssoProvider ?? null;
}
