// Logger settings: what never reaches a log line (secrets, personal data, client addresses).
export const redactionPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  "req.headers['x-csrf-token']",
  "res.headers['set-cookie']",
  "*.password",
  "*.email",
  "*.secret",
  "*.token",
  "*.narrative",
];

export function loggerOptions(level: string) {
  return {
    level,
    redact: { paths: redactionPaths, censor: "[redacted]" },
    serializers: {
      // Method and path only: no query string, no address, no user agent.
      req: (request: { method: string; url: string }) => ({ method: request.method, path: request.url.split("?")[0] }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
