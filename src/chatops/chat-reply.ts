import type { AdaptiveCard } from "../cards/adaptive-card.js";

/** What a command answers with; teams/ turns it into activities (a file goes through a consent card). */
export type ChatReply =
  | { readonly kind: "card"; readonly card: AdaptiveCard }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "file"; readonly name: string; readonly description: string; readonly content: Buffer };
