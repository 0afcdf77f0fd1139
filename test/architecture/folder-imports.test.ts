import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";

/*
 * The layout is the architecture (README, "How the code is laid out"). These rules are drawn from
 * every import in src/, type-only imports included, so a knot shows up the day it is tied.
 */
const root = findProjectRoot(import.meta.url);

interface Import {
  readonly from: string;
  readonly specifier: string;
  /** The imported file relative to the root, for a relative specifier. */
  readonly target: string | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), "utf8");
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g),
    ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
    ...text.matchAll(/(?:^|\n)\s*import\s+"([^"]+)"/g),
  ].map((m) => {
    const specifier = m[1] ?? "";
    const target = specifier.startsWith(".") ? normalize(join(dirname(file), specifier)).replace(/\.js$/, ".ts") : undefined;
    return { from: file, specifier, target };
  });
}

/** src/<folder>/... → <folder>. */
const folderOf = (file: string) => relative("src", file).split(/[\\/]/)[0] ?? "";

const imports = sourceFiles("src").flatMap(importsOf);

describe("the folders of src/", () => {
  it("import each other without a loop", () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      if (!i.target) continue;
      const [a, b] = [folderOf(i.from), folderOf(i.target)];
      if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
    const loops: string[] = [];
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(edges.get(from) ?? [])].some((next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
    for (const [a, targets] of edges) for (const b of targets) if (reaches(b, a)) loops.push(`${a} -> ${b} -> … -> ${a}`);
    expect(loops).toEqual([]);
  });

  it("leave the Teams SDK to src/teams alone", () => {
    const sdk = /^(botbuilder|botframework-|@microsoft\/teams-ai|@microsoft\/teams\.)/;
    const outside = imports.filter((i) => sdk.test(i.specifier) && folderOf(i.from) !== "teams").map((i) => `${i.from}: ${i.specifier}`);
    expect(outside).toEqual([]);
  });

  it("reach the sandbox only from the commands that serve it", () => {
    const allowed = new Set([join("src", "cli", "commands", "demo-command.ts"), join("src", "cli", "commands", "sandbox-command.ts")]);
    const outside = imports
      .filter((i) => i.target && folderOf(i.target) === "sandbox" && folderOf(i.from) !== "sandbox" && !allowed.has(i.from))
      .map((i) => `${i.from}: ${i.specifier}`);
    expect(outside).toEqual([]);
  });

  it("keep the campaign planner pure: only its own files and luxon's calendar arithmetic", () => {
    const impure = imports
      .filter((i) => folderOf(i.from) === "campaign")
      .filter((i) => (i.target ? folderOf(i.target) !== "campaign" : i.specifier !== "luxon"))
      .map((i) => `${i.from}: ${i.specifier}`);
    expect(impure).toEqual([]);
  });
});
