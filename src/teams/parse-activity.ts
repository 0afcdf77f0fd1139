import type { Activity } from "botbuilder";
import { z } from "zod";

/*
 * The fields that botbuilder, teams-ai and the bot read, with the types Teams sends
 * (shared/oracles/teams-activities; https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/conversation-messages).
 * Anything else passes through untouched. A wrong type here would otherwise surface as a
 * TypeError deep in a turn: a 500 for what is the caller's mistake.
 */
const text = (max: number) => z.string().max(max).nullish();
const account = z.object({ id: z.string().min(1).max(512), name: text(512), aadObjectId: text(64) }).passthrough();
const httpUrl = z
  .string()
  .max(2048)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { message: "expected an http(s) URL" });

const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: text(512),
    name: text(256),
    serviceUrl: httpUrl,
    channelId: z.string().min(1).max(64),
    from: account,
    recipient: account,
    conversation: z
      .object({
        id: z.string().min(1).max(1024),
        conversationType: text(64),
        tenantId: text(64),
        isGroup: z.boolean().nullish(),
        name: text(1024),
      })
      .passthrough(),
    text: text(1_000_000),
    textFormat: text(64),
    locale: text(64),
    localTimezone: text(64),
    timestamp: text(64),
    localTimestamp: text(64),
    replyToId: text(512),
    entities: z.array(z.object({ type: z.string().max(256) }).passthrough()).nullish(),
    attachments: z.array(z.object({ contentType: z.string().max(256) }).passthrough()).nullish(),
    channelData: z
      .object({
        tenant: z
          .object({ id: text(64) })
          .passthrough()
          .nullish(),
      })
      .passthrough()
      .nullish(),
    membersAdded: z.array(account).nullish(),
    membersRemoved: z.array(account).nullish(),
  })
  .passthrough();

export type ParsedActivity = { readonly ok: true; readonly activity: Activity } | { readonly ok: false; readonly problem: string };

/** Checks a request body is a Bot Framework activity and converts its time stamps as botbuilder's own parsing does. */
export function parseActivity(body: unknown): ParsedActivity {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "not an activity" };
  }
  const activity = parsed.data as unknown as Activity & { rawTimestamp?: string; rawLocalTimestamp?: string };
  if (typeof parsed.data.timestamp === "string") {
    activity.rawTimestamp = parsed.data.timestamp;
    activity.timestamp = new Date(parsed.data.timestamp);
  }
  if (typeof parsed.data.localTimestamp === "string") {
    activity.rawLocalTimestamp = parsed.data.localTimestamp;
    activity.localTimestamp = new Date(parsed.data.localTimestamp);
  }
  return { ok: true, activity };
}
