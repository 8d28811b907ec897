/** `/reflect rubric start [rubric] for <partnership> [to …] [mode …] [closes in …] [confirm]` (coordinator). */
import { actionButton } from "../../core/actions.ts";
import { rubricConfirmAction } from "../actions/rubric-confirm.ts";
import { startConfirmed, type RubricStartArgs } from "../start-confirmed.ts";
import { buttons, card, context, text } from "../../core/card.ts";
import { formatDate } from "../../core/dates.ts";
import { errorCard } from "../../core/replies.ts";
import { rubricGuard } from "../start.ts";
import { pick } from "../../surveys/templates.ts";
import { lookupPartnership } from "../../reviews/partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { fail, partnershipName, phrase, word, parseAudience, parseDuration, type Audience, type Cursor, type Duration } from "../../core/grammar/options.ts";
import { isWord } from "../../core/grammar/tokens.ts";

const KEYWORDS = ["for", "to", "mode", "closes", "confirm"] as const;

/** What the "Start anyway" button carries: the options as typed, without the confirmation. */
const confirmPayload = ({ confirmed: _confirmed, ...options }: RubricStartArgs) => options;

export const rubricStartCommand = defineCommand({
  name: "rubric.start",
  path: ["rubric", "start"],
  area: "rubric",
  roles: COORDINATORS,
  parse(c: Cursor): RubricStartArgs {
    let rubric: string | undefined;
    let partnership: string | undefined;
    let audience: Audience = { channels: [], users: [] };
    let mode: "individual" | "collective" = "individual";
    let closesIn: Duration | undefined;
    let confirmed = false;
    while (!c.done()) {
      const t = c.next()!;
      if (isWord(t, "for")) partnership = partnershipName(c.until(KEYWORDS), "rubric");
      else if (isWord(t, "to")) audience = parseAudience(c.until(KEYWORDS), "rubric");
      else if (isWord(t, "mode")) {
        const m = word(c.next());
        if (m !== "individual" && m !== "collective") fail("rubric", "error.mode", { value: m ?? "(nothing)" });
        mode = m as "individual" | "collective";
      } else if (isWord(t, "closes", "closing")) {
        if (isWord(c.peek(), "in")) c.next();
        closesIn = parseDuration(c.until(KEYWORDS), "rubric");
      } else if (isWord(t, "confirm")) confirmed = true;
      else if (!rubric && !partnership && (t.kind === "word" || t.kind === "quoted")) rubric = t.text;
      else fail("rubric", "error.unexpected", { value: phrase([t]) });
    }
    if (!partnership) return fail("rubric", "error.rubric_for");
    return { ...(rubric ? { rubric } : {}), partnership, audience, mode, ...(closesIn ? { closesIn } : {}), confirmed };
  },
  async handle(ctx, command) {
    const { deps, t, workspace } = ctx;
    const key = command.rubric ?? "clarissa";
    const rubric = deps.prompts.rubrics.get(key);
    if (!rubric) {
      const available = [...deps.prompts.rubrics.values()].map((r) => `\`${r.id}\` (${pick(r.title, t.locale)})`).join(", ");
      await ctx.reply(errorCard(ctx, t("rubric.unknown_rubric", { rubric: key, available }), "rubric"));
      return;
    }
    const partnership = await lookupPartnership(ctx, command.partnership, "rubric");
    if (!partnership) return;
    if (partnership.archivedAt) {
      await ctx.reply(errorCard(ctx, t("rubric.archived", { partnership: partnership.name })));
      return;
    }
    const now = deps.clock.now();
    const guard = await rubricGuard(deps, workspace, partnership, now);
    if (guard?.guard === "paused") {
      const title = t("rubric.paused_refused", { partnership: partnership.name, reason: guard.reason });
      await ctx.reply(card(title, text(`:pause_button: ${title}`), text(t("rubric.other_formats")), context(t("rubric.resume_hint", { partnership: partnership.name }))));
      return;
    }
    if (guard?.guard === "fatigue" && !command.confirmed) {
      const title = t("rubric.fatigue", {
        partnership: partnership.name,
        days: guard.days,
        cadence: guard.cadence,
        date: formatDate(guard.lastOpened, workspace.timezone, t.locale),
        ref: guard.lastRef,
      });
      await ctx.reply(
        card(
          title,
          text(`:hourglass: ${title}`),
          text(t("rubric.fatigue_why")),
          buttons(actionButton(rubricConfirmAction, confirmPayload(command), { label: t("rubric.start_anyway") })),
          context(t("rubric.fatigue_confirm_hint")),
        ),
      );
      return;
    }
    await startConfirmed(ctx, command, rubric.id, partnership.id);
  },
});
