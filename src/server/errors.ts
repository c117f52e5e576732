// The few domain errors, and their one mapping to RFC 9457 problem+json.
export interface ProblemExtras {
  errors?: { path: string; message: string }[];
  allowed?: string[];
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    /** Stable, translatable code the web app maps to a message. */
    readonly code: string,
    message: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(message);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = "Sign in to continue.", code = "unauthorized") {
    super(401, code, message);
  }
}
export class Forbidden extends DomainError {
  constructor(message = "You do not have permission to do this.", code = "forbidden") {
    super(403, code, message);
  }
}
/** Also what an out-of-scope record answers, so that its existence does not leak. */
export class NotFound extends DomainError {
  constructor(what = "record") {
    super(404, "not_found", `No ${what} was found with that identifier.`);
  }
}
export class Conflict extends DomainError {
  constructor(message: string, extras: ProblemExtras = {}, code = "conflict") {
    super(409, code, message, extras);
  }
}
export class InvalidTransition extends DomainError {
  constructor(from: string, transition: string, allowed: string[], what = "A case") {
    super(
      422,
      "invalid_transition",
      `${what} in status "${from}" cannot take the step "${transition}". Allowed next steps: ${allowed.join(", ") || "none"}.`,
      { allowed },
    );
  }
}
/** A step a record takes (a referral refers the case): the button alone is refused, naming the record. */
export class RecordRequired extends DomainError {
  constructor(transition: string, record: string, message: string) {
    super(422, "record_required", message, { transition, record });
  }
}
export class ValidationFailed extends DomainError {
  constructor(message: string, errors: { path: string; message: string }[] = [], code = "validation_failed") {
    super(400, code, message, { errors });
  }
}
/** Seconds a client waits before trying again while the database is away: a restart takes a few. */
export const DATABASE_RETRY_SECONDS = 5;

/** The database cannot be reached for now: the client should try again after a few seconds. */
export class ServiceUnavailable extends DomainError {
  constructor(message: string, retryAfterSeconds: number, code = "database_unavailable") {
    super(503, code, message, { retryAfterSeconds });
  }
}

export class TooManyRequests extends DomainError {
  constructor(message: string, retryAfterSeconds: number, code = "too_many_requests") {
    super(429, code, message, { retryAfterSeconds });
  }
}

const titles: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  406: "Not acceptable",
  409: "Conflict",
  413: "Request too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export function problem(status: number, code: string, detail: string, extras: ProblemExtras = {}) {
  return {
    type: `https://conduct-ledger.org/problems/${code.replaceAll("_", "-")}`,
    title: titles[status] ?? "Error",
    status,
    code,
    detail,
    ...extras,
  };
}

/** One field refused, named by its path, with a code the web app translates. */
export const invalidField = (message: string, path: string, code: string) =>
  new ValidationFailed(message, [{ path, message: code }], code);
