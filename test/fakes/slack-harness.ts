/** The whole bot with the Slack adapter against the fake Web API, driven by signed requests. */
import { createApp, type App } from "../../src/app.ts";
import { createOffsetClock, type FixedClock } from "../../src/core/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import type { SlackAdapter } from "../../adapters/slack/adapter.ts";
import { sendSigned, startFakeSlack, type FakeSlack, type SlackMessage } from "./fake-slack.ts";

export const SLACK_SECRET = "test-signing-secret-0123456789";
export const TEAM = "T1";

export interface SlackHarness {
  app: App;
  /** The bot's clock: real time, moved forward by tests when days must pass. */
  clock: FixedClock;
  fake: FakeSlack;
  base: string;
  adapter: SlackAdapter;
  logs: ReturnType<typeof createMemoryLogger>["lines"];
  command(user: string, text: string, options?: { channel?: string; command?: string }): Promise<Response>;
  click(user: string, message: SlackMessage, actionId: string, options?: { value?: string; values?: Record<string, string>; triggerId?: string }): Promise<Response>;
  submitView(user: string, view: Record<string, unknown>, values: Record<string, string>): Promise<Response>;
  event(event: Record<string, unknown>, options?: { retryNum?: number; eventId?: string }): Promise<Response>;
  settle(): Promise<void>;
  /** Plain text of a message's blocks (what a person would read). */
  textOf(message: SlackMessage): string;
  seenBy(user: string): SlackMessage[];
  stop(): Promise<void>;
}

let n = 0;

export function blocksText(blocks: unknown[]): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Record<string, unknown>;
    if (typeof o.text === "string") out.push(o.text);
    for (const [k, x] of Object.entries(o)) if (k !== "text" || typeof x !== "string") walk(x);
  };
  walk(blocks);
  return out.join("\n");
}

/** Slack's state.values for a set of form values (radio/select options or text). */
function stateOf(values: Record<string, string>): Record<string, unknown> {
  return {
    values: Object.fromEntries(
      Object.entries(values).map(([id, value]) => [
        `b:${id}`,
        { [id]: id.startsWith("q:comment") || id.startsWith("n:") ? { type: "plain_text_input", value } : { type: "radio_buttons", selected_option: { value } } },
      ]),
    ),
  };
}

export async function startSlackBot(env: Record<string, string> = {}, options: { realPacing?: boolean } = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack(TEAM);
  const logger = createMemoryLogger();
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "memory://",
    PLAYGROUND: "false",
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
  config.dataDir = "memory://";
  const clock = createOffsetClock();
  const app = await createApp(config, {
    clock,
    logger,
    scheduler: false,
    outboxPollMs: 20,
    ...(options.realPacing ? {} : { pacing: { slack: { perConversationIntervalMs: 0, perWorkspacePerSecond: 0, maxAttempts: 6 } }, slackRateTiers: false }),
  });
  const port = await app.start();
  const base = `http://127.0.0.1:${port}`;
  const adapter = app.adapters.get("slack") as SlackAdapter;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await adapter.idle();
      await app.outboxWorker.drain();
    }
  };
  return {
    app,
    clock,
    fake,
    base,
    adapter,
    logs: logger.lines,
    async command(user, text, options = {}) {
      const channel = options.channel ?? "CGENERAL";
      const body = new URLSearchParams({
        token: "x",
        team_id: TEAM,
        team_domain: "t1",
        channel_id: channel,
        channel_name: channel.startsWith("D") ? "directmessage" : "general",
        user_id: user,
        user_name: user.toLowerCase(),
        command: options.command ?? "/reflect",
        text,
        api_app_id: "A1",
        response_url: fake.responseUrl(`${channel}|cmd${++n}|${user}`),
        trigger_id: `trig-${++n}`,
      }).toString();
      return sendSigned(base, SLACK_SECRET, body);
    },
    async click(user, message, actionId, options = {}) {
      const payload = {
        type: "block_actions",
        // A shared channel's member from another organisation keeps their own team id; `team`
        // is the workspace the message belongs to.
        user: { id: user, username: user.toLowerCase(), team_id: fake.users.get(user)?.team_id ?? TEAM },
        team: { id: TEAM, domain: "t1" },
        api_app_id: "A1",
        trigger_id: options.triggerId ?? `trig-${++n}`,
        response_url: fake.responseUrl(`${message.channel}|${message.ts}`),
        container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: Boolean(message.ephemeralUser) },
        channel: { id: message.channel, name: "x" },
        message: { ts: message.ts, type: "message" },
        state: stateOf(options.values ?? {}),
        actions: [{ action_id: actionId, block_id: "b", type: "button", action_ts: String(++n), ...(options.value !== undefined ? { value: options.value } : {}) }],
      };
      return sendSigned(base, SLACK_SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    },
    async submitView(user, view, values) {
      const payload = {
        type: "view_submission",
        // Slack Connect: a modal submitted by another organisation's member carries their team;
        // only `view.app_installed_team_id` names the workspace that installed the app.
        team: { id: fake.users.get(user)?.team_id ?? TEAM, domain: "t1" },
        user: { id: user, team_id: fake.users.get(user)?.team_id ?? TEAM },
        api_app_id: "A1",
        trigger_id: `trig-${++n}`,
        view: {
          id: `V${++n}`,
          hash: `h${n}`,
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          app_installed_team_id: TEAM,
          state: stateOf(values),
        },
      };
      return sendSigned(base, SLACK_SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    },
    async event(event, options = {}) {
      const body = JSON.stringify({ token: "x", team_id: TEAM, api_app_id: "A1", type: "event_callback", event_id: options.eventId ?? `Ev${++n}`, event_time: 1, event });
      return sendSigned(base, SLACK_SECRET, body, { contentType: "application/json", ...(options.retryNum ? { retryNum: options.retryNum } : {}) });
    },
    settle,
    textOf: (m) => `${m.text}\n${blocksText(m.blocks)}`,
    seenBy(user) {
      return fake.messages.filter((m) => {
        if (m.ephemeralUser) return m.ephemeralUser === user;
        if (m.channel.startsWith("D")) return m.channel === `D${user}`;
        const members = fake.channels.get(m.channel);
        return !members || members.includes(user);
      });
    },
    async stop() {
      await app.stop();
      await fake.close();
    },
  };
}
