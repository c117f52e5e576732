// A local OpenID Connect provider for the tests (the maintained `oidc-provider`), on a free port:
// an organisation's identity provider whose people and groups a test sets, and a browser-like walk
// through its sign-in (its development login form takes any password).
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import type { SsoProvider } from "../../src/server/config.js";
import { ORIGIN } from "./app.js";

export interface Person {
  email: string;
  name: string;
  groups: string[];
  email_verified?: boolean;
}

export async function startIdentityProvider(providerId: string, appOrigin = ORIGIN) {
  const people = new Map<string, Person>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const client = { clientId: "conduct-ledger", clientSecret: `secret-${providerId}-0123456789abcdef` };
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [`${appOrigin}/api/auth/callback/${providerId}`],
        post_logout_redirect_uris: [`${appOrigin}/sign-in`],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Every granted claim in the ID token, as organisations configure group claims for their apps.
    conformIdTokenClaims: false,
    cookies: { keys: [`cookie-key-${providerId}`] },
    findAccount: async (_context, sub) => {
      const person = people.get(sub);
      return person ? { accountId: sub, claims: async () => ({ sub, email_verified: true, ...person }) } : undefined;
    },
  });
  oidc.on("server_error", (_context, error) => console.error("identity provider:", error));
  server.on("request", oidc.callback());

  /**
   * Signs `sub` in at the provider, as a browser would from the authorisation address: answers the
   * address the provider sends the browser back to (the app's callback, with its code). A browser's
   * cookies at the provider (`jar`) keep its session there; `asked` collects the pages it showed.
   */
  async function authorize(url: string, sub: string, jar = new Map<string, string>(), asked: string[] = []) {
    return walk(url, jar, (page) => {
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (!prompt) return null;
      asked.push(prompt);
      return new URLSearchParams(prompt === "login" ? { prompt, login: sub, password: "any" } : { prompt });
    });
  }

  /** Follows the provider's sign-out from the address the app sent the browser to, saying yes: answers where it leads. */
  async function signOut(url: string, jar: Map<string, string>) {
    return walk(url, jar, (page) => {
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
      return xsrf ? new URLSearchParams({ xsrf, logout: "yes" }) : null;
    });
  }

  /** Walks the provider's pages as a browser: answers the first address outside the provider. */
  async function walk(url: string, jar: Map<string, string>, answer: (page: string) => URLSearchParams | null) {
    let step: { url: string; body?: URLSearchParams } = { url };
    for (let hop = 0; hop < 20; hop++) {
      const response = await fetch(step.url, {
        method: step.body ? "POST" : "GET",
        body: step.body,
        redirect: "manual",
        headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(";");
        jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
      }
      const location = response.headers.get("location");
      if (location) {
        const next = new URL(location, step.url).href;
        if (!next.startsWith(issuer)) return next;
        step = { url: next };
        continue;
      }
      const page = await response.text();
      const action = /action="([^"]+)"/.exec(page)?.[1];
      const body = answer(page);
      if (!action || !body) throw new Error(`the identity provider answered ${response.status}: ${page.slice(0, 300)}`);
      step = { url: new URL(action, step.url).href, body };
    }
    throw new Error("the identity provider's pages did not end");
  }

  const config = (name: string): SsoProvider => ({
    id: providerId,
    name,
    issuer,
    ...client,
    scopes: ["groups"],
    signOutAtProvider: true,
  });

  return {
    issuer,
    people,
    config,
    authorize,
    signOut,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type IdentityProvider = Awaited<ReturnType<typeof startIdentityProvider>>;
