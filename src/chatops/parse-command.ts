export const commandNames = ["status", "pending", "user", "preview", "remind", "pause", "resume", "export", "doctor", "help"] as const;
export type CommandName = (typeof commandNames)[number];

export type ParsedCommand =
  | { readonly known: true; readonly name: CommandName; readonly args: string }
  | { readonly known: false; readonly text: string; readonly addressed: boolean };

/**
 * Reads what someone typed: `/mfa status`, `mfa status`, ` MFA   Status `, or in a channel
 * `<at>MFA Nudge</at> mfa status` (the mention is stripped). `addressed` tells whether it was
 * meant as a command at all (it starts with mfa).
 */
export function parseCommand(text: string): ParsedCommand {
  const plain = text
    .replace(/<at>.*?<\/at>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
  const match = /^\/?mfa(?:\s+(\S+))?(?:\s+(.*))?$/i.exec(plain);
  if (!match) return { known: false, text: plain, addressed: false };
  const name = (match[1] ?? "help").toLowerCase();
  const args = (match[2] ?? "").trim();
  return (commandNames as readonly string[]).includes(name)
    ? { known: true, name: name as CommandName, args }
    : { known: false, text: plain, addressed: true };
}
