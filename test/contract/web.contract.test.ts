import { adapterContract } from "./adapter-contract.ts";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import { defaultChannels } from "../../adapters/web/seed.ts";

adapterContract("web playground", async () => {
  const config = loadConfig({ PORT: "0", DATA_DIR: "memory://", PLAYGROUND: "true" });
  config.dataDir = "memory://";
  const app = await createApp(config, { logger: createMemoryLogger(), scheduler: false, outboxPollMs: 50 });
  const port = await app.start();
  const base = `http://127.0.0.1:${port}`;
  const channel = defaultChannels[0]!;
  const stripTags = (html: string) =>
    html
      .replace(/<[^>]+>/g, " ")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ");
  return {
    adapter: app.adapters.get("web")!,
    workspaceId: "web:playground",
    channelId: channel.id,
    channelMembers: channel.members,
    async seenBy(userId) {
      const res = await fetch(`${base}/playground/api/messages?persona=${userId}&after=0`);
      const body = (await res.json()) as { messages: { conversationId: string; html: string; private: boolean; author: string | null }[] };
      return body.messages.filter((m) => m.author === null).map((m) => ({ conversationId: m.conversationId, text: stripTags(m.html), private: m.private }));
    },
    async sendCommand(userId, text) {
      const res = await fetch(`${base}/playground/api/send`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ persona: userId, conversation: channel.id, text: `/reflect ${text}` }),
      });
      if (res.status !== 202) throw new Error(`send failed: ${res.status} ${await res.text()}`);
    },
    settle: () => app.outboxWorker.drain().then(() => undefined),
    teardown: () => app.stop(),
  };
});
