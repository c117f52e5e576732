// Staff sign-in as a server-rendered page: a few kilobytes, no JavaScript needed, so that an officer
// on a slow line can type while the staff app itself arrives in the background (prefetched by this
// page). The steps are the sign-in library's, with the same throttle, lockout and audit as the API.
import { readFileSync } from "node:fs";
import path from "node:path";
import formbody from "@fastify/formbody";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isStaffAppPath } from "../../domain/contracts/staff-app.js";
import { rememberedLanguage, unLanguages } from "../../domain/un-languages.js";
import { staffMessages } from "../../web/i18n/all.js";
import { ssoRefusals } from "../../domain/sso.js";
import { type BridgeDeps, type Forwarded, refusalCode, signInStep, signInWithPassword } from "../auth/sign-in.js";
import { startSso } from "../auth/sso.js";
import { providerOfSession, signedOutAddress } from "../auth/sso-sign-out.js";
import { trustedOrigins } from "../auth/better-auth.js";
import { toHeaders } from "../auth/context.js";
import { DomainError, Forbidden } from "../errors.js";
import { publicRoute } from "../rate-limits.js";
import { FIRST_PAGE } from "../modules/work/index.js";
import { html, SafeHtml } from "./html.js";
import { layout } from "./pages.js";
import { dataLanguageOf } from "./routes.js";

type Step = "password" | "code";
type Form = Record<string, unknown>;

/** Where to go once signed in: a page of the staff app on this site, or the app's start. */
export function nextAddress(asked: unknown): string {
  if (typeof asked !== "string" || !asked.startsWith("/") || asked.startsWith("//")) return "/staff";
  const url = new URL(asked, "http://conduct.invalid");
  return url.origin === "http://conduct.invalid" && isStaffAppPath(url.pathname)
    ? `${url.pathname}${url.search}`
    : "/staff";
}

/**
 * Where signing in lands: the app's start is "My work" drawn by the server, usable on a slow line at
 * once (src/server/modules/work/first-page.ts); a page asked for by name is the app's.
 */
export const landingOf = (next: string) => (next === "/staff" ? FIRST_PAGE : next);

/**
 * The staff app's files a signed-out visitor needs next (its entry, the app's main chunk, what they
 * import and their styles), read from the build's manifest: prefetched at the lowest priority.
 */
export function staffAppFiles(webRoot: string): string[] {
  let manifest: Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] }>;
  try {
    manifest = JSON.parse(readFileSync(path.join(webRoot, ".vite", "manifest.json"), "utf8"));
  } catch {
    return [];
  }
  const files = new Set<string>();
  const visit = (key: string, depth: number) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported, depth);
    // The entry's one dynamic import is the app; the app's own are its pages, fetched when opened.
    if (depth === 0) for (const dynamic of chunk.dynamicImports ?? []) visit(dynamic, 1);
  };
  visit("index.html", 0);
  return [...files].map((file) => `/${file}`);
}

const inputStyles = new SafeHtml(
  "<style>input[type=email],input[type=password],input.code{width:100%;padding:.6rem;border:1px solid #adb5bd;border-radius:6px;font:inherit;background:#fff}input.code{font:600 1.4rem ui-monospace,monospace;letter-spacing:.3em;max-width:12rem;direction:ltr}.sso h2{font-size:1.1rem;margin-top:0}.sso form{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}</style>",
);

function signInPage(
  language: (typeof unLanguages)[number],
  step: Step,
  next: string,
  options: { email?: string; problem?: string; prefetch: string[]; providers?: { id: string; name: string }[] },
): string {
  const words = staffMessages[language];
  const hidden = html`<input type="hidden" name="next" value="${next}">`;
  const problem = options.problem
    ? html`<div class="errors" role="alert"><p class="error">${options.problem}</p></div>`
    : "";
  const form =
    step === "password"
      ? html`<form method="post" action="/sign-in">${hidden}
<div class="field-block"><label class="field" for="email">${words.signIn.email}</label><input id="email" name="email" type="email" autocomplete="username" required value="${options.email ?? ""}"${options.email ? "" : html` autofocus`}></div>
<div class="field-block"><label class="field" for="password">${words.signIn.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required${options.email ? html` autofocus` : ""}></div>
<button type="submit">${words.signIn.submit}</button></form>${organisations(words, next, options.providers ?? [])}`
      : html`<form method="post" action="/sign-in/code">${hidden}
<div class="field-block"><label class="field" for="code">${words.signIn.code}</label><p class="help" id="code-help">${words.signIn.codeHelp}</p><input id="code" class="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus aria-describedby="code-help"></div>
<button type="submit">${words.signIn.verify}</button></form>
<p><a href="/sign-in?next=${encodeURIComponent(next)}">${words.signIn.startOver}</a></p>`;
  const prefetch = options.prefetch.map((file) => html`<link rel="prefetch" href="${file}">`);
  return layout(
    language,
    `${words.signIn.title} · ${words.app.name}`,
    html`<h1>${words.signIn.title}</h1><p>${words.app.tagline}</p>${problem}${form}`,
    `/sign-in?next=${encodeURIComponent(next)}`,
    { languages: unLanguages, head: html`${inputStyles}${prefetch}` },
  );
}

/** A button per organisation whose identity provider staff may sign in with. */
function organisations(words: (typeof staffMessages)["en"], next: string, providers: { id: string; name: string }[]) {
  if (!providers.length) return "";
  const buttons = providers.map(
    (provider) =>
      html`<button type="submit" name="provider" value="${provider.id}">${words.signIn.ssoWith.replace("{{name}}", provider.name)}</button>`,
  );
  return html`<section class="sso" aria-labelledby="sso-title"><h2 id="sso-title">${words.signIn.orSso}</h2>
<form method="post" action="/sign-in/sso"><input type="hidden" name="next" value="${next}">${buttons}</form></section>`;
}

/** The message for a refused sign-in through an organisation (`?sso=` from its callback), or none. */
function ssoProblem(language: (typeof unLanguages)[number], asked: unknown): string | undefined {
  const refusal = ssoRefusals.find((known) => known === asked);
  return refusal && (staffMessages[language].problems as Record<string, string>)[`sso_${refusal}`];
}

/** The message for a refused step, in the reader's language. */
function refusal(language: (typeof unLanguages)[number], step: Step, code: string, status: number): string {
  const problems = staffMessages[language].problems as Record<string, string>;
  // A form sent from another site (its origin refused) is not this person's doing.
  if (status === 403) return problems.forbidden;
  return problems[code] ?? problems[step === "password" ? "invalid_email_or_password" : "invalid_code"];
}

/** The language the reader chose (in the address or remembered), rather than the browser's default. */
function chosenLanguage(request: FastifyRequest): string | null {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  const remembered = rememberedLanguage(request.headers.cookie);
  const chosen = typeof asked === "string" ? asked : remembered;
  return chosen && (unLanguages as readonly string[]).includes(chosen) ? chosen : null;
}

/**
 * On to the app. A language the person chose on this page goes with them (the app takes it out of
 * the address); otherwise the app keeps the one it remembers.
 */
function goOn(request: FastifyRequest, reply: FastifyReply, next: string) {
  const url = new URL(landingOf(next), "http://conduct.invalid");
  const language = chosenLanguage(request);
  if (language) url.searchParams.set("lang", language);
  return reply
    .status(303)
    .header("location", `${url.pathname}${url.search}`)
    .header("cache-control", "no-store")
    .send();
}

export function registerSignInPage(app: FastifyInstance, deps: BridgeDeps, prefetch: string[]) {
  const language = (request: FastifyRequest, reply: FastifyReply) => dataLanguageOf(request, reply);
  const page = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(body);

  /** Passes the library's cookies on, then goes on to the app or draws the next step. */
  function answer(request: FastifyRequest, reply: FastifyReply, step: Step, forwarded: Forwarded, form: Form) {
    if (forwarded.cookies.length) reply.header("set-cookie", forwarded.cookies);
    const next = nextAddress(form.next);
    const lang = language(request, reply);
    if (forwarded.status >= 400) {
      // A code refused because the first step's cookie has gone starts again from the password.
      const again: Step = refusalCode(forwarded) === "invalid_two_factor_cookie" ? "password" : step;
      return page(
        reply,
        forwarded.status,
        signInPage(lang, again, next, {
          email: typeof form.email === "string" ? form.email : undefined,
          problem: refusal(lang, step, refusalCode(forwarded), forwarded.status),
          prefetch,
          providers,
        }),
      );
    }
    if (forwarded.body?.twoFactorRedirect) return page(reply, 200, signInPage(lang, "code", next, { prefetch }));
    return goOn(request, reply, next);
  }

  const providers = deps.config.ssoProviders.map(({ id, name }) => ({ id, name }));
  const showSignIn = (request: FastifyRequest, reply: FastifyReply, next: string) => {
    const lang = language(request, reply);
    const problem = ssoProblem(lang, (request.query as { sso?: unknown } | undefined)?.sso);
    return page(reply, 200, signInPage(lang, "password", next, { prefetch, providers, problem }));
  };

  app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 8 * 1024 });
    // Refusals before the library is asked (throttled, locked, a bad form) are pages too.
    scope.setErrorHandler(async (error: unknown, request, reply) => {
      const form = (request.body ?? {}) as Form;
      const known = error instanceof DomainError ? error : null;
      const status = known?.status ?? (error as { statusCode?: number }).statusCode ?? 400;
      if (status >= 500) throw error;
      const retryAfter = known?.extras.retryAfterSeconds;
      if (typeof retryAfter === "number") reply.header("retry-after", retryAfter);
      const lang = language(request, reply);
      const step: Step = request.url.startsWith("/sign-in/code") ? "code" : "password";
      return page(
        reply,
        status,
        signInPage(lang, step, nextAddress(form.next), {
          problem: refusal(lang, step, known?.code ?? "invalid_request", status),
          prefetch,
          providers,
        }),
      );
    });
    const config = publicRoute(deps.config, 30);
    const origins = trustedOrigins(deps.config);
    // A sign-in form sent from another site would sign the browser in to someone else's account.
    // The page's own form arrives with `Origin: null` (the site sends no referrer), so the browser's
    // Sec-Fetch-Site decides then.
    scope.addHook("preHandler", async (request) => {
      if (request.method !== "POST") return;
      const { origin } = request.headers;
      const site = request.headers["sec-fetch-site"];
      const crossSite = site !== undefined && site !== "same-origin" && site !== "none";
      const foreign = origin === "null" ? site !== "same-origin" : origin !== undefined && !origins.includes(origin);
      if (crossSite || foreign) throw new Forbidden("This form was sent from another site.", "invalid_origin");
    });

    scope.get("/sign-in", { config, schema: { hide: true } }, async (request, reply) => {
      const next = nextAddress((request.query as { next?: unknown }).next);
      // Someone already signed in goes straight on.
      if (await deps.auth.api.getSession({ headers: toHeaders(request) })) return goOn(request, reply, next);
      return showSignIn(request, reply, next);
    });

    scope.post("/sign-in", { config, schema: { hide: true } }, async (request, reply) => {
      const form = (request.body ?? {}) as Form;
      const forwarded = await signInWithPassword(deps, request, {
        email: String(form.email ?? "").trim(),
        password: String(form.password ?? ""),
      });
      return answer(request, reply, "password", forwarded, form);
    });

    // To the organisation's identity provider, which sends the browser back to SSO_CALLBACK.
    scope.post("/sign-in/sso", { config, schema: { hide: true } }, async (request, reply) => {
      const form = (request.body ?? {}) as Form;
      const next = nextAddress(form.next);
      const started = await startSso(deps, request, String(form.provider ?? ""), landingOf(next));
      if (!started) {
        const lang = language(request, reply);
        const problem = ssoProblem(lang, "failed");
        return page(reply, 400, signInPage(lang, "password", next, { prefetch, providers, problem }));
      }
      if (started.cookies.length) reply.header("set-cookie", started.cookies);
      return reply.status(303).header("location", started.url).header("cache-control", "no-store").send();
    });

    scope.post("/sign-in/code", { config, schema: { hide: true } }, async (request, reply) => {
      const form = (request.body ?? {}) as Form;
      const code = String(form.code ?? "").replace(/\s/g, "");
      const forwarded = await signInStep(deps, request, "/api/auth/two-factor/verify-totp", { code });
      return answer(request, reply, "code", forwarded, form);
    });

    // The server's pages sign out with a form (the app signs out through the API, with its token).
    // An account an organisation keeps is signed out there too (sso-sign-out.ts).
    scope.post("/sign-out", { config, schema: { hide: true } }, async (request, reply) => {
      const provider = await providerOfSession(deps, request);
      const forwarded = await signInStep(deps, request, "/api/auth/sign-out", {});
      if (forwarded.cookies.length) reply.header("set-cookie", forwarded.cookies);
      const next = await signedOutAddress(deps.config, provider, language(request, reply));
      return reply.status(303).header("location", next).header("cache-control", "no-store").send();
    });
  });
  return showSignIn;
}

/**
 * Whether a visit to a staff page certainly has no session: no session cookie, on a navigation that
 * would have carried it (session cookies are SameSite=Strict, so a link followed from another site
 * arrives without one even when signed in; the app then asks for itself).
 */
export function certainlySignedOut(request: FastifyRequest): boolean {
  const site = request.headers["sec-fetch-site"];
  const carriesCookies = site === "none" || site === "same-origin" || site === "same-site";
  return carriesCookies && !/(?:^|;\s*)(?:__Secure-)?conduct\.session_token=/.test(request.headers.cookie ?? "");
}
