/**
 * Offline stand-ins for Microsoft's side of Teams: a Bot Connector at the activity's serviceUrl
 * (records sends, replies and updates; pages members; can answer 429), and an OpenID metadata +
 * JWKS document with a locally generated RSA key, so the bot validates real RS256 JWTs offline.
 */
import { createServer, type Server } from "node:http";
import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import { ConfigurationServiceClientCredentialFactory } from "botbuilder";
import { TokenCredentials } from "botframework-connector";

export interface ConnectorActivity {
  conversationId: string;
  id: string;
  activity: Record<string, unknown>;
  replyToId?: string;
  versions: number;
}

export interface FakeConnector {
  url: string;
  sent: ConnectorActivity[];
  requests: { method: string; path: string; auth: string }[];
  members: Map<string, { id: string; name: string; aadObjectId?: string }[]>;
  failNext(count: number, status: number, retryAfter?: number): void;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  let n = 0;
  let failures = { count: 0, status: 0, retryAfter: 0 };
  const fake: FakeConnector = {
    url: "",
    sent: [],
    requests: [],
    members: new Map(),
    failNext(count, status, retryAfter = 0) {
      failures = { count, status, retryAfter };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    fake.requests.push({ method: req.method ?? "", path: url.pathname, auth: String(req.headers.authorization ?? "") });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(value));
    };
    if (failures.count > 0 && url.pathname.includes("/activities")) {
      failures.count--;
      return json(failures.status, { error: { code: "Throttled", message: "slow down" } }, failures.retryAfter ? { "retry-after": String(failures.retryAfter) } : {});
    }
    const m = /^\/v3\/conversations\/([^/]+)\/(activities|pagedmembers|members)(?:\/([^/]+))?$/.exec(url.pathname);
    if (m) {
      const conversationId = decodeURIComponent(m[1]!);
      if (m[2] === "pagedmembers") {
        const all = fake.members.get(conversationId) ?? [];
        const size = Number(url.searchParams.get("pageSize") ?? 100);
        const start = Number(url.searchParams.get("continuationToken") ?? 0);
        const next = start + size < all.length ? String(start + size) : undefined;
        return json(200, { members: all.slice(start, start + size), ...(next ? { continuationToken: next } : {}) });
      }
      const activity = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      if (req.method === "PUT" && m[3]) {
        const existing = fake.sent.find((s) => s.id === decodeURIComponent(m[3]!));
        if (!existing) return json(404, { error: { code: "NotFound" } });
        existing.activity = activity;
        existing.versions++;
        return json(200, { id: existing.id });
      }
      const id = `act${++n}`;
      fake.sent.push({ conversationId, id, activity, ...(m[3] ? { replyToId: decodeURIComponent(m[3]) } : {}), versions: 1 });
      return json(200, { id });
    }
    if (url.pathname === "/v3/conversations" && req.method === "POST") return json(403, { error: { code: "Forbidden", message: "app not installed for user" } });
    json(404, { error: { code: "NotFound" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return fake;
}

export interface FakeIdentity {
  metadataUrl: string;
  /** Signs a Bot Framework channel token (RS256). */
  token(claims: Record<string, unknown>, options?: { key?: KeyObject; kid?: string }): string;
  close(): Promise<void>;
}

const b64 = (v: Buffer | string) => Buffer.from(v).toString("base64url");

export async function startFakeIdentity(): Promise<FakeIdentity> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256", endorsements: ["msteams"] };
  let base = "";
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url?.startsWith("/jwks")) return res.end(JSON.stringify({ keys: [jwk] }));
    res.end(
      JSON.stringify({
        issuer: "https://api.botframework.com",
        jwks_uri: `${base}/jwks`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    metadataUrl: `${base}/.well-known/openidconfiguration`,
    token(claims, options = {}) {
      const header = b64(JSON.stringify({ alg: "RS256", typ: "JWT", kid: options.kid ?? "test-key" }));
      const now = Math.floor(Date.now() / 1000);
      const payload = b64(JSON.stringify({ iss: "https://api.botframework.com", nbf: now - 10, iat: now - 10, exp: now + 3600, ...claims }));
      const signature = createSign("RSA-SHA256")
        .update(`${header}.${payload}`)
        .sign(options.key ?? privateKey);
      return `${header}.${payload}.${b64(signature)}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Outbound tokens without login.microsoftonline.com: the real app-id checks stay, the token is local. */
class LocalCredentialsFactory extends ConfigurationServiceClientCredentialFactory {
  override async createCredentials() {
    return new TokenCredentials("local-outbound-token");
  }
}

/** The Teams adapter's test hooks: validate tokens against the local identity, send with local tokens. */
export function localTeamsAuth(identity: FakeIdentity, tenant: string, appId: string) {
  return {
    authOverrides: {
      ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: identity.metadataUrl,
      ToBotFromChannelTokenIssuer: "https://api.botframework.com",
      ToChannelFromBotOAuthScope: "https://api.botframework.com",
      ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${tenant}`,
      CallerId: "urn:botframework:azure",
      ValidateAuthority: true,
    },
    credentialsFactory: new LocalCredentialsFactory({ MicrosoftAppId: appId, MicrosoftAppPassword: "secret", MicrosoftAppType: "SingleTenant", MicrosoftAppTenantId: tenant }),
  };
}
