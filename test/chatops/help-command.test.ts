import { describe, expect, it } from "vitest";
import { renderCard } from "../../src/cards/render-card.js";
import type { CommandContext } from "../../src/chatops/command-context.js";
import { helpCommand } from "../../src/chatops/help-command.js";
import { sampleContext } from "../cards/card-samples.js";

const context = { card: sampleContext("en") } as CommandContext;

describe("/mfa help", () => {
  it("lists the commands it is given, in their order", async () => {
    expect(await helpCommand("", context, ["status", "user"])).toEqual({
      kind: "card",
      card: renderCard("help", { unknownCommand: null, commands: ["status", "user"] }, sampleContext("en")),
    });
  });

  it("says first what it did not recognise", async () => {
    expect(await helpCommand("mfa frobnicate", context, ["status"])).toEqual({
      kind: "card",
      card: renderCard("help", { unknownCommand: "mfa frobnicate", commands: ["status"] }, sampleContext("en")),
    });
  });
});
