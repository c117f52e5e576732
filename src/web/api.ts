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

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
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
