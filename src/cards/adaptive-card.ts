/** An Adaptive Card as sent to Teams: plain JSON, ready for an attachment's `content`. */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  version: "1.5";
  $schema: string;
  body: unknown[];
  actions?: unknown[];
  [property: string]: unknown;
}
