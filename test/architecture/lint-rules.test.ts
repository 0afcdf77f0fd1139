import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";

/*
 * The rules that keep the house in order (issue 10), linted with the project's own config as CI runs
 * it: queries live in the store (no kysely, no `.db` in src/ outside src/store/), and no line is
 * longer than 140 characters, a URL apart.
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

async function ruleErrors(filePath: string, text = snippet): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? [])
    .filter((m) => ["no-restricted-imports", "no-restricted-syntax", "max-len"].includes(m.ruleId ?? ""))
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

describe("lines of at most 140 characters", () => {
  // A comment of exactly `length` characters, after the two-space indent and "// ".
  const commentOf = (length: number) => `export const answer = 42;\n  // ${"x".repeat(length - 5)}\n`;

  it("refuses a line of 141 characters, and lets one of 140 through", async () => {
    expect(await ruleErrors("test/time/clock.test.ts", commentOf(141))).toEqual(["max-len@2"]);
    expect(await ruleErrors("test/time/clock.test.ts", commentOf(140))).toEqual([]);
  });

  it("lets a longer line through when it holds a URL", async () => {
    const url = `https://learn.microsoft.com/en-us/${"a".repeat(120)}`;
    expect(await ruleErrors("test/time/clock.test.ts", `export const answer = 42;\n// ${url}\n`)).toEqual([]);
  });
});
