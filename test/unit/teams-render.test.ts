import { describe, expect, it } from "vitest";
import { cardToAdaptiveCard } from "../../adapters/teams/render.ts";
import { activityToEvent, normaliseText, activitySchema } from "../../adapters/teams/receive.ts";
import type { Card } from "../../src/core/card.ts";
import { loadPrompts } from "../../src/core/prompts/load.ts";
import { createI18n } from "../../src/core/i18n.ts";
import { formCard, invitationCard } from "../../src/surveys/cards.ts";
import { rubricFormCard } from "../../src/rubrics/cards.ts";
import type { Round } from "../../src/store/types.ts";
import { adaptiveCardProblems } from "../fakes/adaptive-cards.ts";

const problems = adaptiveCardProblems;

const prompts = loadPrompts("prompts");
const t = createI18n(prompts.messages).forLocale("en");
const round = {
  id: "r1",
  ref: "abc12",
  workspaceId: "teams:t",
  kind: "pulse",
  snapshotId: "s",
  partnershipId: null,
  mode: "individual",
  questionKeys: prompts.surveys.get("partner-pulse")!.questions.map((q) => q.key),
  originChannelId: null,
  audience: { channels: [], users: [] },
  createdBy: "c",
  invitedCount: 6,
  unreachableCount: 0,
  reach: { dm: 0, channel: 0, email: 0 },
  recurrence: null,
  sequence: 1,
  status: "open",
  opensAt: new Date(0),
  closesAt: new Date(86_400_000),
  closedAt: null,
  threshold: 5,
  commentThreshold: 5,
  minCommenters: 2,
  minOpenHours: 48,
  segmentPlan: null,
} as Round;

const cards: [string, Card][] = [
  ["invitation", invitationCard({ t, zone: "UTC" }, round, prompts.surveys.get("partner-pulse")!)],
  ["pulse form", formCard({ t, zone: "UTC" }, round, prompts.surveys.get("partner-pulse")!)],
  ["rubric form", rubricFormCard(t, { ...round, kind: "rubric", mode: "individual" }, prompts.rubrics.get("clarissa")!, "Shanti Network", null)],
  [
    "everything",
    {
      summary: "All",
      elements: [
        { type: "text", text: "Heading", style: "heading" },
        { type: "text", text: "*bold* and <@u1> in <#c1>", style: "plain" },
        { type: "fields", fields: [{ label: "A", value: "1" }] },
        { type: "divider" },
        { type: "context", text: ":lock: small print" },
        { type: "image", url: "data:image/png;base64,iVBORw0KGgo=", alt: "Chart" },
        { type: "file", filename: "x.csv", mimeType: "text/csv", content: "a,b\n1,2" },
        { type: "choices", id: "c", label: "Pick", options: [{ value: "a", label: "A" }], display: "dropdown" },
        { type: "input", id: "i", label: "Say", multiline: true, maxLength: 10 },
        { type: "buttons", buttons: [{ actionId: "x:y", label: "Go", value: "v", style: "primary", submit: true }] },
      ],
    },
  ],
];

describe("cardToAdaptiveCard (pure)", () => {
  it.each(cards)("%s parses in the adaptivecards library with no errors", (_name, card) => {
    const json = cardToAdaptiveCard(card, { nameOf: (kind, id) => (kind === "user" ? `Name of ${id}` : id) });
    expect(json.version).toBe("1.5");
    expect(problems(json)).toEqual([]);
  });

  it("renders the card model stably", () => {
    expect(cardToAdaptiveCard(cards[3]![1], { nameOf: (kind, id) => (kind === "user" ? `Name of ${id}` : id) })).toMatchSnapshot();
  });

  it("lets the library report a broken card (the check is real)", () => {
    expect(problems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "NoSuchElement" }] }).length).toBeGreaterThan(0);
  });
});

describe("Teams activities → events (recorded shapes)", () => {
  const base = {
    serviceUrl: "https://smba.trafficmanager.net/emea/",
    channelId: "msteams",
    from: { id: "29:1abc", aadObjectId: "aad-1", name: "Priya" },
    recipient: { id: "28:bot", name: "Reflect" },
    channelData: { tenant: { id: "tenant-1" } },
  };

  it("strips the bot mention and keeps other mentions as <@teamsId>", () => {
    const a = activitySchema.parse({
      ...base,
      type: "message",
      id: "1",
      conversation: { id: "19:x@thread.tacv2", conversationType: "channel", tenantId: "tenant-1" },
      text: "<at>Reflect</at> role <at>Carlos</at> coordinator",
      entities: [
        { type: "mention", text: "<at>Reflect</at>", mentioned: { id: "28:bot", name: "Reflect" } },
        { type: "mention", text: "<at>Carlos</at>", mentioned: { id: "29:carlos", name: "Carlos" } },
      ],
    });
    expect(normaliseText(a)).toEqual({ text: "role <@29:carlos> coordinator", mentionedBot: true, mentionIds: ["29:carlos"] });
    expect(activityToEvent(a)).toMatchObject({ kind: "message", mentioned: true, isDirect: false, userId: "aad-1", workspaceId: "teams:tenant-1" });
  });

  it("reads Action.Submit and Action.Execute as action events with their input values", () => {
    const submit = activityToEvent({
      ...base,
      type: "message",
      id: "2",
      replyToId: "act9",
      conversation: { id: "a:personal", conversationType: "personal", tenantId: "tenant-1" },
      value: { rb_action: "pulse:submit:r1", "q:respect": "4" },
    });
    expect(submit).toMatchObject({ kind: "action", actionId: "pulse:submit:r1", values: { "q:respect": "4" }, messageRef: { messageId: "act9" }, isDirect: true });
    const execute = activityToEvent({
      ...base,
      type: "invoke",
      name: "adaptiveCard/action",
      id: "3",
      replyToId: "act9",
      conversation: { id: "a:personal", conversationType: "personal", tenantId: "tenant-1" },
      value: { action: { type: "Action.Execute", verb: "pulse:open:r1", data: {} } },
    });
    expect(execute).toMatchObject({ kind: "action", actionId: "pulse:open:r1" });
  });

  it("reads installs and removals (of one conversation, never the tenant), and ignores what it does not know", () => {
    const conv = { id: "a:personal", conversationType: "personal", tenantId: "tenant-1" };
    expect(activityToEvent({ ...base, type: "installationUpdate", action: "add", id: "4", conversation: conv })).toMatchObject({ kind: "installed" });
    expect(activityToEvent({ ...base, type: "installationUpdate", action: "remove", id: "5", conversation: conv })).toMatchObject({ kind: "conversation_removed" });
    const team = { id: "19:team@thread.tacv2", conversationType: "channel", tenantId: "tenant-1" };
    expect(activityToEvent({ ...base, type: "installationUpdate", action: "remove-upgrade", id: "7", conversation: team })).toMatchObject({ kind: "conversation_removed" });
    expect(activityToEvent({ ...base, type: "typing", id: "6", conversation: conv })).toBeNull();
    expect(activityToEvent({ type: "message" })).toBeNull();
  });
});
