import { describe, expect, it } from "vitest";
import { MAX_ARGUMENT_LENGTH, parseCommand } from "../../src/chatops/parse-command.js";

describe("parseCommand", () => {
  it("reads a command with or without the slash, an @mention, in any case and spacing", () => {
    expect(parseCommand("<at>MFA Nudge</at>  MFA   User  anna.schmidt@contoso.com ")).toEqual({
      known: true,
      name: "user",
      args: "anna.schmidt@contoso.com",
      tooLong: false,
    });
    expect(parseCommand("/mfa")).toEqual({ known: true, name: "help", args: "", tooLong: false });
    expect(parseCommand("hello")).toEqual({ known: false, text: "hello", addressed: false });
  });

  it("takes an argument as long as the longest display name, and flags a longer one without passing it on", () => {
    const longest = "a".repeat(MAX_ARGUMENT_LENGTH);
    expect(parseCommand(`mfa user ${longest}`)).toEqual({ known: true, name: "user", args: longest, tooLong: false });
    expect(parseCommand(`mfa user ${longest}b`)).toEqual({ known: true, name: "user", args: "", tooLong: true });
    expect(parseCommand(`mfa pending ${"x".repeat(500_000)}`)).toEqual({ known: true, name: "pending", args: "", tooLong: true });
  });

  it("reads half a million angle brackets or mentions in one pass", { timeout: 10_000 }, () => {
    expect(parseCommand(`mfa user ${"<".repeat(500_000)}`)).toMatchObject({ known: true, tooLong: true });
    expect(parseCommand(`mfa user ${"<at>".repeat(125_000)}`)).toMatchObject({ known: true, tooLong: true });
    expect(parseCommand(`${"<at>x".repeat(100_000)}`)).toMatchObject({ known: false });
  });
});
