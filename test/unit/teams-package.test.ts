import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import AjvDraft04 from "ajv-draft-04";
import JSZip from "jszip";

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync("adapters/teams/appPackage/manifest.json", "utf8"));

describe("Teams app package", () => {
  it("validates against the Teams manifest schema, offline", () => {
    const schema = JSON.parse(readFileSync(require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`), "utf8"));
    const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as new (
      o: object,
    ) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] | null } };
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(manifest.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
  });

  it("has a 192×192 colour icon and a 32×32 transparent outline icon", () => {
    const size = (file: string) => {
      const png = readFileSync(`adapters/teams/appPackage/${file}`);
      return [png.readUInt32BE(16), png.readUInt32BE(20), png[25]];
    };
    expect(size("color.png")).toEqual([192, 192, 6]);
    expect(size("outline.png")).toEqual([32, 32, 6]); // colour type 6: RGBA, so transparency is possible
  });

  it("npm run teams:package builds the zip with the app id filled in, and refuses without one", async () => {
    const refused = spawnSync(process.execPath, ["scripts/teams-package.mjs"], { env: { ...process.env, MICROSOFT_APP_ID: "" }, encoding: "utf8" });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("Set MICROSOFT_APP_ID");
    const id = "12345678-90ab-cdef-1234-567890abcdef";
    const built = spawnSync(process.execPath, ["scripts/teams-package.mjs"], { env: { ...process.env, MICROSOFT_APP_ID: id }, encoding: "utf8" });
    expect(built.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync("adapters/teams/appPackage/reflect-teams.zip"));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const packed = JSON.parse(await zip.file("manifest.json")!.async("string"));
    expect([packed.id, packed.bots[0].botId]).toEqual([id, id]);
  });
});
