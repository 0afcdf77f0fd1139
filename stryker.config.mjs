// @ts-check
/**
 * Mutation testing: `npm run test:mutation`. Not part of .ci/run (too slow for 2 cores on every
 * run); run it before resolving an issue that touches the code listed in `mutate`.
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  // Each mutant runs only the tests that reached it in the dry run.
  coverageAnalysis: "perTest",
  mutate: [
    "src/campaign/**/*.ts",
    "src/time/**/*.ts",
    "src/delivery/**/*.ts",
    "src/store/outbox.ts",
    "src/store/snapshot-rows.ts",
    "src/store/sync-runs.ts",
    "src/store/complete-sync-run.ts",
    "src/teams/paced-http-client.ts",
  ],
  // Results are reused for mutants whose code and covering tests did not change. The file lives
  // under reports/ (git-ignored): committed, it would change on every run and conflict between
  // branches; missing, it only costs one full run.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  // Two cores, shared: one runner per core.
  concurrency: 2,
  // A loaded machine makes some tests slower than in the dry run; do not call that a timeout.
  timeoutMS: 10_000,
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["dist", "data", "out", "reports", "coverage", "docs", "manifest", "bench", "*.zip"],
};
