// `npm run teams:package`: builds adapters/teams/appPackage/reflect-teams.zip for sideloading,
// with MICROSOFT_APP_ID as the app and bot id and, if set, TEAMS_APP_DOMAIN as the valid domain.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "adapters", "teams", "appPackage");
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const appId = process.env.MICROSOFT_APP_ID;
if (!appId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
  console.error("Set MICROSOFT_APP_ID to the bot's Microsoft App ID (a GUID), e.g. MICROSOFT_APP_ID=… npm run teams:package");
  process.exit(2);
}
manifest.id = appId;
manifest.bots[0].botId = appId;
if (process.env.TEAMS_APP_DOMAIN) manifest.validDomains = [process.env.TEAMS_APP_DOMAIN];
const zip = new JSZip();
zip.file("manifest.json", JSON.stringify(manifest, null, 2));
zip.file("color.png", readFileSync(join(dir, "color.png")));
zip.file("outline.png", readFileSync(join(dir, "outline.png")));
const out = join(dir, "reflect-teams.zip");
writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
console.log(`Wrote ${out}: upload it in Teams → Apps → Manage your apps → Upload an app.`);
