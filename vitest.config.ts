import { defineConfig } from "vitest/config";
import { patience } from "./test/helpers/patience.js";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    pool: "forks",
    // Test files share their worker's loaded modules instead of loading the app anew for each file
    // (a third of the suite's time). A file that changes the process's settings puts them back.
    isolate: false,
    testTimeout: patience(60_000),
    hookTimeout: patience(120_000),
    fileParallelism: true,
    reporters: ["default"],
  },
});
