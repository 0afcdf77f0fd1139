import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";

const root = findProjectRoot(import.meta.url);

/** Runs scripts/package-app.ts from source (vite-node), as `npm run package` runs its build. */
function runPackageApp(env: Record<string, string>) {
  const { TEAMS_APP_ID: _a, BOT_ID: _b, BOT_DOMAIN: _c, AZURE_CLIENT_ID: _d, ...inherited } = process.env;
  return spawnSync(process.execPath, [join(root, "node_modules", "vite-node", "vite-node.mjs"), "scripts/package-app.ts"], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: "utf8",
  });
}

describe("npm run package", () => {
  it("exits 2 and names BOT_ID when BOT_ID is not a GUID", () => {
    const run = runPackageApp({ TEAMS_APP_ID: "6d1f8a52-3c1e-4b7a-9f0e-2a4c8d9b1e73", BOT_ID: "my-bot" });
    expect(run.stderr).toContain('BOT_ID must be a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301; got "my-bot"');
    expect(run.status).toBe(2);
  });

  it("exits 2 and names BOT_DOMAIN when it is a URL", () => {
    const run = runPackageApp({ BOT_DOMAIN: "https://mfa-nudge.contoso.com" });
    expect(run.stderr).toContain("warning: TEAMS_APP_ID is not set");
    expect(run.stderr).toContain("BOT_DOMAIN must be a host name");
    expect(run.status).toBe(2);
  });
});
