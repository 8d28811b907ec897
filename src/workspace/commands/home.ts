/**
 * `/reflect home`: the person's overview as a card (Slack shows it in App Home by itself; Teams and
 * the playground have no home view, so people ask for it): what waits for them, the results of
 * rounds they were part of, and for coordinators the open rounds, overdue actions and reviews due.
 */
import { defineCommand } from "../../core/commands.ts";
import { ANYONE } from "../../core/roles.ts";
import { homeCard } from "../home.ts";

export const homeCommand = defineCommand({
  name: "home",
  path: ["home|dashboard"],
  area: "home",
  roles: ANYONE,
  async handle(ctx) {
    await ctx.reply(await homeCard(ctx));
  },
});
