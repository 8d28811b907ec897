/**
 * Start-up refusals that keep local-only modes local (issue: the playground and unauthenticated
 * Teams listened on every interface). Each case is a configuration an operator could write by
 * mistake; the bot must refuse it with a message that says what to change.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig({ DATA_DIR: "memory://", ...env });
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s".repeat(32) };
const teams = { MICROSOFT_APP_ID: "00000000-0000-0000-0000-000000000001", MICROSOFT_APP_PASSWORD: "p" };
const token = "a-random-playground-token-123";

describe("local-only modes", () => {
  it("binds the playground and unauthenticated Teams to loopback by default, a platform to every interface", () => {
    expect(loadConfig({ DATA_DIR: "memory://" }).host).toBe("127.0.0.1");
    expect(loadConfig({ DATA_DIR: "memory://", TEAMS_ALLOW_UNAUTHENTICATED: "true", PLAYGROUND: "false" }).host).toBe("127.0.0.1");
    expect(loadConfig({ DATA_DIR: "memory://", ...slack }).host).toBe("0.0.0.0");
    // A token alone does not open the playground to the network: HOST does.
    expect(loadConfig({ DATA_DIR: "memory://", PLAYGROUND_TOKEN: token }).host).toBe("127.0.0.1");
  });

  it("refuses TEAMS_ALLOW_UNAUTHENTICATED on a non-loopback address", () => {
    expect(refusal({ TEAMS_ALLOW_UNAUTHENTICATED: "true", PLAYGROUND: "false", HOST: "0.0.0.0" })).toMatch(/only runs on a loopback address; HOST is "0.0.0.0"/);
    expect(refusal({ TEAMS_ALLOW_UNAUTHENTICATED: "true", PLAYGROUND: "false", HOST: "10.1.2.3" })).toContain("Set HOST=127.0.0.1");
    expect(refusal({ TEAMS_ALLOW_UNAUTHENTICATED: "true", PLAYGROUND: "false", HOST: "::1" })).toBeNull();
  });

  it("refuses the playground on a non-loopback address without a token, and accepts it with one", () => {
    expect(refusal({ HOST: "0.0.0.0" })).toContain("only listens on a loopback address");
    expect(refusal({ HOST: "0.0.0.0", PLAYGROUND_TOKEN: token })).toBeNull();
    expect(refusal({ HOST: "0.0.0.0", PLAYGROUND_TOKEN: "short" })).toContain("PLAYGROUND_TOKEN must be at least 16 characters");
  });

  it("refuses the playground beside Slack or Teams unless PLAYGROUND=true comes with a token", () => {
    expect(loadConfig({ DATA_DIR: "memory://", ...slack }).playground).toBe(false);
    expect(refusal({ ...slack, PLAYGROUND: "true" })).toContain("needs PLAYGROUND_TOKEN");
    expect(refusal({ ...teams, PLAYGROUND: "true" })).toContain("needs PLAYGROUND_TOKEN");
    const both = loadConfig({ DATA_DIR: "memory://", ...slack, PLAYGROUND: "true", PLAYGROUND_TOKEN: token });
    expect(both.playground).toBe(true);
    expect(both.playgroundToken).toBe(token);
  });

  it("never turns the playground on by itself in production (a container that lost its platform secrets)", () => {
    expect(loadConfig({ DATA_DIR: "memory://", NODE_ENV: "production" }).playground).toBe(false);
    expect(loadConfig({ DATA_DIR: "memory://", NODE_ENV: "development" }).playground).toBe(true);
  });

  it("refuses Slack OAuth without SLACK_STATE_SECRET", () => {
    expect(refusal({ SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "c", SLACK_SIGNING_SECRET: "s".repeat(32) })).toContain("needs SLACK_STATE_SECRET");
  });

  it("sends Teams calls only to Microsoft's service hosts unless TEAMS_SERVICE_HOSTS says otherwise", () => {
    const defaults = loadConfig({ DATA_DIR: "memory://", ...teams }).teams.serviceHosts;
    expect(defaults).toContain("smba.trafficmanager.net");
    expect(defaults.some((h) => h.includes("127.0.0.1") || h === "*")).toBe(false);
    expect(loadConfig({ DATA_DIR: "memory://", ...teams, TEAMS_SERVICE_HOSTS: "127.0.0.1, localhost" }).teams.serviceHosts).toEqual(["127.0.0.1", "localhost"]);
  });
});
