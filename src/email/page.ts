/**
 * The web answer page for people invited by email: GET /answer/<token> shows the round's form,
 * POST records the answers exactly as a chat answer is recorded (participation code, one answer
 * per person, the same anonymity rules), /answer/<token>/stop turns reminders off.
 *
 * No login, no cookies, no script, nothing from elsewhere (a strict Content-Security-Policy), and
 * nothing about the request is logged: no address, user agent or token. A GET never changes
 * anything (mail scanners open links before people do). An unknown, replaced or closed link gets
 * a plain page saying so.
 */
import type { ServerResponse } from "node:http";
import { card, context, heading, text, type Card } from "../core/card.ts";
import type { BotDeps } from "../core/context.ts";
import { formatDateTime } from "../core/dates.ts";
import type { HttpRequest, HttpResponse, HttpServer } from "../http/server.ts";
import { rubricFormCard, rubricThanksCard } from "../rubrics/cards.ts";
import { rubricOf } from "../rubrics/definitions.ts";
import { parseRubricValues, submitRubric } from "../rubrics/submit.ts";
import type { Invitee, Round, Workspace } from "../store/types.ts";
import { formCard, thanksCard } from "../surveys/cards.ts";
import { personHash } from "../surveys/participation.ts";
import { templateOf } from "../surveys/results.ts";
import { parsePulseValues, submitPulse } from "../surveys/submit.ts";
import { refusalMessage } from "../surveys/submit-outcome.ts";
import { isEmailInvitee } from "../surveys/segments.ts";
import { formPage, messagePage } from "./page-html.ts";
import { hashToken, isTokenShape } from "./tokens.ts";

const HEADERS: Record<string, string> = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-robots-tag": "noindex",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

const html = (status: number, body: string): HttpResponse => ({ status, headers: HEADERS, body });

interface Found {
  invitee: Invitee & { roundId: string };
  round: Round;
  workspace: Workspace;
  t: ReturnType<BotDeps["i18n"]["forLocale"]>;
}

/** The languages of an Accept-Language header, most preferred first ("ne-NP,ne;q=0.9,en;q=0.8"). */
export function browserLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 10)
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? "1",
      );
      return { tag: tag!.trim(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((l) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(l.tag) && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

export function mountAnswerPage(http: HttpServer, deps: BotDeps): void {
  // Where the site starts for the browser: the path of PUBLIC_URL, which the links are made from.
  const root = new URL(deps.links.publicUrl).pathname.replace(/\/*$/, "/");
  const notice = (t: Found["t"], title: string, message: string, status = 200) =>
    html(status, messagePage({ ...card(title, heading(title), text(message)), lang: t.locale }, t.locale, root));

  /** The invitation behind a link, or a page saying why there is none. */
  async function find(token: string, acceptLanguage: string | undefined): Promise<Found | HttpResponse> {
    // A link that leads to no invitation says so in the browser's language.
    const fallback = deps.i18n.forLocale(...browserLanguages(acceptLanguage));
    if (!isTokenShape(token)) return notice(fallback, fallback("answer.unknown_title"), fallback("answer.unknown"), 404);
    const invitee = await deps.store.rounds.inviteeByToken(hashToken(token));
    if (!invitee) return notice(fallback, fallback("answer.unknown_title"), fallback("answer.unknown"), 404);
    const round = await deps.store.rounds.byId(invitee.roundId);
    const workspace = round ? await deps.store.workspaces.get(round.workspaceId) : null;
    const t = deps.i18n.forLocale(invitee.locale, workspace?.locale);
    if (!round || !workspace || round.status !== "open" || round.closesAt <= deps.clock.now()) {
      return notice(t, t("answer.closed_title"), t("answer.closed"), 410);
    }
    return { invitee, round, workspace, t };
  }

  /** A collective round is answered once per organisation (the contact's, from the register). */
  const organisationOf = (f: Found) => (f.round.mode === "collective" ? (f.invitee.organisation ?? null) : null);

  /**
   * The organisation an individual answer records its group from: a chat member's (someone
   * reached by a browser link in a Teams channel), never one for people invited by email.
   */
  const memberOrganisation = async (f: Found) =>
    isEmailInvitee(f.invitee.userId) ? null : ((await deps.store.members.get(f.workspace.id, f.invitee.userId))?.organisation ?? null);

  async function answered(f: Found): Promise<boolean> {
    const secret = await deps.store.rounds.secret(f.round.id);
    const organisation = organisationOf(f);
    const who = organisation ? `org:${organisation.toLowerCase()}` : f.invitee.userId;
    return !secret || deps.store.responses.hasParticipated(f.round.id, personHash(secret, f.workspace.id, who));
  }

  async function formOf(f: Found): Promise<Card> {
    if (f.round.kind === "pulse") return formCard({ t: f.t, zone: f.workspace.timezone }, f.round, await templateOf(deps, f.round));
    const partnership = f.round.partnershipId ? await deps.store.partnerships.get(f.round.partnershipId) : null;
    return rubricFormCard(f.t, f.round, await rubricOf(deps, f.round), partnership?.name ?? "", organisationOf(f));
  }

  const tokenOf = (req: HttpRequest) => req.path.split("/")[2] ?? "";

  async function show(req: HttpRequest): Promise<HttpResponse> {
    const f = await find(tokenOf(req), req.headers["accept-language"]);
    if ("status" in f) return f;
    if (await answered(f)) {
      const organisation = organisationOf(f);
      return notice(f.t, f.t("answer.used_title"), organisation ? f.t("rubric.org_already", { organisation }) : f.t("answer.used"), 410);
    }
    const form = await formOf(f);
    return html(200, formPage({ ...form, elements: [...form.elements, context(f.t("answer.footer"))] }, { lang: f.t.locale, action: req.path, root }));
  }

  async function submit(req: HttpRequest): Promise<HttpResponse> {
    const f = await find(tokenOf(req), req.headers["accept-language"]);
    if ("status" in f) return f;
    const values: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(req.body.toString("utf8"))) if (v !== "") values[k] = v;
    const zone = f.workspace.timezone;
    const again = async (error: string, status = 400) => html(status, formPage(await formOf(f), { lang: f.t.locale, action: req.path, values, error, root }));
    if (f.round.kind === "pulse") {
      const parsed = parsePulseValues(f.round, await templateOf(deps, f.round), values);
      if (!parsed.ok) return again(f.t("pulse.invalid_answer", { field: parsed.field, value: parsed.value }));
      const outcome = await submitPulse(deps, f.workspace, f.round, f.invitee.userId, parsed, await memberOrganisation(f));
      if (outcome.ok) return html(200, messagePage({ ...thanksCard({ t: f.t, zone }, f.round), lang: f.t.locale }, f.t.locale, root));
      if (outcome.reason === "already_answered") return notice(f.t, f.t("answer.used_title"), f.t("answer.used"), 410);
      return again(refusalMessage(f.t, outcome, f.round.closesAt, zone), 409);
    }
    const parsed = parseRubricValues(await rubricOf(deps, f.round), values);
    if (!parsed.ok)
      return again(
        parsed.problem === "unknown_element"
          ? f.t("rubric.unknown_element", { element: parsed.element, known: parsed.known })
          : f.t("rubric.unknown_level", { element: parsed.element, level: parsed.level, known: parsed.known }),
      );
    const organisation = organisationOf(f);
    const outcome = await submitRubric(deps, f.workspace, f.round, f.invitee.userId, organisation ?? (await memberOrganisation(f)), parsed);
    if (outcome.ok) return html(200, messagePage({ ...rubricThanksCard(f.t, zone, f.round, organisation !== null, organisation), lang: f.t.locale }, f.t.locale, root));
    if (outcome.reason === "already_answered") return notice(f.t, f.t("answer.used_title"), f.t("answer.used"), 410);
    if (outcome.reason === "organisation_done") return notice(f.t, f.t("answer.used_title"), refusalMessage(f.t, outcome, f.round.closesAt, zone), 410);
    return again(refusalMessage(f.t, outcome, f.round.closesAt, zone), 409);
  }

  /** GET asks (a scanner following the link changes nothing); POST turns the reminders off. */
  async function stop(req: HttpRequest): Promise<HttpResponse> {
    const f = await find(tokenOf(req), req.headers["accept-language"]);
    if ("status" in f) return f;
    const title = f.t("answer.stop_title");
    if (req.method === "GET") {
      const body = {
        ...card(title, heading(title), text(f.t("answer.stop_ask")), { type: "buttons", buttons: [{ actionId: "stop", label: f.t("answer.stop_button"), submit: true }] }),
        lang: f.t.locale,
      };
      return html(200, formPage(body, { lang: f.t.locale, action: req.path, root }));
    }
    const secret = await deps.store.rounds.secret(f.round.id);
    if (secret) await deps.store.responses.optOutOfReminders(f.round.id, personHash(secret, f.workspace.id, f.invitee.userId));
    return notice(f.t, title, f.t("answer.stopped", { closes: formatDateTime(f.round.closesAt, f.workspace.timezone, f.t.locale) }));
  }

  const route = (handler: (req: HttpRequest) => Promise<HttpResponse>) => async (req: HttpRequest, _res: ServerResponse) => {
    const parts = req.path.split("/");
    // /answer/<token> or /answer/<token>/stop, nothing else.
    if (parts.length > 4 || (parts.length === 4 && parts[3] !== "stop")) return html(404, messagePage(card("Not found", text("Not found")), "en", root));
    return parts[3] === "stop" ? stop(req) : handler(req);
  };
  http.prefix("GET", "/answer/", route(show));
  http.prefix("POST", "/answer/", route(submit));
}
