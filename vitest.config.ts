import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Stryker's sandboxes are copies of the tree, tests included.
    exclude: [...configDefaults.exclude, ".stryker-tmp/**"],
    // Several suites start HTTP servers and a 10,000-person sync; give them room on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
