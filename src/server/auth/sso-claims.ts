// The claims an identity provider gave about the person signing in, handed from the sign-in
// library's profile mapping to the callback that gives the account its role, within one request.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Claims } from "../../domain/sso.js";

export const ssoClaims = new AsyncLocalStorage<{ claims: Claims | null }>();

/** Keeps the provider's claims for the callback under way; a mapping outside one keeps nothing. */
export function keepClaims(claims: Claims) {
  const store = ssoClaims.getStore();
  if (store) store.claims = claims;
  return {};
}
