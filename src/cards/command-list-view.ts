import type { CardText } from "./card-text.js";

export interface CommandView {
  usage: string;
  does: string;
  /** "Example: mfa pending Sales"; empty for a command that takes nothing, whose usage is its example. */
  example: string;
  hasExample: boolean;
}

/** The commands as help and the admin's welcome list them, worded per language under `commands.<name>`. */
export function commandListView(names: readonly string[], text: CardText): CommandView[] {
  return names.map((name) => {
    const hasExample = text.has(`commands.${name}.example`);
    return {
      usage: text.text(`commands.${name}.usage`),
      does: text.text(`commands.${name}.does`),
      example: hasExample ? text.text("help.example", { example: text.text(`commands.${name}.example`) }) : "",
      hasExample,
    };
  });
}
