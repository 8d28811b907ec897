/**
 * Every Bolt listener, registered in one place. Each acknowledges first, turns the payload into a
 * BotEvent (receive.ts) and hands it to the core without waiting: heavy work happens after the ack.
 */
import type { App } from "@slack/bolt";
import type { BotEvent } from "../../src/core/events.ts";
import { blockActionToEvent, commandToEvent, eventToBotEvent, viewSubmissionToEvent } from "./receive.ts";

export function registerListeners(app: App, dispatch: (event: BotEvent | null, body?: unknown) => void): void {
  app.command(/^\/(reflect|pulse|rubric)$/, async ({ ack, body }) => {
    await ack();
    dispatch(commandToEvent(body), body);
  });
  app.action(/.*/, async ({ ack, body }) => {
    await ack();
    dispatch(blockActionToEvent(body), body);
  });
  app.view("reflect:form", async ({ ack, body }) => {
    // Closing the modal; the core replaces the original message with the confirmation.
    await ack();
    dispatch(viewSubmissionToEvent(body), body);
  });
  for (const type of ["app_mention", "message", "app_home_opened", "app_uninstalled", "tokens_revoked"] as const) {
    app.event(type, async ({ body, context }) => {
      dispatch(eventToBotEvent(body, context.botUserId), body);
    });
  }
}
