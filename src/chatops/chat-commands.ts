import type { CommandHandler } from "./command-context.js";
import { doctorCommand } from "./doctor-command.js";
import { exportCommand } from "./export-command.js";
import { helpCommand } from "./help-command.js";
import type { CommandName } from "./parse-command.js";
import { pauseCommand } from "./pause-command.js";
import { pendingCommand } from "./pending-command.js";
import { previewCommand } from "./preview-command.js";
import { remindCommand } from "./remind-command.js";
import { statusCommand } from "./status-command.js";
import { userCommand } from "./user-command.js";

export interface ChatCommand {
  /**
   * Only for admins (ADMIN_GROUP_ID, ADMIN_USER_IDS): anyone else is told so, and the attempt is
   * audited. Every command is, today: they name people or change what everyone receives.
   */
  readonly adminOnly: boolean;
  readonly handler: CommandHandler;
}

/**
 * One table of `mfa` commands, in the order help and the admin's welcome list them. Each one's
 * usage and what it does are worded per language in cards/strings (`commands.<name>`). A name in
 * CommandName without an entry here does not compile.
 */
export const chatCommands: Record<CommandName, ChatCommand> = {
  status: { adminOnly: true, handler: statusCommand },
  pending: { adminOnly: true, handler: pendingCommand },
  user: { adminOnly: true, handler: userCommand },
  preview: { adminOnly: true, handler: previewCommand },
  remind: { adminOnly: true, handler: remindCommand },
  pause: { adminOnly: true, handler: pauseCommand(true) },
  resume: { adminOnly: true, handler: pauseCommand(false) },
  export: { adminOnly: true, handler: exportCommand },
  doctor: { adminOnly: true, handler: doctorCommand() },
  help: { adminOnly: true, handler: (args, context) => helpCommand(args, context, listedCommands()) },
};

/** The commands as help lists them: the table's, in its order. */
export function listedCommands(): CommandName[] {
  return Object.keys(chatCommands) as CommandName[];
}
