import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const main = "dist/src/cli/main.js";

/*
 * The installed command itself (package.json "bin", built by `npm install`), run as a person or a
 * script would: exit statuses and where the words go.
 */
describe("the mfa-nudge command", () => {
  it("was built by the install", () => {
    expect(existsSync(main), `${main} is missing: run npm install (or npm run build)`).toBe(true);
  });

  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [main, ...args], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });

  it("exits 2 naming the variable when the configuration is bad", () => {
    const result = run(["status"], { AZURE_TENANT_ID: "not-a-guid", DATABASE_URL: "sqlite::memory:" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/AZURE_TENANT_ID: expected the Directory \(tenant\) ID, a GUID/);
    expect(result.stdout).toBe("");
  });

  it("exits 2 on an unknown option, with the usage", () => {
    const result = run(["status", "--jsn"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--jsn'/);
  });

  it("refuses a sandbox scenario it does not know, naming the ones it does", () => {
    const result = run(["sandbox", "graph", "--scenario", "all-bad"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--scenario: expected one of all-good, report-only, break-glass-not-excluded, .*, got "all-bad"/);
  });

  it.each(["sync", "status", "doctor", "sandbox"])("has --help for %s", (command) => {
    const result = run([command, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`Usage: mfa-nudge ${command}`));
  });

  it("prints status as JSON with the documented field names", () => {
    const result = run(["status", "--json"], { DATABASE_URL: "sqlite::memory:" });
    expect(result.status).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual([
      "users",
      "members",
      "registered",
      "notRegistered",
      "admins",
      "adminsNotRegistered",
      "percentRegistered",
      "lastSync",
      "byDepartment",
    ]);
  });

  it("exits 1 with one line and its hint when the SQLite file cannot be opened, never a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "not-a-store-"));
    const path = join(dir, "store.sqlite");
    writeFileSync(path, "this is a text file, not a database\n".repeat(200));
    const asFile = run(["status"], { DATABASE_URL: `sqlite:${path}` });
    expect(asFile.status).toBe(1);
    expect(asFile.stderr).toBe(
      `mfa-nudge: Could not open the SQLite store at ${path}: file is not a database\n` +
        `  Check that ${path} is a SQLite database (or absent, to create one) in a folder this user can write to.\n`,
    );
    const underAFile = run(["status"], { DATABASE_URL: `sqlite:${path}/inner.sqlite` });
    expect(underAFile.status).toBe(1);
    expect(underAFile.stderr).toMatch(
      new RegExp(`^mfa-nudge: Could not open the SQLite store at ${path}/inner\\.sqlite: (EEXIST|ENOTDIR)[^\\n]*\\n  Check`),
    );
    expect(underAFile.stderr).not.toMatch(/unexpected failure|\n\s+at /);
  });

  it("exits 2 naming the problem when the campaign file is a YAML alias bomb, without expanding it", () => {
    const dir = mkdtempSync(join(tmpdir(), "alias-bomb-"));
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i < 9; i += 1) {
      const [prev, name] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    writeFileSync(join(dir, "campaign.yaml"), `${levels.join("\n")}\n`);
    const result = run(["preview"], { DATABASE_URL: "sqlite::memory:", CAMPAIGN_FILE: join(dir, "campaign.yaml") });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "mfa-nudge: The campaign file is invalid:\n" +
        `  ${join(dir, "campaign.yaml")}: too many aliases (*name): a campaign file needs at most 100\n` +
        "  Fix the keys named above; campaign.sample.yaml shows every key with a comment.\n",
    );
  });
});
