import type { Migration } from "kysely";
import type { Dialect } from "../dialect.js";
import { foundation } from "./001-foundation.js";
import { campaign } from "./002-campaign.js";
import { campaignFigures } from "./003-campaign-figures.js";
import { teamsFacts } from "./004-teams-facts.js";
import { signInInterrupts } from "./005-sign-in-interrupts.js";
import { incrementalSync } from "./006-incremental-sync.js";
import { sharedPace } from "./007-shared-pace.js";

/** Every migration in order. Names sort in the order they must run; never rename a shipped one. */
export function allMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    "001-foundation": foundation(dialect),
    "002-campaign": campaign(),
    "003-campaign-figures": campaignFigures(),
    "004-teams-facts": teamsFacts(),
    "005-sign-in-interrupts": signInInterrupts(),
    "006-incremental-sync": incrementalSync(),
    "007-shared-pace": sharedPace(dialect),
  };
}
