import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
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
});
