import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";

/*
 * Stryker copies the project into a sandbox, leaving out its ignorePatterns, which it reads the way
 * .gitignore is read: a bare "reports" drops src/reports and test/reports too. A test file whose
 * import is missing there fails to load, vitest counts it as a file with no tests, and Stryker says
 * nothing: every mutant it would have killed shows as "no coverage" (it cost chatops 54 points).
 */
const root = findProjectRoot(import.meta.url);
const config = readFileSync(join(root, "stryker.config.mjs"), "utf8");
const patterns = [...(/ignorePatterns:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);

/** Every folder below src/ and test/, relative to the root. */
function foldersBelow(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => [join(dir, entry.name), ...foldersBelow(join(dir, entry.name))]);
}

it("leaves out of Stryker's sandbox only what lies at the root, never a folder of src/ or test/", () => {
  expect(patterns).toContain("/reports");
  const names = new Set(patterns.filter((p) => !p.startsWith("/")).map((p) => p.replace(/\/$/, "")));
  const dropped = [...foldersBelow("src"), ...foldersBelow("test")].filter((folder) => names.has(folder.split("/").pop() ?? ""));
  expect(dropped).toEqual([]);
  // Anchored ones name folders that exist at the root or not at all, never a source folder.
  for (const pattern of patterns.filter((p) => p.startsWith("/"))) {
    expect(["src", "test"]).not.toContain(pattern.slice(1));
    if (existsSync(join(root, pattern))) expect(readdirSync(join(root, pattern)).some((f) => f.endsWith(".test.ts"))).toBe(false);
  }
});
