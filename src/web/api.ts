// The web app's API client: JSON in and out, the CSRF token on every write, problems as errors
// whose message is translated from their code when we know it.
import type { TFunction } from "i18next";

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Works on plain http inside a mission's network too, where crypto.randomUUID is not offered. */
export const newIdempotencyKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");

/**
 * One API call. Every write carries an idempotency key — the caller's, when one thing typed may be
 * sent several times by the person (a report), or one of its own — so a request whose answer is lost
 * on a poor link is sent again by itself, twice, and the server writes it once whatever happened to
 * the first. A lost connection that outlasts the retries is a `network_unavailable` problem.
 */
export async function api<T>(
  method: string,
  url: string,
  body?: unknown,
  options: { idempotencyKey?: string; first?: Promise<Response | null> | null } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  // A file (a federation bundle) goes as it is, under its own type; anything else as JSON.
  const file = body instanceof Blob ? body : null;
  if (body !== undefined) headers["content-type"] = file ? file.type || "application/octet-stream" : "application/json";
  if (method !== "GET") {
    if (csrfToken) headers["x-csrf-token"] = csrfToken;
    headers["idempotency-key"] = options.idempotencyKey ?? newIdempotencyKey();
  }
  const retryDelays = [1_000, 3_000];
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      // An answer already on its way (the app's first file asked who is signed in) is read, not asked again.
      const early = attempt === 0 ? await options.first : null;
      response =
        early ??
        (await fetch(url, {
          method,
          headers,
          body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
          credentials: "same-origin",
        }));
    } catch {
      if (attempt >= retryDelays.length)
        throw new ApiProblem(0, "network_unavailable", "The connection failed before the server answered.");
      await wait(retryDelays[attempt]);
      continue;
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    // The first send is still being answered: its answer comes back to this retry in a moment.
    if (response.status === 409 && data?.code === "request_in_progress" && attempt < retryDelays.length) {
      await wait(retryDelays[attempt]);
      continue;
    }
    // The database is away for a moment (a restart, a failover): the same request, under the same
    // idempotency key, goes again when the server says to.
    if (response.status === 503 && attempt < retryDelays.length) {
      const seconds = Number(response.headers.get("retry-after"));
      await wait(Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1_000 : retryDelays[attempt]);
      continue;
    }
    if (!response.ok)
      throw new ApiProblem(response.status, data?.code ?? "error", data?.detail ?? response.statusText, data ?? {});
    return data as T;
  }
}

/** A person-readable message for any error, in the current language when the code is known. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiProblem) {
    const key = `problems.${error.code.replaceAll(".", "_")}`;
    const translated = t(key);
    return translated === key ? error.message : translated;
  }
  return t("app.error");
}
