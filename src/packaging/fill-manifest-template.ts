import { AppPackageError } from "./app-package-error.js";

export interface FilledManifest {
  manifest: unknown;
  /** JSON pointer of every filled string (e.g. `/bots/0/botId`) → the placeholder that filled it. */
  placeholderAt: Map<string, string>;
}

const placeholder = /\{\{([A-Z0-9_]+)\}\}/g;

/**
 * Replaces `{{NAME}}` in the template's string values with `values[NAME]`. Filling the parsed
 * JSON rather than the raw text keeps a value with a quote or backslash from breaking the JSON.
 * An array element that is only a placeholder with no value is dropped, so
 * `"validDomains": ["{{VALID_DOMAIN}}"]` becomes `[]` when no domain is given.
 */
export function fillManifestTemplate(template: unknown, values: Readonly<Record<string, string | undefined>>): FilledManifest {
  const placeholderAt = new Map<string, string>();

  const fill = (node: unknown, pointer: string): unknown => {
    if (typeof node === "string") return fillString(node, pointer);
    if (Array.isArray(node)) {
      const kept = node.filter((item) => !isUnsetPlaceholder(item));
      return kept.map((item, index) => fill(item, `${pointer}/${index}`));
    }
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, `${pointer}/${escapeKey(key)}`)]));
    }
    return node;
  };

  const fillString = (text: string, pointer: string): string =>
    text.replace(placeholder, (_match, name: string) => {
      if (!Object.hasOwn(values, name)) {
        throw new AppPackageError(
          "manifest_invalid",
          `manifest.template.json uses {{${name}}} at ${pointer}, which the builder does not fill.`,
        );
      }
      const value = values[name];
      if (value === undefined) {
        throw new AppPackageError("manifest_invalid", `manifest.template.json needs a value for {{${name}}} at ${pointer}.`);
      }
      placeholderAt.set(pointer, name);
      return value;
    });

  const isUnsetPlaceholder = (item: unknown): boolean => {
    if (typeof item !== "string") return false;
    const whole = /^\{\{([A-Z0-9_]+)\}\}$/.exec(item);
    return whole?.[1] !== undefined && Object.hasOwn(values, whole[1]) && values[whole[1]] === undefined;
  };

  return { manifest: fill(template, ""), placeholderAt };
}

// RFC 6901: "~" and "/" inside a key are escaped so the pointer stays unambiguous.
function escapeKey(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
