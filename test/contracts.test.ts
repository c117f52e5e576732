// One contract per area: the routes declare no response or request body of their own, and the web
// app types what the API answers from the same contracts rather than by hand.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const modules = path.join(root, "src/server/modules");
const routeFiles = readdirSync(modules)
  .map((area) => path.join(modules, area, "routes.ts"))
  .filter((file) => existsSync(file));
const webFiles = readdirSync(path.join(root, "src/web"), { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".tsx") || name.endsWith(".ts"))
  .map((name) => path.join(root, "src/web", name));

describe("contracts", () => {
  it("no routes.ts declares a response, body or query schema inline", () => {
    expect(routeFiles.length).toBeGreaterThan(20);
    const inline = routeFiles.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, at: `${path.relative(root, file)}:${index + 1}` }))
        .filter(
          ({ line }) =>
            /\b(response|body|querystring):\s*(\{\s*\d{3}:\s*)?z\./.test(line) || /^\s*\d{3}: z\./.test(line),
        )
        .map(({ at }) => at),
    );
    expect(inline).toEqual([]);
  });

  it("the web app types the API's answers from the contracts, not by hand", () => {
    // The sign-in library's own endpoints have no contract of ours; a generic list helper names its item type.
    const handTyped = webFiles.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, at: `${path.relative(root, file)}:${index + 1}` }))
        .filter(
          ({ line }) => line.includes("api<{") && !line.includes("/api/auth/") && !line.includes("api<{ items: T[] }>"),
        )
        .map(({ at }) => at),
    );
    expect(handTyped).toEqual([]);
  });
});
