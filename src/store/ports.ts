/**
 * What each adapter may touch of the store: only the state it owns (bolt's installationStore,
 * teams.ts conversation references) and the few reads it needs. Adapters import these ports,
 * never `Store` itself (a boundary test checks).
 */
import type { Store } from "./types.ts";

/** Slack: its OAuth installations (sealed). */
export type SlackStorePort = Pick<Store, "installations">;

/** Teams: its conversation references, and display names for mentions in cards. */
export type TeamsStorePort = Pick<Store, "conversations"> & { members: Pick<Store["members"], "list"> };

/** The playground: its chat transcript and personas (it is its own workspace). */
export type WebStorePort = Pick<Store, "playground"> & {
  members: Pick<Store["members"], "ensure" | "setRole" | "update" | "list" | "get">;
  workspaces: Pick<Store["workspaces"], "ensure">;
};
