import type { CardText } from "./card-text.js";

/** Every `mfa` command the bot answers, in the order an admin meets them. */
export const ADMIN_COMMANDS = ["status", "pending", "user", "preview", "remind", "pause", "resume", "export", "doctor", "help"] as const;

export interface CommandView {
  usage: string;
  does: string;
  /** "Example: mfa pending Sales"; empty for a command that takes nothing, whose usage is its example. */
  example: string;
  hasExample: boolean;
}

/** The commands as help and the admin's welcome list them. */
export function commandListView(text: CardText): CommandView[] {
  return ADMIN_COMMANDS.map((name) => {
    const hasExample = text.has(`commands.${name}.example`);
    return {
      usage: text.text(`commands.${name}.usage`),
      does: text.text(`commands.${name}.does`),
      example: hasExample ? text.text("help.example", { example: text.text(`commands.${name}.example`) }) : "",
      hasExample,
    };
  });
}
