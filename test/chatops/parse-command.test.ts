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

  it("reads markup, a mention or a no-break space between words as a space, however Teams wrote it", () => {
    const status = { known: true, name: "status", args: "", tooLong: false };
    expect(parseCommand("<p>mfa</p><p>status</p>")).toEqual(status);
    expect(parseCommand("<div>mfa status</div>")).toEqual(status);
    expect(parseCommand("mfa<at>MFA Nudge</at>status")).toEqual(status);
    expect(parseCommand("mfa&nbsp;status")).toEqual(status);
    expect(parseCommand("mfa pending Human \t  Resources")).toEqual({
      known: true,
      name: "pending",
      args: "Human Resources",
      tooLong: false,
    });
  });

  it("reads only a message that starts with mfa as a command, and keeps anything else as typed, spaces tidied", () => {
    expect(parseCommand("please mfa status")).toEqual({ known: false, text: "please mfa status", addressed: false });
    expect(parseCommand("mfastatus")).toEqual({ known: false, text: "mfastatus", addressed: false });
    expect(parseCommand("hello   there\n friend")).toEqual({ known: false, text: "hello there friend", addressed: false });
  });

  it("reads a message of exactly 1024 characters whole, and keeps only that much of a longer one", () => {
    const padded = `mfa user ada@contoso.com${" ".repeat(1024 - 24)}`;
    expect(padded).toHaveLength(1024);
    expect(parseCommand(padded)).toEqual({ known: true, name: "user", args: "ada@contoso.com", tooLong: false });
    // 170 times "hello " is 1020 characters; the 1024th ends the 171st "hello" at "hell".
    expect(parseCommand("hello ".repeat(200))).toEqual({ known: false, text: `${"hello ".repeat(170)}hell`, addressed: false });
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
