// The web app's API client: JSON in and out, the CSRF token on every write, problems as errors.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiProblem(response.status, data?.code ?? "error", data?.detail ?? data?.message ?? response.statusText);
  return data as T;
}

export interface Me {
  id: string;
  email?: string;
  name?: string;
  role: string;
  missionCodes: string[];
  countryCode: string | null;
  twoFactorPending: boolean;
  csrfToken: string | null;
  can: Record<string, boolean>;
}
