/**
 * An admin exports the workspace and asks for its deletion, confirmed by typing its name; the
 * other admins hear of it; `workspace keep` cancels; the retention job deletes after the grace
 * period. The export carries results only as gated as their cards.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_TEAM, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { slotContaining } from "../../src/jobs/slots.ts";

let h: Harness;
const partners = ["p1", "p2", "p3", "p4", "p5", "p6"];
const DAY = 86_400_000;

beforeEach(async () => {
  h = await createHarness({ admins: ["amina", "bea"], now: "2026-11-23T08:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  await h.command("carlos", 'partner add "Shanti Network"');
  await h.command("carlos", 'partner orgs "Shanti Network" add "Shanti Network"');
  h.fake.rosters.set(
    "C-P",
    partners.map((userId) => ({ userId, reachable: true })),
  );
});
afterEach(async () => {
  await h.stop();
});

const fileOf = (deliveries: Awaited<ReturnType<Harness["command"]>>) => {
  const file = deliveries.flatMap((d) => d.card.elements).find((e) => e.type === "file");
  return file?.type === "file" ? file : undefined;
};

async function answeredPulse(answers: number): Promise<void> {
  await h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-P" });
  const round = (await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" }))[0]!.id;
  for (const p of partners.slice(0, answers)) {
    const invitation = h.fake.deliveries.filter((d) => d.conversationId === `D-${p}`).at(-1)!;
    await h.click(p, invitation, `pulse:open:${round}`);
    await h.click(p, invitation, `pulse:submit:${round}`, { "q:respect": "4", "q:long-term": "2", "q:comment": `note from ${p}` });
  }
  h.clock.advance(49 * 3_600_000);
  await h.command("carlos", "pulse close");
}

describe("workspace export", () => {
  it("gives admins a JSON file of settings, people, register and gated results, never answers", async () => {
    await answeredPulse(6);
    const replies = await h.command("amina", "workspace export");
    // Said at once, before the file, which comes when it is ready.
    expect(h.text(replies.slice(0, 1))).toContain("Preparing the export");
    const file = fileOf(replies);
    expect(file?.mimeType).toBe("application/json");
    const doc = JSON.parse(file!.content) as Record<string, unknown> & { rounds: { kind: string; results: { respondents: number; questions: unknown[] } }[] };
    expect(doc).toMatchObject({ format: "partnership-reflection-workspace", version: 1, exportedBy: "amina" });
    expect(JSON.stringify(doc.partnerships)).toContain("Shanti Network");
    expect(JSON.stringify(doc.members)).toContain('"role":"coordinator"');
    expect(doc.rounds[0]).toMatchObject({ kind: "pulse", status: "closed", results: { respondents: 6 } });
    // No invitee list, participation or person hash: nothing ties an answer to a person.
    const text = JSON.stringify(doc.rounds);
    for (const p of partners) expect(text).not.toContain(`"${p}"`);
    expect(h.text(await h.command("carlos", "workspace export"))).toContain("needs the admin role");
  });

  it("withholds the figures of a round under the threshold, as its results card does", async () => {
    await answeredPulse(2);
    const doc = JSON.parse(fileOf(await h.command("amina", "workspace export"))!.content) as {
      rounds: { results: { decision: { visible: boolean }; questions: unknown[]; comments: unknown } }[];
    };
    expect(doc.rounds[0]!.results.decision.visible).toBe(false);
    expect(JSON.stringify(doc.rounds[0])).not.toContain("note from");
  });
});

describe("workspace delete", () => {
  it("explains and attaches the export, refuses a wrong name, schedules on the right one and tells the other admins", async () => {
    const explained = await h.command("amina", "workspace delete");
    expect(h.text(explained)).toContain(`To confirm, type exactly: \`/reflect workspace delete ${FAKE_TEAM}\``);
    expect(fileOf(explained)).toBeDefined();
    expect((await h.app.store.workspaces.get(FAKE_WORKSPACE))?.deletion).toBeNull();

    expect(h.text(await h.command("amina", "workspace delete Some Other Team"))).toContain('"Some Other Team" is not this workspace\'s name, so nothing was scheduled');
    expect((await h.app.store.workspaces.get(FAKE_WORKSPACE))?.deletion).toBeNull();

    expect(h.text(await h.command("amina", `workspace delete ${FAKE_TEAM.toLowerCase()}`))).toContain("will be deleted after 2026-12-23");
    expect((await h.app.store.workspaces.get(FAKE_WORKSPACE))?.deletion?.reason).toBe("requested");
    const notice = h.fake.deliveries.filter((d) => d.conversationId === "D-bea").map((d) => h.fake.textOf(d));
    expect(notice.join("\n")).toContain("<@amina> asked for this workspace's data to be deleted after 2026-12-23");
    expect(h.fake.deliveries.filter((d) => d.conversationId === "D-amina")).toHaveLength(0);
    expect(h.text(await h.command("carlos", `workspace delete ${FAKE_TEAM}`))).toContain("needs the admin role");
    expect(h.text(await h.command("amina", "workspace"))).toContain("an admin asked for it: the data is deleted after 2026-12-23");
  });

  it("keeps every admin able to cancel: no demotion while a deletion is pending, a demoted admin is told, a repeated request is announced again", async () => {
    await h.command("amina", `workspace delete ${FAKE_TEAM}`);
    expect(h.text(await h.command("amina", "role <@bea> partner"))).toContain("admins keep their role");
    expect((await h.app.store.members.get(FAKE_WORKSPACE, "bea"))?.role).toBe("admin");
    await h.command("bea", "workspace keep");
    // Asked again the same day: the other admin hears of it again.
    await h.command("amina", `workspace delete ${FAKE_TEAM}`);
    const notices = h.fake.deliveries.filter((d) => d.conversationId === "D-bea" && h.fake.textOf(d).includes("asked for this workspace's data to be deleted"));
    expect(notices).toHaveLength(2);
    await h.command("bea", "workspace keep");
    // With nothing pending an admin may be demoted, and is told by DM.
    await h.command("amina", "role <@bea> coordinator");
    expect(
      h.fake.deliveries
        .filter((d) => d.conversationId === "D-bea")
        .map((d) => h.fake.textOf(d))
        .join("\n"),
    ).toContain("<@amina> changed your role in this workspace from admin to coordinator");
  });

  it("leaves no row of a deleted workspace in any table, round bookkeeping included", async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-P" });
    const round = (await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" }))[0]!;
    const job = h.app.jobs.get("pulse-reminders");
    h.clock.set("2026-11-25T09:00:00Z");
    await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
    await h.flush();
    const reminder = h.fake.deliveries.find((d) => d.conversationId === "D-p1" && buttonsOf(d.card).some((b) => b.actionId.startsWith("pulse.reminders-off:")));
    const off = buttonsOf(reminder!.card).find((b) => b.actionId.startsWith("pulse.reminders-off:"))!;
    await h.click("p1", reminder!, off.actionId);
    expect(await h.app.store.rawQuery("SELECT 1 FROM reminder_optouts WHERE round_id = $1", round.id)).toHaveLength(1);
    await h.app.store.workspaces.purge(FAKE_WORKSPACE);
    const tables = await h.app.store.rawQuery<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%'",
    );
    expect(tables.length).toBeGreaterThan(15);
    for (const { table_name } of tables) {
      const rows = await h.app.store.rawQuery<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      const left = rows.filter((r) => r.row.includes(FAKE_WORKSPACE) || r.row.includes(round.id));
      expect(left, table_name).toEqual([]);
    }
  });

  it("is cancelled by workspace keep; otherwise the retention job deletes after the grace period", async () => {
    const job = h.app.jobs.get("retention");
    const retention = () => h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
    await h.command("amina", `workspace delete ${FAKE_TEAM}`);
    expect(h.text(await h.command("bea", "workspace keep"))).toContain("cancelled");
    expect(h.text(await h.command("bea", "workspace keep"))).toContain("No deletion is pending");
    h.clock.advance(31 * DAY);
    await retention();
    expect(await h.app.store.partnerships.list(FAKE_WORKSPACE)).toHaveLength(1);

    await h.command("amina", "settings deletion-grace 7");
    await h.command("amina", `workspace delete ${FAKE_TEAM}`);
    // Events keep working until then, and a requested deletion is not undone by activity.
    h.clock.advance(6 * DAY);
    await h.command("carlos", "partner list");
    await retention();
    expect((await h.app.store.workspaces.get(FAKE_WORKSPACE))?.deletion?.reason).toBe("requested");
    h.clock.advance(2 * DAY);
    await retention();
    expect(await h.app.store.workspaces.get(FAKE_WORKSPACE)).toBeNull();
    expect(await h.app.store.partnerships.list(FAKE_WORKSPACE)).toHaveLength(0);
  });
});
