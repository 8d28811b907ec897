/**
 * Runs the load generator in its own thread, as Slack's or Teams' servers would be another
 * machine: the process under test does only its own work. Messages: { url, kind, rate, seconds }.
 */
import { parentPort, workerData } from "node:worker_threads";
import { constantRate } from "./load.ts";
import { sendSigned } from "../test/fakes/fake-slack.ts";

const { secret } = workerData as { secret: string };

const commandBody = (i: number) =>
  new URLSearchParams({
    team_id: "T1",
    channel_id: "CBENCH",
    user_id: `U${i % 50}`,
    command: "/reflect",
    text: i % 2 ? "help" : "privacy",
    trigger_id: `t${i}-${Date.now()}`,
  }).toString();
const actionBody = (i: number) =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: "block_actions",
      user: { id: `U${i % 50}` },
      team: { id: "T1" },
      trigger_id: `a${i}-${Date.now()}`,
      container: { type: "message", message_ts: "1.1", channel_id: `DU${i % 50}` },
      actions: [{ action_id: "review:snooze:none", type: "button", action_ts: String(i) }],
    }),
  }).toString();

/** Teams: a personal-chat message with a bearer token, as the Bot Connector sends it. */
const teamsActivity = (i: number, serviceUrl: string, tenant: string, appId: string) =>
  JSON.stringify({
    type: "message",
    id: `bench-${i}-${Date.now()}`,
    channelId: "msteams",
    serviceUrl,
    from: { id: `29:u${i % 50}`, aadObjectId: `u${i % 50}` },
    recipient: { id: `28:${appId}` },
    conversation: { id: `personal-u${i % 50}`, conversationType: "personal", tenantId: tenant },
    text: i % 2 ? "help" : "privacy",
  });

parentPort!.on(
  "message",
  async (m: { url: string; kind: "command" | "action" | "teams"; rate: number; seconds: number; token?: string; serviceUrl?: string; tenant?: string; appId?: string }) => {
    const body = m.kind === "command" ? commandBody : actionBody;
    const run =
      m.kind === "teams"
        ? await constantRate(m.rate, m.seconds, (i) =>
            fetch(`${m.url}/api/messages`, {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${m.token}` },
              body: teamsActivity(i, m.serviceUrl!, m.tenant!, m.appId!),
            }),
          )
        : await constantRate(m.rate, m.seconds, (i) => sendSigned(m.url, secret, body(i)));
    parentPort!.postMessage({ latencies: run.latencies, errors: run.errors, statuses: [...run.statuses] });
  },
);
