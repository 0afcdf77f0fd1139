import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Microsoft's contracts, vendored under test/oracles (see its README for provenance and licences). */
export const ORACLES_DIR = path.resolve(projectRoot, "test/oracles");
const SCHEMA_PATH = path.join(ORACLES_DIR, "graph/graph-v1.0-types.derived.schema.json");

let ajv: Ajv2020 | undefined;

/** A validator for one Graph type of the derived schema, e.g. "microsoft.graph.userRegistrationDetails". */
export function graphValidator(typeName: string): ValidateFunction {
  if (ajv === undefined) {
    ajv = new Ajv2020({ allErrors: true, strict: false });
    // The derived schema annotates types with x-* keywords and uses two formats (the project has no ajv-formats).
    ajv.addVocabulary(["x-kind", "x-baseType", "x-flags"]);
    ajv.addFormat("date-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?(Z|[+-]\d\d:\d\d)$/);
    ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    ajv.addSchema(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object, "graph");
  }
  const validate = ajv.getSchema(`graph#/$defs/${typeName}`);
  if (validate === undefined) throw new Error(`no type ${typeName} in the derived Graph schema`);
  return validate;
}

/** The schema errors of each value that fails, for a readable assertion. */
export function schemaErrors(typeName: string, values: readonly unknown[]): string[] {
  const validate = graphValidator(typeName);
  return values.flatMap((value, index) => (validate(value) ? [] : [`#${index}: ${JSON.stringify(validate.errors)}`]));
}
