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

/**
 * One API call. With an idempotency key (one per thing the person records, kept across their own
 * retries) a request lost on a poor link is sent again by itself, twice, and the server records it
 * once whatever happened to the first; without one, a lost connection is a `network_unavailable`
 * problem for the person to retry.
 */
export async function api<T>(method: string, url: string, body?: unknown, options: { idempotencyKey?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  const retryDelays = options.idempotencyKey || method === "GET" ? [1_000, 3_000] : [];
  let response: Response | undefined;
  for (let attempt = 0; !response; attempt++) {
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
    } catch {
      if (attempt >= retryDelays.length) throw new ApiProblem(0, "network_unavailable", "The connection failed before the server answered.");
      await wait(retryDelays[attempt]);
    }
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiProblem(response.status, data?.code ?? "error", data?.detail ?? response.statusText, data ?? {});
  return data as T;
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
