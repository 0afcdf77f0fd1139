import { describe, expect, it } from "vitest";
import type { CampaignPolicy } from "../../src/campaign/policy.js";
import type { CommandName } from "../../src/chatops/parse-command.js";
import { answersPrivately } from "../../src/chatops/reply-place.js";

const policy = { adminReport: { conversationId: "19:mfa-report@thread.tacv2", minute: 480 } } as CampaignPolicy;
const personal = { personal: true, conversationId: "a:1personal" };
const channel = { personal: false, conversationId: "19:general@thread.tacv2;messageid=1700000000000" };
const groupChat = { personal: false, conversationId: "19:meeting_abc@thread.v2" };
const reportThread = { personal: false, conversationId: "19:MFA-report@thread.tacv2;messageid=1700000000001" };

describe("answersPrivately", () => {
  it.each([
    ["pending", personal, false],
    ["user", personal, false],
    ["export", personal, false],
    ["pending", channel, true],
    ["user", channel, true],
    ["export", channel, true],
    ["pending", groupChat, true],
    ["status", channel, false],
    ["preview", channel, false],
    ["remind", channel, false],
    ["help", channel, false],
    ["pending", reportThread, false],
    ["user", reportThread, false],
    ["export", reportThread, true],
  ] as const)("%s in %o: privately %s", (command, place, expected) => {
    expect(answersPrivately(command as CommandName, place, policy)).toBe(expected);
  });

  it("answers lists privately in every channel when no report channel is configured", () => {
    const none = { adminReport: { conversationId: undefined, minute: 480 } } as CampaignPolicy;
    expect(answersPrivately("pending", reportThread, none)).toBe(true);
  });
});
