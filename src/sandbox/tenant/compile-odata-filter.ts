import { badRequest } from "./graph-error.js";

/** The properties one entity set lets $filter on; collections allow `prop/any(x: x eq 'v')`. */
export interface FilterableProperties {
  /** Scalar paths, nested ones written as in OData (`teamsApp/id`). */
  scalars: ReadonlySet<string>;
  collections?: ReadonlySet<string>;
  /** DateTimeOffset properties, which also take `ge`, `gt`, `le` and `lt` against an unquoted instant. */
  instants?: ReadonlySet<string>;
}

export type RowPredicate = (row: object) => boolean;

type Token = { kind: "word" | "string" | "number" | "instant" | "punct"; text: string };
type Operator = "eq" | "ne" | "ge" | "gt" | "le" | "lt";

/**
 * The subset of OData $filter the bot and its tests use: `eq`/`ne` against string, boolean, null or
 * number literals, `startswith(prop,'x')`, `prop/any(m: m eq 'x')`, `and`, `or`, `not` and
 * parentheses; on DateTimeOffset properties also `ge`/`gt`/`le`/`lt` against an unquoted instant
 * (`createdDateTime ge 2026-12-01T00:00:00Z`, as the sign-in log's docs write it). Strings compare
 * case-insensitively, as directory queries do. Anything else is a 400, which is what Graph answers
 * for filters a resource does not support.
 */
export function compileODataFilter(text: string, properties: FilterableProperties): RowPredicate {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isWord = (word: string): boolean => peek()?.kind === "word" && peek()?.text.toLowerCase() === word;
  const expect = (text: string): void => {
    if (peek()?.text !== text) fail(`expected '${text}'${peek() ? ` near '${peek()?.text}'` : " at the end"}`);
    at++;
  };
  const fail = (why: string): never => {
    throw badRequest(`Invalid filter clause: ${why} in $filter '${text}'.`);
  };
  const literal = (): unknown => {
    const token = tokens[at++];
    if (token === undefined) return fail("missing value");
    if (token.kind === "string") return token.text;
    if (token.kind === "number") return Number(token.text);
    if (token.kind === "instant") return new Date(token.text);
    const word = token.text.toLowerCase();
    if (token.kind === "word" && (word === "true" || word === "false")) return word === "true";
    if (token.kind === "word" && word === "null") return null;
    return fail(`'${token.text}' is not a supported literal`);
  };
  const name = (): string => {
    const token = tokens[at++];
    return token?.kind === "word" ? token.text : fail("expected a property name");
  };
  const path = (): string => {
    const parts = [name()];
    while (peek()?.text === "/" && !isAny(tokens[at + 1])) {
      at++;
      parts.push(name());
    }
    return parts.join("/");
  };
  const scalar = (property: string): string =>
    properties.scalars.has(property) || properties.instants?.has(property)
      ? property
      : fail(`property '${property}' is not supported in a filter on this resource`);
  const operator = (ordered = false): Operator => {
    const token = tokens[at++];
    const op = token?.text.toLowerCase();
    if (op === "eq" || op === "ne") return op;
    if (ordered && (op === "ge" || op === "gt" || op === "le" || op === "lt")) return op;
    return fail(`operator '${token?.text ?? ""}' is not supported (only eq and ne${ordered ? ", ge, gt, le and lt" : ""})`);
  };
  const primary = (): RowPredicate => {
    if (peek()?.text === "(") {
      at++;
      const inner = orExpression();
      expect(")");
      return inner;
    }
    if (isWord("not")) {
      at++;
      const inner = primary();
      return (row) => !inner(row);
    }
    if (isWord("startswith")) {
      at++;
      expect("(");
      const property = scalar(path());
      expect(",");
      const prefix = literal();
      expect(")");
      if (typeof prefix !== "string") fail("startswith needs a string");
      const lowered = String(prefix).toLowerCase();
      return (row) => {
        const value = read(row, property);
        return typeof value === "string" && value.toLowerCase().startsWith(lowered);
      };
    }
    const property = path();
    if (peek()?.text === "/" && isAny(tokens[at + 1])) {
      if (!properties.collections?.has(property)) fail(`property '${property}' is not a filterable collection`);
      at += 2;
      expect("(");
      const variable = tokens[at++]?.text;
      expect(":");
      if (tokens[at++]?.text !== variable) fail("the lambda must compare its own variable");
      const op = operator();
      const value = literal();
      expect(")");
      return (row) => {
        const items = read(row, property);
        const found = Array.isArray(items) && items.some((item) => same(item, value));
        return op === "eq" ? found : !found;
      };
    }
    scalar(property);
    if (properties.instants?.has(property)) {
      const op = operator(true);
      const value = literal();
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) return fail(`'${property}' compares with an instant`);
      return (row) => compareInstant(read(row, property), value.getTime(), op);
    }
    const op = operator();
    const value = literal();
    return (row) => same(read(row, property), value) === (op === "eq");
  };
  const andExpression = (): RowPredicate => {
    let left = primary();
    while (isWord("and")) {
      at++;
      const [a, b] = [left, primary()];
      left = (row) => a(row) && b(row);
    }
    return left;
  };
  const orExpression = (): RowPredicate => {
    let left = andExpression();
    while (isWord("or")) {
      at++;
      const [a, b] = [left, andExpression()];
      left = (row) => a(row) || b(row);
    }
    return left;
  };
  const predicate = orExpression();
  if (at < tokens.length) fail(`unexpected '${peek()?.text}'`);
  return predicate;
}

function isAny(token: Token | undefined): boolean {
  return token?.kind === "word" && token.text.toLowerCase() === "any";
}

function read(row: object, name: string): unknown {
  let value: unknown = row;
  for (const part of name.split("/")) {
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

function compareInstant(actual: unknown, expected: number, op: Operator): boolean {
  const ms = typeof actual === "string" ? Date.parse(actual) : Number.NaN;
  if (Number.isNaN(ms)) return false;
  switch (op) {
    case "eq":
      return ms === expected;
    case "ne":
      return ms !== expected;
    case "ge":
      return ms >= expected;
    case "gt":
      return ms > expected;
    case "le":
      return ms <= expected;
    case "lt":
      return ms < expected;
  }
}

function same(actual: unknown, expected: unknown): boolean {
  if (typeof actual === "string" && typeof expected === "string") return actual.toLowerCase() === expected.toLowerCase();
  return (actual ?? null) === expected;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    // eslint-disable-next-line max-len -- one token grammar reads best on one line
    /\s+|'((?:[^']|'')*)'|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))|(-?\d+(?:\.\d+)?)(?![\w-])|([A-Za-z_@][\w.@-]*)|([()/,:])|(.)/gy;
  for (const match of text.matchAll(pattern)) {
    const [, quoted, instant, number, word, punct, other] = match;
    if (quoted !== undefined) tokens.push({ kind: "string", text: quoted.replace(/''/g, "'") });
    else if (instant !== undefined) tokens.push({ kind: "instant", text: instant });
    else if (number !== undefined) tokens.push({ kind: "number", text: number });
    else if (word !== undefined) tokens.push({ kind: "word", text: word });
    else if (punct !== undefined) tokens.push({ kind: "punct", text: punct });
    else if (other !== undefined) throw badRequest(`Invalid filter clause: unexpected '${other}' in $filter '${text}'.`);
  }
  return tokens;
}
