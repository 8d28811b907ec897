/**
 * A tour of every feature through the fake platform, in one locale: help on every topic, privacy,
 * settings (good and bad values), roles, mistakes and refusals, the register, a pulse answered
 * past the threshold with a reminder, status, close, results, export and the response, a rubric
 * check-in, the summary (preview and weekly post), review and action reminders, dashboards and the
 * workspace export. The pseudo-locale and every-locale tests render every card it produced.
 * The harness needs partners p1…p6 and the channels C-P and C-LEADS set up by `runFeatureTour`.
 */
import { readFileSync } from "node:fs";
import { slotContaining } from "../../src/jobs/slots.ts";
import { roundOfAction } from "./actions.ts";
import { buttonsOf, FAKE_TEAM, FAKE_WORKSPACE, type Harness } from "./harness.ts";
import { answerPulse, fullAnswers } from "./pulse-flow.ts";
import { clarissaRatings } from "./rubric-values.ts";

const partners = ["p1", "p2", "p3", "p4", "p5", "p6"];
let h: Harness;

/** An event that is no command (the App Home opened, the app installed), as the platform would send it. */
const platformEvent = (userId: string, kind: "home_opened" | "installed") => ({
  ...{ platform: "fake" as const, workspaceId: FAKE_WORKSPACE, workspaceExternalId: FAKE_TEAM, userId, isDirect: true, kind },
  ...{ conversationId: kind === "home_opened" ? `HOME-${userId}` : `D-${userId}`, eventId: `${kind}-${userId}-${Date.now()}` },
});

async function runJob(id: string): Promise<void> {
  const job = h.app.jobs.get(id);
  await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
  await h.flush();
}

const as = async (person: string, commands: string[], conversation?: string) => {
  for (const words of commands) await h.command(person, words, conversation ? { conversation } : {});
};

export async function runFeatureTour(harness: Harness, locale: string): Promise<{ first: number; refs: string[] }> {
  h = harness;
  const refs: string[] = [];
  await h.command("amina", `settings language ${locale}`);
  const first = h.fake.deliveries.length;
  for (const person of ["amina", "carlos", "lena", "p1", "p2"]) await h.command(person, `language ${locale}`);
  await as("amina", ["role <@carlos> coordinator", "role <@lena> lead"]);
  h.fake.rosters.set(
    "C-P",
    partners.map((userId) => ({ userId, reachable: true })),
  );
  h.fake.rosters.set("C-LEADS", [{ userId: "lena", reachable: true }]);
  await h.send(platformEvent("amina", "installed"));

  // Help on every topic and for three roles; privacy, settings (good and bad values), language, roles.
  const english = JSON.parse(readFileSync("prompts/messages/en.json", "utf8")) as Record<string, string>;
  const areas = [
    ...new Set(
      Object.keys(english)
        .filter((k) => k.startsWith("usage."))
        .map((k) => k.split(".")[1]!),
    ),
  ];
  for (const person of ["amina", "carlos", "p1"]) await h.command(person, "help");
  await as(
    "carlos",
    [...areas, "admin", "nonsense"].map((topic) => `help ${topic}`),
  );
  await as("amina", ["privacy", "settings", "language", "language zz", "role list", "workspace", "organisation", "settings timezone Asia/Kathmandu", "settings threshold 6"]);
  const bad = ["threshold 1", "timezone Mars/Base", "language xx", "retention 0", "cadence 2", "reminders 1,2,3,4,5,6,7", "quiet-week maybe", "nope 3"];
  await as(
    "amina",
    bad.map((b) => `settings ${b}`),
  );
  // Mistakes, and commands a partner's role may not run.
  await as("p1", ["frobnicate now", "pulse", "pulse frob", 'partner add "Shanti', "pulse start closes in forever", "role list", "settings threshold 6", "partner add X"]);
  await as("carlos", ['action add "x" due 2026-02-30', "partner show Zzzz", "review add Zzzz annual-review whenever"]);

  // The register.
  await as("carlos", [
    'partner add "Shanti Network" lead <@carlos> end 2027-06-30',
    'partner add "Tuungane Alliance" end 2027-09-30',
    ...['"Alert" host', '"Shanti Network"', '"Tuungane Alliance"'].map((org) => `partner orgs "Shanti Network" add ${org}`),
    ...partners.map((p, i) => `organisation <@${p}> ${i < 3 ? "Shanti Network" : "Tuungane Alliance"}`),
    'review add "Shanti Network" annual-review in 20 days',
    'review add "Tuungane Alliance" joint-reflection next monday',
    'action add "Share the transfer calendar" owner <@carlos> due 2026-11-24 for "Shanti Network"',
    'action add "Weekly call" due in 3 days',
    ...["partner list", "partner list all", 'partner show "Shanti Network"', "review list 120d", "action list", "home"],
  ]);

  // A pulse: invitations, a reminder, answers from everyone, status, close, results, export, the response.
  await as("carlos", ['pulse start partner-pulse for "Shanti Network" closes in 4d', "pulse status"], "C-P");
  h.clock.advance(48 * 3_600_000); // halfway, in Kathmandu's daytime: the reminder goes out
  await runJob("pulse-reminders");
  await h.command("p1", "home");
  for (const [i, p] of partners.entries()) await answerPulse(h, p, fullAnswers((i % 5) + 1, i < 3 ? `Comment ${i}` : undefined));
  h.clock.advance(2 * 3_600_000);
  await as("carlos", ["pulse status", "pulse close", "pulse results", "pulse export"], "C-P");
  const respondForm = (await h.command("carlos", "respond")).find((d) => buttonsOf(d.card).some((b) => b.actionId.startsWith("respond.submit:")))!;
  const submit = buttonsOf(respondForm.card).find((b) => b.actionId.startsWith("respond.submit:"))!;
  await h.click("carlos", respondForm, submit.actionId, { heard: "More notice", doing: "Monthly calls", actions: "Share the calendar" });
  await h.command("p1", "results");

  // A rubric check-in rated by everyone, its status, close, results and history.
  await h.command("carlos", 'rubric start for "Shanti Network" confirm', { conversation: "C-P" });
  for (const [i, p] of partners.entries()) {
    const invitation = h.fake.deliveries.filter((d) => d.conversationId === `D-${p}` && buttonsOf(d.versions[0]!).some((b) => b.actionId.startsWith("rubric.open:"))).at(-1)!;
    const round = roundOfAction(buttonsOf(invitation.versions[0]!)[0]!.actionId);
    await h.click(p, invitation, `rubric:open:${round}`);
    await h.click(p, invitation, `rubric:submit:${round}`, clarissaRatings(i % 2 ? "emerging" : "well-functioning", { "n:communications": `Note ${i}` }));
  }
  await h.command("carlos", 'rubric status "Shanti Network"');
  h.clock.advance(8 * 24 * 3_600_000);
  await as(
    "carlos",
    ["close", "results", "history"].map((verb) => `rubric ${verb} "Shanti Network"`),
  );

  // The summary (preview and the weekly post), reminders of reviews and actions, dashboards, export.
  await as("lena", ["summary preview", "summary subscribe <#C-LEADS>"], "C-LEADS");
  for (const days of [1, 4, 8, 15, 20]) {
    h.clock.set(new Date(Date.UTC(2026, 11, 3 + days, 9)));
    await runJob("review-reminders");
    await runJob("weekly-summary");
  }
  for (const person of ["carlos", "lena", "p1"]) {
    await h.command(person, "home");
    await h.send(platformEvent(person, "home_opened"));
  }
  await h.command("amina", "workspace export");
  for (const kind of ["pulse", "rubric"] as const) refs.push(...(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind })).map((r) => r.ref));
  return { first, refs };
}
