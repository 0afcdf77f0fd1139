import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";

const root = findProjectRoot(import.meta.url);

/** The folders the README's "How the code is laid out" lists under src/, each with its line of description. */
function layoutFolders(readme: string): Map<string, string> {
  const section = readme.split("\n## How the code is laid out\n")[1]?.split("\n## ")[0] ?? "";
  const block = section.split("```")[1] ?? "";
  const lines = block.split("\n");
  const start = lines.indexOf("src/");
  const folders = new Map<string, string>();
  // The src/ entries are the indented lines after "src/", up to the first line back at the margin.
  for (const line of lines.slice(start + 1)) {
    const entry = /^ {2}([a-z-]+)\/\s+(\S.*)$/.exec(line);
    if (!entry) break;
    folders.set(entry[1] ?? "", entry[2] ?? "");
  }
  return folders;
}

describe("the README's layout section", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const listed = layoutFolders(readme);

  it("reads the section's src/ entries", () => {
    expect(listed.get("store")).toBe("Kysely over SQLite and PostgreSQL: migrations, named queries, one module per table family");
  });

  it("describes every folder in src/, and no folder that is not there", () => {
    const folders = readdirSync(join(root, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect([...listed.keys()].sort()).toEqual(folders);
  });

  it("says the sandbox is a product feature kept out of the product's imports", () => {
    expect(listed.get("sandbox")).toContain("a product feature");
    expect(readme).toContain("kept out of\nthe product's imports");
  });
});
