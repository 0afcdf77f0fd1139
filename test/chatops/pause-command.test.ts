import { afterEach, beforeEach, expect, it } from "vitest";
import { pauseCommand } from "../../src/chatops/pause-command.js";
import { readPause } from "../../src/store/app-state.js";
import type { Store } from "../../src/store/open-store.js";
import { describeEachStore } from "../support/test-stores.js";
import { admin, commandContext, now, textOf } from "./command-scenario.js";

describeEachStore("/mfa pause and /mfa resume", (target) => {
  let store: Store;

  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store?.close());

  const audit = () =>
    store.db.selectFrom("audit_log").select(["at", "actor_kind", "actor_id", "action", "subject_id", "detail"]).orderBy("id").execute();
  const at = new Date(now).toISOString();

  it("pauses every reminder, recording who and when, and sends nothing", async () => {
    const { context, deliveries } = commandContext(store);
    expect(textOf(await pauseCommand(true)("", context))).toBe("Reminders are paused. Nothing is sent until someone types mfa resume.");
    expect(await readPause(store)).toEqual({ paused: true, by: admin, at });
    expect(await audit()).toEqual([
      { at, actor_kind: "admin", actor_id: admin, action: "campaign.paused", subject_id: null, detail: null },
    ]);
    expect(deliveries()).toBe(0);
  });

  it("resumes, recording who and when, and sends what is due without waiting for the next run", async () => {
    const { context, deliveries } = commandContext(store);
    await pauseCommand(true)("", context);
    expect(textOf(await pauseCommand(false)("", context))).toBe("Reminders are running again. The next run sends whatever is due.");
    expect(await readPause(store)).toEqual({ paused: false, by: admin, at });
    expect((await audit()).map((row) => row.action)).toEqual(["campaign.paused", "campaign.resumed"]);
    expect((await audit())[1]).toEqual({
      at,
      actor_kind: "admin",
      actor_id: admin,
      action: "campaign.resumed",
      subject_id: null,
      detail: null,
    });
    expect(deliveries()).toBe(1);
  });
});
