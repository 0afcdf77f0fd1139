export const commandNames = ["status", "pending", "user", "preview", "remind", "pause", "resume", "export", "doctor", "help"] as const;
export type CommandName = (typeof commandNames)[number];

/**
 * The longest argument a command reads: a display name, Entra's longest directory text, is 256
 * characters; a UPN is at most 113 and a department 64.
 */
export const MAX_ARGUMENT_LENGTH = 256;

// Longer than any command with its longest argument and an @mention: only this much is read, so a
// message of half a million characters costs no more than a short one.
const MAX_READ = 1024;

export type ParsedCommand =
  | { readonly known: true; readonly name: CommandName; readonly args: string; readonly tooLong: boolean }
  | { readonly known: false; readonly text: string; readonly addressed: boolean };

/**
 * Reads what someone typed: `/mfa status`, `mfa status`, ` MFA   Status `, or in a channel
 * `<at>MFA Nudge</at> mfa status` (the mention is stripped). `addressed` tells whether it was
 * meant as a command at all (it starts with mfa); `tooLong`, that its argument is longer than any
 * name or address the command could look up, so it is answered with that rather than searched for.
 */
export function parseCommand(text: string): ParsedCommand {
  // Tags are matched without crossing another "<", so a message of "<<<<…" is read in one pass.
  const plain = text
    .slice(0, MAX_READ)
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .replace(/<[^<>]*>/g, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
  const match = /^\/?mfa(?:\s+(\S+))?(?:\s+(.*))?$/i.exec(plain);
  if (!match) return { known: false, text: plain, addressed: false };
  const name = (match[1] ?? "help").toLowerCase();
  const args = (match[2] ?? "").trim();
  const tooLong = text.length > MAX_READ || args.length > MAX_ARGUMENT_LENGTH;
  return (commandNames as readonly string[]).includes(name)
    ? { known: true, name: name as CommandName, args: tooLong ? "" : args, tooLong }
    : { known: false, text: plain, addressed: true };
}
