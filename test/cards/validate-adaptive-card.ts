import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import { cardsDir } from "../../src/cards/cards-dir.js";

// Teams' root extension, which the Adaptive Card schema does not know: only these keys, and Teams
// documents a single width value.
const MSTEAMS_KEYS = new Set(["width", "entities"]);

let validate: ValidateFunction | undefined;

/**
 * Problems with `card` as an Adaptive Card 1.5 that Teams accepts, one line each; empty when there
 * are none. Uses the vendored schema in cards/schema, so it runs on a fresh clone too.
 */
export function validateAdaptiveCard(card: unknown): string[] {
  if (card === null || typeof card !== "object" || Array.isArray(card)) return ["(root): not an object"];
  const { msteams, ...rest } = card as Record<string, unknown>;
  validate ??= compileSchema();
  const problems = validate(rest)
    ? []
    : (validate.errors ?? []).map(
        (error) => `${error.instancePath || "(root)"}: ${error.message ?? "invalid"} ${JSON.stringify(error.params)}`,
      );
  return [...problems, ...msteamsProblems(msteams)];
}

function msteamsProblems(msteams: unknown): string[] {
  if (msteams === undefined) return [];
  if (msteams === null || typeof msteams !== "object" || Array.isArray(msteams)) return ["/msteams: not an object"];
  const problems = Object.keys(msteams)
    .filter((key) => !MSTEAMS_KEYS.has(key))
    .map((key) => `/msteams/${key}: not a property Teams knows`);
  const { width, entities } = msteams as Record<string, unknown>;
  if (width !== undefined && width !== "Full") problems.push(`/msteams/width: must be "Full", got ${JSON.stringify(width)}`);
  if (entities !== undefined && !Array.isArray(entities)) problems.push("/msteams/entities: must be an array");
  return problems;
}

// The schema's quirks (see ../shared/oracles/README.md): draft-06, the root names itself with `id`
// where ajv 8 expects `$id`, and it carries annotations ajv's strict mode does not know.
function compileSchema(): ValidateFunction {
  const file = join(cardsDir(), "schema", "adaptive-card-1.5.0.schema.json");
  const { id, ...schema } = JSON.parse(readFileSync(file, "utf8")) as { id: string; [keyword: string]: unknown };
  // strictTypes and strictRequired stay off: the published schema breaks both (enum-or-pattern
  // unions without `type`, `required` inside anyOf branches), and it is not ours to fix.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  ajv.addMetaSchema(draft06);
  ajv.addKeyword("version").addKeyword("features").addKeyword("example");
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  ajv.addFormat("uri-reference", (value: string) => URL.canParse(value, "https://relative.invalid/"));
  return ajv.compile({ ...schema, $id: id });
}
