/** GET /metrics: Prometheus text with the bot's own figures, nothing about people. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackBot, TEAM, type SlackHarness } from "../fakes/slack-harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackBot({ ADMIN_USERS: `slack:${TEAM}:UADMIN` });
  h.fake.channels.set("CPARTNERS", ["UADMIN", "P1", "P2", "P3", "P4", "P5", "P6"]);
});
afterAll(async () => {
  await h?.stop();
});

describe("metrics", () => {
  it("reports ack latency per platform, queue depth, outbox, job runs and open rounds", async () => {
    await h.command("UADMIN", "pulse start quick-pulse closes in 7d", { channel: "CPARTNERS" });
    await h.settle();
    const job = h.app.jobs.get("pulse-rounds");
    await h.app.jobs.runSlot(job, new Date());
    const res = await fetch(`${h.base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/reflect_ack_seconds_count\{platform="slack"\} [1-9]/);
    expect(text).toMatch(/reflect_dispatcher_queue_depth \d+/);
    expect(text).toMatch(/reflect_outbox_messages\{state="pending"\} \d+/);
    expect(text).toMatch(/reflect_outbox_messages\{state="dead"\} \d+/);
    expect(text).toMatch(/reflect_rounds_open 1\b/);
    expect(text).toMatch(/reflect_job_runs_total\{job="pulse-rounds",status="ran"\} 1/);
    expect(text).toContain("process_resident_memory_bytes");
    // No person, round or workspace ever appears in a label.
    for (const id of ["UADMIN", "P1", TEAM, "CPARTNERS"]) expect(text).not.toContain(id);
  });
});
