import { join } from "node:path";
import { findProjectRoot } from "../packaging/find-project-root.js";

/**
 * The cards/ folder (templates, strings, host configs, schema). Found from the project root rather
 * than a fixed `../..`, because this module runs from src/ under vitest and from dist/src/ once built.
 */
export function cardsDir(): string {
  return join(findProjectRoot(import.meta.url), "cards");
}
