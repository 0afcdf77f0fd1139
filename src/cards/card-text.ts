import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Language } from "./card-data.js";
import { cardLocale } from "./card-locale.js";
import { cardsDir } from "./cards-dir.js";

type StringTree = { readonly [key: string]: string | StringTree };
type Values = Readonly<Record<string, string | number>>;

/**
 * The words of one language, from cards/strings/<language>.json. Keys are dotted paths
 * ("reminder.title.first"); `{name}` placeholders are filled from `values`. A missing key or value
 * throws rather than showing a person a raw key or a gap.
 */
export class CardText {
  private static readonly loaded = new Map<Language, CardText>();
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;

  private constructor(
    readonly language: Language,
    private readonly tree: StringTree,
    private readonly file: string,
  ) {
    this.plurals = new Intl.PluralRules(language);
    this.numbers = new Intl.NumberFormat(cardLocale(language));
  }

  /** Read once per language and kept: the files are small and never change while the bot runs. */
  static load(language: Language): CardText {
    let text = CardText.loaded.get(language);
    if (text === undefined) {
      const file = join(cardsDir(), "strings", `${language}.json`);
      text = new CardText(language, JSON.parse(readFileSync(file, "utf8")) as StringTree, file);
      CardText.loaded.set(language, text);
    }
    return text;
  }

  has(key: string): boolean {
    return typeof this.lookup(key) === "string";
  }

  text(key: string, values: Values = {}): string {
    const template = this.lookup(key);
    if (typeof template !== "string") throw new Error(`${this.file} has no string at "${key}".`);
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`${this.file} "${key}" needs a value for {${name}}.`);
      return String(value);
    });
  }

  /**
   * `key.one`, `key.other`, …: the form CLDR's plural rules pick for `count`, which fills {count}
   * written as the language writes numbers ("1,234", "1.234").
   */
  plural(key: string, count: number, values: Values = {}): string {
    const category = this.plurals.select(count);
    const form = this.has(`${key}.${category}`) ? category : "other";
    return this.text(`${key}.${form}`, { ...values, count: this.numbers.format(count) });
  }

  private lookup(key: string): string | StringTree | undefined {
    let node: string | StringTree | undefined = this.tree;
    for (const part of key.split(".")) {
      if (node === undefined || typeof node === "string") return undefined;
      node = node[part];
    }
    return node;
  }
}
