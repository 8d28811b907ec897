import { describe, expect, it } from "vitest";
import { cardToBlockKit, cardToModal, LIMITS, split, valuesFromState } from "../../adapters/slack/render.ts";
import type { Card } from "../../src/core/card.ts";
import { commandToEvent, blockActionToEvent, eventToBotEvent, viewSubmissionToEvent } from "../../adapters/slack/receive.ts";

const invitation: Card = {
  summary: "You're invited",
  elements: [
    { type: "text", text: "Partner pulse: a short anonymous pulse", style: "heading" },
    { type: "text", text: "Body with *bold* and **double** and <@U1>", style: "plain" },
    { type: "fields", fields: [{ label: "State", value: "open" }] },
    { type: "buttons", buttons: [{ actionId: "pulse:open:r1", label: "Answer now", style: "primary" }] },
    { type: "context", text: "Round abc" },
    { type: "divider" },
  ],
};

describe("cardToBlockKit (pure)", () => {
  it("renders the card model as Block Kit", () => {
    expect(cardToBlockKit(invitation)).toMatchSnapshot();
  });

  it("renders forms as input blocks and as a modal carrying the source message", () => {
    const form: Card = {
      summary: "Form",
      elements: [
        { type: "text", text: "Partner pulse", style: "heading" },
        {
          type: "choices",
          id: "q:respect",
          label: "Respect",
          options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })).concat([{ value: "skip", label: "Prefer not to say" }]),
        },
        { type: "input", id: "q:comment", label: "Anything else?", multiline: true, maxLength: 1000 },
        { type: "buttons", buttons: [{ actionId: "pulse:submit:r1", label: "Submit answers", submit: true }] },
      ],
    };
    const message = cardToBlockKit(form);
    expect(message.blocks.map((b) => b.type)).toEqual(["header", "input", "input", "actions"]);
    const modal = cardToModal(form, { channel: "D1", ts: "1.2", submitActionId: "pulse:submit:r1" });
    expect(modal).toMatchSnapshot();
    expect(JSON.parse(String(modal.private_metadata))).toEqual({ channel: "D1", ts: "1.2", submitActionId: "pulse:submit:r1" });
    expect(JSON.stringify(modal.blocks)).not.toContain("pulse:submit:r1");
  });

  it("keeps within Slack's limits: 50 blocks, 3,000 characters per section, 75 per button, 150 per option, 10 radio options", () => {
    const many: Card = { summary: "x", elements: Array.from({ length: 80 }, (_, i) => ({ type: "text" as const, text: `line ${i}`, style: "plain" as const })) };
    const blocks = cardToBlockKit(many).blocks;
    expect(blocks).toHaveLength(LIMITS.blocks);
    expect(JSON.stringify(blocks.at(-1))).toContain("31 more parts of this message are not shown");

    const long = cardToBlockKit({ summary: "x", elements: [{ type: "text", text: ("a".repeat(100) + "\n").repeat(70), style: "plain" }] }).blocks;
    expect(long.length).toBeGreaterThan(2);
    for (const b of long) expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(3000);

    const button = cardToBlockKit({ summary: "x", elements: [{ type: "buttons", buttons: [{ actionId: "a", label: "L".repeat(200) }] }] }).blocks[0]!;
    const label = (button.elements as { text: { text: string } }[])[0]!.text.text;
    expect(label).toHaveLength(75);
    expect(label.endsWith("…")).toBe(true);

    const choices = cardToBlockKit({
      summary: "x",
      elements: [
        { type: "choices", id: "c", label: "C", options: Array.from({ length: 12 }, (_, i) => ({ value: `v${i}`, label: "o".repeat(200), description: "d".repeat(300) })) },
      ],
    }).blocks[0]!;
    const element = choices.element as { type: string; options: { text: { text: string } }[] };
    expect(element.type).toBe("static_select");
    expect(element.options[0]!.text.text.length).toBe(75);
    expect(split("abc\ndef", 4)).toEqual(["abc", "def"]);
  });

  it("turns data: images and files into uploads instead of blocks", () => {
    const png = Buffer.from("89504e47", "hex").toString("base64");
    const m = cardToBlockKit({
      summary: "x",
      elements: [
        { type: "image", url: `data:image/png;base64,${png}`, alt: "Chart" },
        { type: "file", filename: "a.csv", mimeType: "text/csv", content: "a,b" },
      ],
    });
    expect(m.blocks).toEqual([]);
    expect(m.uploads.map((u) => [u.filename, u.data.length])).toEqual([
      ["Chart.png", 4],
      ["a.csv", 3],
    ]);
  });
});

describe("Slack payloads → events (recorded shapes)", () => {
  it("reads a slash command (Slack's documented fields) as a command event", () => {
    const e = commandToEvent({
      token: "x",
      team_id: "T0001",
      team_domain: "example",
      channel_id: "C2147483705",
      channel_name: "test",
      user_id: "U2147483697",
      user_name: "Steve",
      command: "/pulse",
      text: "start to &lt;#C1|partners&gt;",
      response_url: "https://hooks.slack.com/commands/1234/5678",
      trigger_id: "13345224609.738474920.8088930838d88f008e0",
    });
    expect(e).toMatchObject({ kind: "command", command: "pulse", text: "start to <#C1|partners>", workspaceId: "slack:T0001", userId: "U2147483697", isDirect: false });
  });

  it("reads block_actions with state values, and view_submission with the source message", () => {
    const a = blockActionToEvent({
      type: "block_actions",
      user: { id: "U1", username: "u" },
      team: { id: "T1" },
      trigger_id: "t",
      container: { type: "message", message_ts: "1.2", channel_id: "D1" },
      actions: [{ action_id: "pulse:submit:r", type: "button" }],
      state: { values: { "b:q:respect": { "q:respect": { type: "radio_buttons", selected_option: { value: "4" } } } } },
    });
    expect(a).toMatchObject({ kind: "action", actionId: "pulse:submit:r", values: { "q:respect": "4" }, messageRef: { conversationId: "D1", messageId: "1.2" }, isDirect: true });
    const v = viewSubmissionToEvent({
      type: "view_submission",
      team: { id: "T1" },
      user: { id: "U1" },
      view: { id: "V1", private_metadata: JSON.stringify({ channel: "D1", ts: "1.2", submitActionId: "pulse:submit:r" }), state: { values: {} } },
    });
    expect(v).toMatchObject({ actionId: "pulse:submit:r", messageRef: { conversationId: "D1", messageId: "1.2" } });
    expect(valuesFromState({ values: { b: { x: { selected_options: [{ value: "a" }, { value: "b" }] } } } })).toEqual({ x: "a,b" });
  });

  it("reads DMs and mentions, ignores bots and channel chatter", () => {
    const env = (event: Record<string, unknown>) => ({ type: "event_callback", team_id: "T1", event_id: "Ev1", event });
    expect(eventToBotEvent(env({ type: "app_mention", user: "U1", text: "<@UBOT> pulse status", channel: "C1" }), "UBOT")).toMatchObject({
      kind: "message",
      text: "pulse status",
      mentioned: true,
    });
    expect(eventToBotEvent(env({ type: "message", channel_type: "im", user: "U1", text: "help", channel: "D1" }))).toMatchObject({ kind: "message", isDirect: true });
    expect(eventToBotEvent(env({ type: "message", channel_type: "channel", user: "U1", text: "hello", channel: "C1" }))).toBeNull();
    expect(eventToBotEvent(env({ type: "message", channel_type: "im", bot_id: "B1", user: "U1", text: "x", channel: "D1" }))).toBeNull();
    // A revoked token is only a token: never a reason to touch the workspace.
    expect(eventToBotEvent(env({ type: "tokens_revoked", tokens: {} }))).toMatchObject({ kind: "tokens_revoked" });
  });
});
