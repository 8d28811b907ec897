import type { Command, CommandName } from "../grammar/commands.ts";
import type { HandlerContext } from "../context.ts";
import type { ActionEvent } from "../events.ts";

/** One behaviour per handler file; registered in registry.ts. */
export type CommandHandler<N extends CommandName = CommandName> = (ctx: HandlerContext, command: Extract<Command, { name: N }>) => Promise<void>;

/** Handles clicks and form submits whose actionId starts with the registered prefix. */
export type ActionHandler = (ctx: HandlerContext, action: ActionEvent) => Promise<void>;
