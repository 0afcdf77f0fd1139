import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cardsDir } from "../../src/cards/cards-dir.js";
import { LANGUAGES } from "./card-samples.js";

type Tree = { [key: string]: string | Tree };

const stringsDir = join(cardsDir(), "strings");
const read = (language: string) => JSON.parse(readFileSync(join(stringsDir, `${language}.json`), "utf8")) as Tree;

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const en = new Map(leaves(read("en")));

describe("cards/strings", () => {
  it("has one file per supported language and no other", () => {
    expect(readdirSync(stringsDir).sort()).toEqual(LANGUAGES.map((language) => `${language}.json`).sort());
  });

  it.each(LANGUAGES.filter((language) => language !== "en"))("%s.json has exactly the keys of en.json", (language) => {
    expect(
      leaves(read(language))
        .map(([key]) => key)
        .sort(),
    ).toEqual([...en.keys()].sort());
  });

  it.each(LANGUAGES.filter((language) => language !== "en"))(
    "%s.json uses the same placeholders as en.json, except that a singular may spell out its count",
    (language) => {
      // "once", "noch einmal": a singular need not show {count}. Any other difference would leave a
      // {gap} in the card or drop a fact.
      const names = (key: string, text: string) =>
        placeholders(text)
          .filter((name) => !(key.endsWith(".one") && name === "count"))
          .join();
      const mismatches = leaves(read(language)).filter(([key, text]) => names(key, text) !== names(key, en.get(key) ?? ""));
      expect(mismatches).toEqual([]);
    },
  );

  it.each(LANGUAGES)("%s.json does not shout: no exclamation marks, no empty strings", (language) => {
    const bad = leaves(read(language)).filter(([, text]) => text.includes("!") || text.trim() === "");
    expect(bad).toEqual([]);
  });

  it.each(LANGUAGES)("%s.json has nothing Teams would read as Markdown", (language) => {
    // Teams applies Markdown to TextBlock texts and fact values: "*", "_" and "`" would restyle
    // words, a leading "1." or "-" would start a list, "[...](...)" would hide an address.
    const bad = leaves(read(language)).filter(([, text]) => /[*_`]|^\s*(\d+\.|-|#)\s|\]\(/.test(text));
    expect(bad).toEqual([]);
  });

  it("names every methodsRegistered value the simulated tenant hands out", () => {
    const methods = [
      "microsoftAuthenticatorPush",
      "microsoftAuthenticatorPasswordless",
      "softwareOneTimePasscode",
      "mobilePhone",
      "alternateMobilePhone",
      "officePhone",
      "fido2SecurityKey",
      "windowsHelloForBusiness",
      "email",
    ];
    for (const method of methods) expect(en.has(`methods.${method}`), method).toBe(true);
  });
});
