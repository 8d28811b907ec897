import { adapterContract } from "./adapter-contract.ts";
import { startSlackBot } from "../fakes/slack-harness.ts";

adapterContract("slack (Bolt against the fake Web API)", async () => {
  const h = await startSlackBot();
  h.fake.channels.set("CPARTNERS", ["U1", "U2", "U3"]);
  return {
    adapter: h.adapter,
    workspaceId: "slack:T1",
    channelId: "CPARTNERS",
    channelMembers: ["U1", "U2", "U3"],
    async seenBy(userId) {
      return h.seenBy(userId).map((m) => ({ conversationId: m.channel, text: h.textOf(m), private: Boolean(m.ephemeralUser) || m.channel.startsWith("D") }));
    },
    async sendCommand(userId, text) {
      const res = await h.command(userId, text, { channel: "CPARTNERS" });
      if (res.status !== 200) throw new Error(`command answered ${res.status}`);
    },
    settle: () => h.settle(),
    teardown: () => h.stop(),
  };
});
