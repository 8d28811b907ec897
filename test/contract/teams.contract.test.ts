import { adapterContract } from "./adapter-contract.ts";
import { startTeamsBot, TENANT } from "../fakes/teams-harness.ts";

adapterContract("teams (CloudAdapter against the fake Bot Connector)", async () => {
  const h = await startTeamsBot({ authenticated: true });
  const members = ["u1", "u2", "u3"];
  for (const u of members) await h.install(u);
  // The bot learns the channel when someone talks to it there.
  await h.message("u1", "privacy", { conversation: "19:channel@thread.tacv2" });
  await h.settle();
  h.connector.members.set(
    "19:channel@thread.tacv2",
    members.map((u) => ({ id: `29:${u}`, name: u, aadObjectId: u })),
  );
  h.connector.sent.length = 0;
  return {
    adapter: h.adapter,
    workspaceId: `teams:${TENANT}`,
    channelId: "19:channel@thread.tacv2",
    channelMembers: members,
    async seenBy(userId) {
      return h.connector.sent
        .filter((s) => s.conversationId === `personal-${userId}` || s.conversationId === "19:channel@thread.tacv2")
        .map((s) => ({ conversationId: s.conversationId, text: h.textOf(s), private: s.conversationId.startsWith("personal-") }));
    },
    async sendCommand(userId, text) {
      const res = await h.message(userId, text, { conversation: "19:channel@thread.tacv2" });
      if (res.status !== 200) throw new Error(`activity answered ${res.status}: ${await res.text()}`);
    },
    settle: () => h.settle(),
    teardown: () => h.stop(),
  };
});
