import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
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

interface LintCase {
  readonly filePath: string;
  readonly text: string;
}

/*
 * ESLint with type information takes seconds of synchronous work to set up, so it runs in a child
 * process of its own, all cases at once: the test worker stays free to talk to vitest meanwhile.
 */
function lintInChild(cases: readonly LintCase[]): Promise<string[][]> {
  const script = `
    import { ESLint } from "eslint";
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const found = [];
    for (const c of cases) {
      const [result] = await eslint.lintText(c.text, { filePath: c.filePath });
      found.push(result.messages.map((m) => ({ ruleId: m.ruleId, line: m.line })));
    }
    console.log(JSON.stringify(found));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(cases)], { cwd: root });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`eslint exited ${code}: ${err}`));
      const found = JSON.parse(out) as { ruleId: string | null; line: number }[][];
      const watched = ["no-restricted-imports", "no-restricted-syntax", "max-len"];
      resolve(found.map((messages) => messages.filter((m) => watched.includes(m.ruleId ?? "")).map((m) => `${m.ruleId}@${m.line}`)));
    });
  });
}

// A comment of exactly `length` characters, after the two-space indent and "// ".
const commentOf = (length: number) => `export const answer = 42;\n  // ${"x".repeat(length - 5)}\n`;
const url = `https://learn.microsoft.com/en-us/${"a".repeat(120)}`;

const cases = {
  outsideStore: { filePath: "src/jobs/queue-decisions.ts", text: snippet },
  insideStore: { filePath: "src/store/read-message.ts", text: snippet },
  line141: { filePath: "test/time/clock.test.ts", text: commentOf(141) },
  line140: { filePath: "test/time/clock.test.ts", text: commentOf(140) },
  longUrl: { filePath: "test/time/clock.test.ts", text: `export const answer = 42;\n// ${url}\n` },
};

let errors: Record<keyof typeof cases, string[]>;

beforeAll(async () => {
  const names = Object.keys(cases) as (keyof typeof cases)[];
  const found = await lintInChild(names.map((name) => cases[name]));
  errors = Object.fromEntries(names.map((name, i) => [name, found[i] ?? []])) as typeof errors;
  // Building the type-checked program takes tens of seconds on a busy two-core machine.
}, 180_000);

describe("queries live in the store", () => {
  it("refuses kysely and .db in a file outside src/store", () => {
    expect(errors.outsideStore).toEqual(["no-restricted-imports@1", "no-restricted-syntax@5"]);
  });

  it("allows them inside src/store", () => {
    expect(errors.insideStore).toEqual([]);
  });
});

describe("lines of at most 140 characters", () => {
  it("refuses a line of 141 characters, and lets one of 140 through", () => {
    expect(errors.line141).toEqual(["max-len@2"]);
    expect(errors.line140).toEqual([]);
  });

  it("lets a longer line through when it holds a URL", () => {
    expect(errors.longUrl).toEqual([]);
  });
});
