import { describe, expect, it } from "vitest";
import { responseUrlAllowed } from "../../adapters/slack/send.ts";

describe("Slack response URLs", () => {
  it("are fetched only on hooks.slack.com over https, or the configured API's own origin", () => {
    expect(responseUrlAllowed("https://hooks.slack.com/actions/T1/123/abc")).toBe(true);
    expect(responseUrlAllowed("http://hooks.slack.com/actions/T1/123/abc")).toBe(false);
    expect(responseUrlAllowed("https://hooks.slack.com.evil.example/x")).toBe(false);
    expect(responseUrlAllowed("http://169.254.169.254/latest/meta-data")).toBe(false);
    expect(responseUrlAllowed("http://127.0.0.1:4000/response/x", "http://127.0.0.1:4000/api/")).toBe(true);
    expect(responseUrlAllowed("http://127.0.0.1:4001/response/x", "http://127.0.0.1:4000/api/")).toBe(false);
    expect(responseUrlAllowed("not a url")).toBe(false);
  });
});
