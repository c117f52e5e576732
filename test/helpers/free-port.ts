// A port nobody listens on right now, chosen by the system: two test runs side by side (CI runs the
// embedded and the PostgreSQL suites at once) never pick the same one.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
