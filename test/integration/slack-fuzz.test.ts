/** 10,000 malformed or hostile Slack requests: never a 5xx, never a crash. */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendSigned } from "../fakes/fake-slack.ts";
import { SLACK_SECRET, startSlackBot, TEAM, type SlackHarness } from "../fakes/slack-harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackBot();
});
afterAll(async () => {
  await h?.stop();
});

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('<@U1|x> <#C1> "unclosed'),
  fc.constant("a".repeat(5000)),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

const command = fc.record(
  {
    team_id: fc.oneof(fc.constant(TEAM), junk),
    channel_id: fc.oneof(fc.constant("C1"), fc.constant("D1"), junk),
    user_id: fc.oneof(fc.constant("U1"), junk),
    command: fc.oneof(fc.constant("/reflect"), fc.constant("/pulse"), junk),
    text: fc.oneof(
      fc.constantFrom("help", "pulse start to", 'rubric start for "', "role <@U2> king", "settings threshold -1", 'partner add ""', "review add x y 2027-02-31"),
      fc.string({ maxLength: 200 }),
    ),
    trigger_id: junk,
  },
  { requiredKeys: [] },
);

const interactive = fc.record(
  {
    type: fc.constantFrom("block_actions", "view_submission", "shortcut", "message_action", "junk"),
    user: fc.oneof(fc.record({ id: fc.oneof(fc.constant("U1"), junk) }), junk),
    team: fc.oneof(fc.record({ id: fc.oneof(fc.constant(TEAM), junk) }), junk),
    actions: fc.oneof(
      fc.array(
        fc.record(
          { action_id: fc.oneof(fc.constantFrom("pulse:open:x", "pulse:submit:nope", "rubric:confirm", "review:done:1", "::::"), junk), value: junk },
          { requiredKeys: [] },
        ),
        { maxLength: 2 },
      ),
      junk,
    ),
    container: fc.oneof(fc.record({ channel_id: junk, message_ts: junk }, { requiredKeys: [] }), junk),
    view: fc.oneof(
      fc.record({ id: junk, private_metadata: fc.oneof(fc.constant('{"channel":"D1","ts":"1.1","submitActionId":"pulse:submit:x"}'), junk), state: junk }, { requiredKeys: [] }),
      junk,
    ),
    state: junk,
  },
  { requiredKeys: [] },
);

const event = fc.record(
  {
    type: fc.constantFrom("event_callback", "url_verification", "app_rate_limited", "junk"),
    team_id: fc.oneof(fc.constant(TEAM), junk),
    event_id: junk,
    challenge: junk,
    event: fc.oneof(
      fc.record(
        { type: fc.constantFrom("message", "app_mention", "app_home_opened", "tokens_revoked", "team_join"), user: junk, text: junk, channel: junk, channel_type: junk, tab: junk },
        { requiredKeys: [] },
      ),
      junk,
    ),
  },
  { requiredKeys: [] },
);

const request = fc.oneof(
  command.map((c) => ({
    body: new URLSearchParams(Object.entries(c).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)])).toString(),
    type: "application/x-www-form-urlencoded",
    sign: true,
  })),
  interactive.map((p) => ({ body: new URLSearchParams({ payload: JSON.stringify(p) }).toString(), type: "application/x-www-form-urlencoded", sign: true })),
  event.map((e) => ({ body: JSON.stringify(e), type: "application/json", sign: true })),
  fc.string({ maxLength: 300 }).map((s) => ({ body: s, type: "application/json", sign: true })),
  fc.string({ maxLength: 300 }).map((s) => ({ body: `payload=${encodeURIComponent(s)}`, type: "application/x-www-form-urlencoded", sign: true })),
  fc.string({ maxLength: 100 }).map((s) => ({ body: s, type: "text/plain", sign: false })),
);

describe("Slack endpoint under hostile input", () => {
  it("answers 10,000 malformed or hostile payloads without a 5xx or a crash", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const res = r.sign
          ? await sendSigned(h.base, SLACK_SECRET, r.body, { contentType: r.type })
          : await fetch(`${h.base}/slack/events`, { method: "POST", headers: { "content-type": r.type }, body: r.body });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 10_000 },
    );
    await h.settle();
    const health = await fetch(`${h.base}/healthz`);
    expect(health.status).toBe(200);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
  }, 600_000);
});
