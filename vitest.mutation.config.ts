import { defineConfig } from "vitest/config";

/*
 * The tests Stryker runs against each mutant: the fast, in-process ones that reach the code it
 * mutates. The process, end-to-end and simulator suites stay out: they spawn the CLI from dist/
 * (which Stryker does not mutate) or take seconds each, and would turn a run into hours.
 */
export default defineConfig({
  test: {
    include: [
      "test/campaign/**/*.test.ts",
      "test/time/**/*.test.ts",
      "test/delivery/**/*.test.ts",
      "test/store/**/*.test.ts",
      "test/teams/paced-http-client.test.ts",
      "test/chatops/**/*.test.ts",
      "test/card-actions/**/*.test.ts",
    ],
    exclude: [
      // Through the real Teams adapter with real timers: seconds per test; the direct drain tests cover the same code.
      "test/delivery/drain-outbox.test.ts",
      // Workers in child processes run the code unmutated (Stryker switches mutants on in its own process only).
      "test/store/outbox-claim-processes.test.ts",
    ],
    testTimeout: 30_000,
  },
});
