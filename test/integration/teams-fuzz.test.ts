/** 10,000 malformed or hostile Teams activities: never a 5xx, never a crash. */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, startTeamsBot, TENANT, type TeamsHarness } from "../fakes/teams-harness.ts";

let h: TeamsHarness;
let token: string;
beforeAll(async () => {
  h = await startTeamsBot({ authenticated: true });
  token = h.identity!.token({ aud: APP_ID, serviceurl: h.connector.url });
});
afterAll(async () => {
  await h?.stop();
});

const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('<at>x</at> "unclosed'),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
);

const activity = fc.record(
  {
    type: fc.oneof(fc.constantFrom("message", "invoke", "conversationUpdate", "installationUpdate", "typing", "event"), junk),
    id: junk,
    name: fc.oneof(fc.constant("adaptiveCard/action"), junk),
    action: fc.oneof(fc.constantFrom("add", "remove"), junk),
    serviceUrl: fc.oneof(fc.constant("SERVICE"), junk),
    channelId: fc.oneof(fc.constant("msteams"), junk),
    from: fc.oneof(fc.record({ id: fc.oneof(fc.constant("29:u"), junk), aadObjectId: junk }, { requiredKeys: [] }), junk),
    recipient: fc.oneof(fc.record({ id: fc.oneof(fc.constant(`28:${APP_ID}`), junk) }), junk),
    conversation: fc.oneof(
      fc.record(
        { id: fc.oneof(fc.constant("personal-u"), junk), conversationType: fc.oneof(fc.constantFrom("personal", "channel"), junk), tenantId: fc.oneof(fc.constant(TENANT), junk) },
        { requiredKeys: [] },
      ),
      junk,
    ),
    text: fc.oneof(fc.constantFrom("help", "pulse start to", 'rubric start for "', "<at>Reflect</at> role", "settings threshold 1"), junk),
    value: fc.oneof(
      fc.record({ rb_action: fc.oneof(fc.constantFrom("pulse:open:x", "pulse:submit:y", "rubric:confirm", "::"), junk), rb_value: junk }, { requiredKeys: [] }),
      fc.record({ action: fc.record({ verb: junk, data: junk }, { requiredKeys: [] }) }),
      junk,
    ),
    entities: fc.oneof(
      fc.array(fc.record({ type: fc.constant("mention"), text: junk, mentioned: fc.oneof(fc.record({ id: junk }), junk) }, { requiredKeys: [] }), { maxLength: 3 }),
      junk,
    ),
    membersAdded: fc.oneof(fc.array(fc.record({ id: junk }), { maxLength: 2 }), junk),
  },
  { requiredKeys: [] },
);

const request = fc.oneof(
  { weight: 8, arbitrary: activity.map((a) => ({ body: JSON.stringify(a).split('"SERVICE"').join(JSON.stringify(h.connector.url)), auth: "valid" })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ body: s, auth: "valid" })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(activity, fc.oneof(fc.string({ maxLength: 60 }), fc.constant("Bearer a.b.c"), fc.constant("Bearer eyJhbGciOiJub25lIn0.e30.")))
      .map(([a, t]) => ({ body: JSON.stringify(a), auth: t })),
  },
);

describe("Teams endpoint under hostile input", () => {
  it("answers 10,000 malformed or hostile activities without a 5xx or a crash", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const res = await fetch(`${h.base}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: r.auth === "valid" ? `Bearer ${token}` : r.auth },
          body: r.body,
        });
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 10_000 },
    );
    await h.settle();
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
  }, 600_000);
});
