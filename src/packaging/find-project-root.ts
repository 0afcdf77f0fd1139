import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The directory holding the project's package.json, found by walking up from `from` (a file URL
 * such as `import.meta.url`, or a path). The same code runs from `src/` under vitest and from
 * `dist/src/` or `dist/scripts/` once compiled, so a fixed `../..` would be right in one place only.
 */
export function findProjectRoot(from: string): string {
  const start = from.startsWith("file:") ? dirname(fileURLToPath(from)) : from;
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`No package.json found in ${start} or any directory above it.`);
    }
  }
}
