/**
 * People with no account: invited by email through a real SMTP server on loopback, answering on
 * the bot's own page, once, with reminders that replace the link and can be stopped.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { startSmtp, type LocalSmtp } from "../fakes/smtp.ts";
import { slotContaining } from "../../src/jobs/slots.ts";
import { clarissaRatings } from "../fakes/rubric-values.ts";

const staff = ["p1", "p2", "p3", "p4", "p5", "p6"];
const partners = ["sita@shanti.org.np", "ram@shanti.org.np", "gita@shanti.org.np", "hari@shanti.org.np"];
let h: Harness;
let smtp: LocalSmtp;
let base: string;

beforeEach(async () => {
  smtp = await startSmtp();
  h = await createHarness({ admins: ["amina"], env: { SMTP_URL: smtp.url, MAIL_FROM: "Reflection bot <reflect@example.org>", PUBLIC_URL: "http://reflect.test", PORT: "0" } });
  base = `http://127.0.0.1:${await h.app.http.listen(0, "127.0.0.1")}`;
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set(
    "C-PARTNERS",
    staff.map((userId) => ({ userId, reachable: true })),
  );
  await h.command("carlos", 'partner add "Shanti Network"');
});
afterEach(async () => {
  await h.stop();
  await smtp.close();
});

/** The link in the newest email to an address, on this test's server. */
const linkFor = (address: string): string => {
  const mail = smtp.mails.filter((m) => m.to.includes(address)).at(-1);
  if (!mail) throw new Error(`no email to ${address}`);
  const link = /http:\/\/reflect\.test(\/answer\/[A-Za-z0-9_-]{22})(?!\/)/.exec(mail.text)?.[1];
  if (!link) throw new Error(`no link in: ${mail.text}`);
  return `${base}${link}`;
};

/** Chat invitees answer in their DM. */
async function answerAll(roundId: string, people: string[]) {
  for (const u of people) {
    const inv = h.fake.deliveries.filter((d) => d.conversationId === `D-${u}`).at(-1)!;
    await h.click(u, inv, `pulse:open:${roundId}`);
    await h.click(u, inv, `pulse:submit:${roundId}`, { "q:respect": "3" });
  }
}

const post = (url: string, values: Record<string, string>) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(values).toString() });

describe("email invitations and the answer page", () => {
  it("keeps partners' addresses in the register and invites them with a single-use link to a page that takes one answer", async () => {
    const listed = h.text(await h.command("carlos", `partner emails "Shanti Network" add email:${partners.join(",")} language fr`));
    expect(listed).toContain("sita@shanti.org.np (fr)");
    const started = h.text(await h.command("carlos", 'pulse start quick-pulse for "Shanti Network" to <#C-PARTNERS> contacts', { conversation: "C-PARTNERS" }));
    expect(started).toContain("6 by DM · 0 privately in the shared channel · 4 by email · 0 unreachable");
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([...partners].sort());
    const mail = smtp.mails.find((m) => m.to.includes("sita@shanti.org.np"))!;
    expect(mail.raw).toMatch(/^From: Reflection bot <reflect@example\.org>/m);
    // In the language the coordinator chose for these contacts (French).
    expect(mail.text).toContain("Anonyme : vos réponses sont conservées avec un identifiant aléatoire");
    // Who else was invited by email, by domain: a round of the coordinator's own aliases shows.
    expect(mail.text).toContain("Vous faites partie des 10 personnes invitées à cette session. Personnes invitées par e-mail, par domaine d'adresse : shanti.org.np (4).");
    // Nothing about the address or the link stays in the outbox once sent.
    expect(await h.app.store.rawQuery("SELECT 1 FROM outbox WHERE destination::text LIKE '%shanti.org.np%' OR card::text LIKE '%/answer/%'")).toEqual([]);

    const link = linkFor("sita@shanti.org.np");
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("set-cookie")).toBeNull();
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await page.text();
    expect(Buffer.byteLength(html)).toBeLessThan(30_000);
    expect(html).not.toMatch(/<script|<img|<link |src=/i);
    expect(html).toContain('<html lang="fr"');
    const names = [...html.matchAll(/name="(q:[a-z-]+)" value="3"/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    // A hostile or unknown field is refused with the form kept, and nothing is recorded.
    const bad = await post(link, { [names[0]!]: "7" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('role="alert"');
    const round = (await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" }))[0]!;
    expect(await h.app.store.responses.submissionCount(round.id)).toBe(0);

    const ok = await post(link, Object.fromEntries(names.map((n) => [n, "4"])));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Merci : vos réponses sont enregistrées");
    expect(await h.app.store.responses.submissionCount(round.id)).toBe(1);
    // Second use: refused, plainly, on both GET and POST.
    const again = await post(link, Object.fromEntries(names.map((n) => [n, "1"])));
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("Vous avez déjà répondu");
    expect((await fetch(link)).status).toBe(410);
    expect(await h.app.store.responses.submissionCount(round.id)).toBe(1);
  });

  it("sends the coordinator's response and the gated results back to the contacts by email", async () => {
    await h.command("carlos", `partner emails "Shanti Network" add email:${partners.join(",")}`);
    await h.command("carlos", 'pulse start quick-pulse for "Shanti Network" to <#C-PARTNERS> contacts', { conversation: "C-PARTNERS" });
    const round = (await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" }))[0]!;
    for (const address of partners) {
      const html = await (await fetch(linkFor(address))).text();
      const names = [...new Set([...html.matchAll(/name="(q:[a-z-]+)" value="3"/g)].map((m) => m[1]!))];
      await post(linkFor(address), Object.fromEntries(names.map((n) => [n, "3"])));
    }
    await answerAll(round.id, ["p1", "p2"]);
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close", { conversation: "C-PARTNERS" });
    const opened = await h.command("carlos", `respond ${round.ref}`);
    const f = opened.find((d) => buttonsOf(d.card).some((b) => b.actionId.startsWith("respond.submit:")))!;
    const before = smtp.mails.length;
    await h.click("carlos", f, buttonsOf(f.card).find((b) => b.actionId.startsWith("respond.submit:"))!.actionId, {
      heard: "Transfers are too slow for your work.",
      doing: "We will cut approval steps from five to two by March.",
    });
    const responses = smtp.mails.slice(before);
    expect(responses.map((m) => m.to[0]).sort()).toEqual([...partners].sort());
    expect(responses[0]!.text).toContain("We will cut approval steps from five to two by March.");
    expect(responses[0]!.text).toContain("6 of 10 answered");
  });

  it("an email waiting in the queue holds no working link; the link is made as it leaves", async () => {
    await smtp.close();
    await h.command("carlos", `pulse start quick-pulse to <#C-PARTNERS> email:${partners.join(",")}`, { conversation: "C-PARTNERS" });
    const waiting = await h.app.store.rawQuery<{ card: string }>("SELECT card::text AS card FROM outbox WHERE destination::text LIKE '%\"email\"%'");
    expect(waiting.length).toBe(4);
    for (const row of waiting) {
      expect(row.card).toContain("{{answer-link}}");
      expect(row.card).not.toMatch(/\/answer\/[A-Za-z0-9_-]{22}/);
    }
    // A failed attempt made a token that left with nothing: only its hash is kept, and the next
    // attempt makes another.
    smtp = await startSmtp();
  });

  it("is not ready until started: /readyz answers 503 while /healthz is alive", async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("an unknown token gets a plain page, never a trace; the link stops working when the round closes and addresses go", async () => {
    const unknown = await fetch(`${base}/answer/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(unknown.status).toBe(404);
    const text = await unknown.text();
    expect(text).toContain("This link does not work");
    expect(text).not.toMatch(/Error|at .*\.ts/);
    expect((await fetch(`${base}/answer/%3Cscript%3E`)).status).toBe(404);

    await h.command("carlos", `pulse start quick-pulse to <#C-PARTNERS> email:${partners.join(",")}`, { conversation: "C-PARTNERS" });
    const link = linkFor(partners[0]!);
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close", { conversation: "C-PARTNERS" });
    expect((await fetch(link)).status).toBe(404);
    // Closed: no table holds a typed address any more (they were never kept with the round).
    const tables = await h.app.store.rawQuery<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%'",
    );
    for (const { table_name } of tables) {
      const rows = await h.app.store.rawQuery<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      expect(
        rows.filter((r) => r.row.includes("shanti.org.np")),
        table_name,
      ).toEqual([]);
    }
  });

  it("reminds by email at most twice with a fresh link each time, and stops when asked", async () => {
    await h.command("carlos", `pulse start quick-pulse to <#C-PARTNERS> email:${partners.join(",")} closes in 7d`, { conversation: "C-PARTNERS" });
    const first = linkFor(partners[0]!);
    // partners[3] answers at once; the reminders still reach them, so the mail trail says nothing of who answered.
    const html = await (await fetch(linkFor(partners[3]!))).text();
    await post(linkFor(partners[3]!), Object.fromEntries([...html.matchAll(/name="(q:[a-z-]+)" value="3"/g)].map((m) => [m[1]!, "3"])));
    const job = h.app.jobs.get("pulse-reminders");
    // Half-way, at 11:00 in the workspace's zone (UTC here).
    h.clock.set(new Date(h.clock.now().getTime() + 4 * 86_400_000));
    h.clock.set(new Date(`${h.clock.now().toISOString().slice(0, 10)}T11:00:00Z`));
    await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
    await h.flush();
    const second = linkFor(partners[0]!);
    expect(second).not.toBe(first);
    expect(smtp.mails.filter((m) => m.to.includes(partners[0]!)).at(-1)!.text).toContain("A reminder:");
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);
    // The same reminder again (a re-run slot an hour later) sends nothing new.
    const count = smtp.mails.length;
    h.clock.advance(3_600_000);
    await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
    await h.flush();
    expect(smtp.mails.length).toBe(count);
    // Stop: GET only asks; POST stops the next reminder for this person alone.
    const stopUrl = `${second}/stop`;
    expect(await (await fetch(stopUrl)).text()).toContain("Stop reminders");
    expect((await post(stopUrl, {})).status).toBe(200);
    h.clock.set(new Date(h.clock.now().getTime() + 2 * 86_400_000));
    h.clock.set(new Date(`${h.clock.now().toISOString().slice(0, 10)}T11:00:00Z`));
    await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
    await h.flush();
    const reminded = smtp.mails.slice(count).map((m) => m.to[0]);
    expect(reminded).not.toContain(partners[0]);
    expect(reminded.sort()).toEqual(partners.slice(1).sort());
  });

  it("takes a collective check-in by email for the organisation the register keeps for each contact, once per organisation", async () => {
    await h.command("carlos", 'partner orgs "Shanti Network" add "Alert" host');
    await h.command("carlos", 'partner orgs "Shanti Network" add "Shanti Network"');
    for (const u of staff) await h.command("carlos", `organisation <@${u}> Alert`);
    // An organisation must be one of the partnership's own.
    const wrong = h.text(await h.command("carlos", 'partner emails "Shanti Network" add email:sita@shanti.org.np org "Nobody Inc"'));
    expect(wrong).toContain('"Nobody Inc" is not one of Shanti Network\'s organisations (Alert, Shanti Network)');
    expect(await h.app.store.partnerships.contacts((await h.app.store.partnerships.list(FAKE_WORKSPACE))[0]!.id)).toEqual([]);
    const listed = h.text(await h.command("carlos", `partner emails "Shanti Network" add email:${partners[0]},${partners[1]} language fr org "shanti network"`));
    expect(listed).toContain(`${partners[0]} (fr, Shanti Network)`);
    await h.command("carlos", `partner emails "Shanti Network" add email:${partners[2]}`);
    // A contact without an organisation cannot rate for one: refused, naming the address.
    const refused = h.text(await h.command("carlos", 'rubric start for "Shanti Network" to <#C-PARTNERS> contacts mode collective', { conversation: "C-PARTNERS" }));
    expect(refused).toContain(`these have none: ${partners[2]}`);
    expect(refused).toContain("Nothing was started");
    expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" })).toHaveLength(0);
    // Placing it (adding the kept address again with an organisation) lets the round start.
    await h.command("carlos", `partner emails "Shanti Network" add email:${partners[2]} org "Shanti Network"`);
    const started = h.text(await h.command("carlos", 'rubric start for "Shanti Network" to <#C-PARTNERS> contacts mode collective', { conversation: "C-PARTNERS" }));
    expect(started).toContain("Invited per organisation: Alert: 6 · Shanti Network: 3");
    // These contacts read French.
    expect(smtp.mails.find((m) => m.to.includes(partners[0]!))!.text).toContain("Ces notes seront affichées comme celles de Shanti Network");

    const first = linkFor(partners[0]!);
    const form = await (await fetch(first)).text();
    expect(form).toContain("Saisissez les notes convenues par votre équipe pour Shanti Network");
    expect(form).toContain('name="e:communications" value="well-functioning"');
    const thanks = await post(first, clarissaRatings("well-functioning"));
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain("La note de Shanti Network est enregistrée");
    // The organisation has answered: a colleague's link says so, and a post through it is refused.
    const second = linkFor(partners[1]!);
    const done = await fetch(second);
    expect(done.status).toBe(410);
    expect(await done.text()).toContain("Shanti Network a déjà envoyé sa note convenue");
    expect((await post(second, clarissaRatings("needs-help"))).status).toBe(410);

    // The host side rates in chat.
    const inv = h.fake.deliveries.filter((d) => d.conversationId === "D-p1").at(-1)!;
    const roundId = (await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" }))[0]!.id;
    await h.click("p1", inv, `rubric:open:${roundId}`);
    await h.click("p1", inv, `rubric:submit:${roundId}`, clarissaRatings("emerging"));
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", 'rubric close "Shanti Network"', { conversation: "C-PARTNERS" });
    const results = h.text(await h.command("carlos", 'rubric results "Shanti Network"'));
    expect(results).toContain("2 organisations submitted a rating");
    expect(results).toContain("*Shanti Network*: communications: Well-functioning");
    expect(results).toContain("*Alert*: communications: Emerging");
    // Closed: the invitations (with their addresses and organisations) are gone.
    expect(await h.app.store.rawQuery("SELECT 1 FROM round_invitees")).toEqual([]);
  });

  it("refuses email invitations clearly when the bot cannot send email", async () => {
    const plain = await createHarness({ admins: ["amina"] });
    try {
      await plain.command("amina", "role <@carlos> coordinator");
      const text = plain.text(await plain.command("carlos", "pulse start quick-pulse to email:sita@shanti.org.np", { conversation: "C-PARTNERS" }));
      expect(text).toContain("This bot cannot send email yet: the operator has not set SMTP_URL and MAIL_FROM. Nothing was started.");
      expect(await plain.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" })).toHaveLength(0);
      expect(plain.text(await plain.command("carlos", "pulse start quick-pulse to email:not-an-address"))).toContain('"not-an-address" is not an email address');
    } finally {
      await plain.stop();
    }
  });
});
