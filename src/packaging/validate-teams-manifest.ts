import { AppManifestUtils, type TeamsManifest } from "@microsoft/app-manifest";
import { AppPackageError } from "./app-package-error.js";

/**
 * Validates a filled manifest against the Teams schema its `$schema` names. @microsoft/app-manifest
 * ships every published schema version and resolves developer.microsoft.com URLs to its bundled
 * copy, so this works offline. Throws one error listing every problem, each with the offending
 * value and, where a setting supplied it, that setting's name (`sourceOf` maps a JSON pointer).
 */
export async function validateTeamsManifest(manifest: unknown, sourceOf: (pointer: string) => string | undefined): Promise<void> {
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest);
  if (problems.length === 0) return;

  const lines = problems.map((problem) => describe(problem, manifest, sourceOf));
  const sources = [...new Set(lines.flatMap((line) => (line.source === undefined ? [] : [line.source])))];
  throw new AppPackageError(
    "manifest_invalid",
    `The Teams app manifest does not match its schema (${problems.length} ${problems.length === 1 ? "error" : "errors"}):\n` +
      lines.map((line) => `  - ${line.text}`).join("\n"),
    sources.length === 1 ? sources[0] : undefined,
  );
}

// The library formats each error as `${instancePath} ${message}. Details: ${params}`; the path is
// empty for errors about the whole document.
function describe(
  problem: string,
  manifest: unknown,
  sourceOf: (pointer: string) => string | undefined,
): { text: string; source: string | undefined } {
  const space = problem.indexOf(" ");
  const pointer = space < 0 ? "" : problem.slice(0, space);
  const rest = space < 0 ? problem : problem.slice(space + 1);
  const source = sourceOf(pointer);
  const where = pointer === "" ? "(manifest root)" : `${pointer} = ${preview(valueAt(manifest, pointer))}`;
  const from = source === undefined ? "" : ` (from ${source})`;
  return { text: `${where}${from}: ${rest}`, source };
}

function valueAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

// Enough of the value to recognise it; an error on a whole object would otherwise print all of it.
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
