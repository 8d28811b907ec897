/**
 * Teams members without a personal chat with the bot answer in the channel: one card there names
 * nobody; its Action.Execute button is answered with a card for the person who pressed it alone
 * (their form, then their thank-you), through the invoke response.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAction } from "../fakes/actions.ts";
import { adaptiveCardProblems } from "../fakes/adaptive-cards.ts";
import { APP_ID, startTeamsBot, TENANT, type TeamsHarness } from "../fakes/teams-harness.ts";

const CHANNEL = "19:shared@thread.tacv2";
const GUESTS = ["g1", "g2", "g3", "g4", "g5"];
let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsBot({ authenticated: true });
  for (const u of ["admin-aad", "coord"]) await h.install(u);
  await h.message("admin-aad", "privacy", { conversation: CHANNEL });
  await h.settle();
  h.connector.members.set(
    CHANNEL,
    ["coord", ...GUESTS].map((u) => ({ id: `29:${u}`, name: u, aadObjectId: u })),
  );
  await h.message("admin-aad", "role @coord coordinator", { mentions: ["coord"] });
  await h.settle();
});
afterAll(async () => {
  await h?.stop();
});

/** A press of an Action.Execute button by `user`, as Teams sends it; the invoke response's card. */
async function execute(
  user: string,
  replyToId: string,
  data: Record<string, unknown>,
): Promise<{ status: number; body: { statusCode: number; type: string; value: Record<string, unknown> } }> {
  const res = await h.send({
    type: "invoke",
    name: "adaptiveCard/action",
    id: `inv-${Math.random()}`,
    channelId: "msteams",
    serviceUrl: h.connector.url,
    from: { id: `29:${user}`, aadObjectId: user, name: user },
    recipient: { id: `28:${APP_ID}` },
    conversation: { id: CHANNEL, conversationType: "channel", tenantId: TENANT },
    replyToId,
    value: { action: { type: "Action.Execute", verb: data.rb_action, data } },
  });
  return { status: res.status, body: (await res.json()) as never };
}

const parses = adaptiveCardProblems;

const textOf = (card: unknown) => JSON.stringify(card);

describe("Teams: people without the app answer in the channel", () => {
  it("posts one card naming nobody, and each person's press shows them their own form and thank-you", async () => {
    await h.message("coord", "pulse start quick-pulse closes in 7d", { conversation: CHANNEL });
    await h.settle();
    const started = h.connector.sent.filter((s) => h.textOf(s).includes("Invited")).at(-1)!;
    expect(h.textOf(started)).toContain("0 by DM · 5 privately in the shared channel · 0 by email · 0 unreachable");
    const shared = h.connector.sent.filter((s) => s.conversationId === CHANNEL && h.textOf(s).includes("your form opens for you alone"));
    expect(shared).toHaveLength(1);
    const card = shared[0]!;
    // Names nobody, and its button is a Universal Action.
    for (const g of GUESTS) expect(h.textOf(card)).not.toContain(g);
    expect(JSON.stringify(card.activity)).toContain('"type":"Action.Execute"');
    const open = findAction(card.activity, "pulse.open");

    for (const [i, g] of GUESTS.entries()) {
      const form = await execute(g, card.id, { rb_action: open });
      expect(form.status).toBe(200);
      expect(form.body.type).toBe("application/vnd.microsoft.card.adaptive");
      expect(textOf(form.body.value)).toContain("Input.ChoiceSet");
      // No PUBLIC_URL here: no browser link is offered (the page would not be reachable).
      expect(textOf(form.body.value)).not.toContain("/answer/");
      expect(parses(form.body.value)).toEqual([]);
      const submit = findAction(form.body.value, "pulse.submit");
      const inputs = [...textOf(form.body.value).matchAll(/"id":"(q:[a-z-]+)"/g)].map((m) => m[1]!).filter((q) => q !== "q:comment");
      const thanks = await execute(g, card.id, { rb_action: submit, ...Object.fromEntries(inputs.map((q) => [q, String(2 + (i % 3))])) });
      expect(textOf(thanks.body.value)).toContain("Thank you: your answers are in");
      expect(parses(thanks.body.value)).toEqual([]);
    }
    await h.settle();
    // The channel's card was never replaced by anyone's form or thank-you.
    expect(card.versions).toBe(1);
    // One answer per person, as everywhere else.
    const again = await execute("g1", card.id, { rb_action: open });
    expect(textOf(again.body.value)).toContain("already answered");
    // Someone outside the audience is told so, privately.
    const outsider = await execute("stranger", card.id, { rb_action: open });
    expect(textOf(outsider.body.value)).toMatch(/sent to other people|not invited/);
    // A core too slow to answer in place shows nothing in the channel: no edit, no notice naming anyone.
    const secret = h.app.store.rounds.secret.bind(h.app.store.rounds);
    h.app.store.rounds.secret = async (id: string) => {
      await new Promise((r) => setTimeout(r, 4500));
      return secret(id);
    };
    const sentBefore = h.connector.sent.length;
    const late = await execute("g2", card.id, { rb_action: open });
    h.app.store.rounds.secret = secret;
    await h.settle();
    expect(late.body.type).toBe("application/vnd.microsoft.activity.message");
    expect(card.versions).toBe(1);
    expect(h.connector.sent.slice(sentBefore).filter((s) => s.conversationId === CHANNEL)).toEqual([]);
    h.clock.advance(49 * 3_600_000);
    await h.message("coord", "pulse close", { conversation: CHANNEL });
    await h.settle();
    const results = h.connector.sent.filter((s) => s.conversationId === CHANNEL && h.textOf(s).includes("Pulse results")).at(-1)!;
    expect(h.textOf(results)).toContain("5 of 5 answered (100%)");
  });
});

describe("Teams: a private browser link where the form cannot show in the card", () => {
  it("offers the person who pressed a single-use link to the answer page, recorded as their one answer", async () => {
    const t = await startTeamsBot({ authenticated: true, env: { PUBLIC_URL: "http://reflect.test" } });
    try {
      for (const u of ["admin-aad", "coord"]) await t.install(u);
      await t.message("admin-aad", "privacy", { conversation: CHANNEL });
      await t.settle();
      t.connector.members.set(
        CHANNEL,
        ["coord", ...GUESTS].map((u) => ({ id: `29:${u}`, name: u, aadObjectId: u })),
      );
      await t.message("admin-aad", "role @coord coordinator", { mentions: ["coord"] });
      await t.message("coord", "pulse start quick-pulse closes in 7d", { conversation: CHANNEL });
      await t.settle();
      const card = t.connector.sent.find((s) => s.conversationId === CHANNEL && t.textOf(s).includes("your form opens for you alone"))!;
      // The shared card itself carries no link (it is everyone's).
      expect(t.textOf(card)).not.toContain("/answer/");
      const press = async (user: string, data: Record<string, unknown>) => {
        const res = await t.send({
          type: "invoke",
          name: "adaptiveCard/action",
          id: `inv-${Math.random()}`,
          channelId: "msteams",
          serviceUrl: t.connector.url,
          from: { id: `29:${user}`, aadObjectId: user, name: user },
          recipient: { id: `28:${APP_ID}` },
          conversation: { id: CHANNEL, conversationType: "channel", tenantId: TENANT },
          replyToId: card.id,
          value: { action: { type: "Action.Execute", verb: data.rb_action, data } },
        });
        return JSON.stringify(((await res.json()) as { value: unknown }).value);
      };
      const open = findAction(card.activity, "pulse.open");
      const linkIn = (form: string) => /http:\/\/reflect\.test(\/answer\/[A-Za-z0-9_-]{22})/.exec(form)?.[1];
      const first = linkIn(await press("g1", { rb_action: open }));
      expect(first).toBeDefined();
      // A second press makes a new link; only the newest works.
      const second = linkIn(await press("g1", { rb_action: open }));
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
      expect((await fetch(`${t.base}${first}`)).status).toBe(404);
      const page = await (await fetch(`${t.base}${second}`)).text();
      const names = [...new Set([...page.matchAll(/name="(q:[a-z-]+)" value="3"/g)].map((m) => m[1]!))];
      expect(names.length).toBeGreaterThan(0);
      const posted = await fetch(`${t.base}${second}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(Object.fromEntries(names.map((q) => [q, "3"]))).toString(),
      });
      expect(posted.status).toBe(200);
      expect(await posted.text()).toContain("Thank you: your answers are in");
      // The same person, back in the card: already answered (one answer across both ways).
      expect(await press("g1", { rb_action: open })).toContain("already answered");
      expect((await fetch(`${t.base}${second}`)).status).toBe(410);
      // Closed: the links go with the invitations.
      t.clock.advance(49 * 3_600_000);
      await t.message("coord", "pulse close", { conversation: CHANNEL });
      await t.settle();
      expect(await t.app.store.rawQuery("SELECT 1 FROM round_invitees WHERE token_hash IS NOT NULL")).toEqual([]);
    } finally {
      await t.stop();
    }
  });
});
