import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";

/*
 * Queries live in the store (issue 10): eslint.config.js forbids importing kysely and touching a
 * store's `.db` anywhere in src/ but src/store/. Linted with the project's own config, as CI runs it.
 */
const root = findProjectRoot(import.meta.url);

const snippet = [
  'import { sql } from "kysely";',
  'import type { Store } from "../store/open-store.js";',
  "",
  "export async function countEverything(store: Store): Promise<number> {",
  '  const rows = await store.db.selectFrom("outbox").select("id").execute();',
  "  return rows.length + (sql`1` ? 0 : 1);",
  "}",
  "",
].join("\n");

async function ruleErrors(filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(snippet, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
    .map((m) => `${m.ruleId}@${m.line}`);
}

describe("queries live in the store", () => {
  it("refuses kysely and .db in a file outside src/store", async () => {
    expect(await ruleErrors("src/jobs/queue-decisions.ts")).toEqual(["no-restricted-imports@1", "no-restricted-syntax@5"]);
  });

  it("allows them inside src/store", async () => {
    expect(await ruleErrors("src/store/read-message.ts")).toEqual([]);
  });
});
