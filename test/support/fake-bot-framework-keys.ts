import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The Bot Framework's signing keys as it publishes them, served on 127.0.0.1, and a signer that
 * makes tokens as the Bot Connector does: an OpenID metadata document whose jwks_uri lists RSA
 * keys, and RS256 JWTs with iss https://api.botframework.com, aud = the bot's app id and the
 * activity's serviceurl. (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication,
 * "Authenticate requests from the Bot Connector service to your bot".)
 */
export interface FakeBotFrameworkKeys {
  /** The OpenID metadata URL (BOT_OPENID_METADATA_URL). */
  readonly metadataUrl: string;
  /** How many times the metadata document was fetched. */
  readonly fetches: () => number;
  sign(claims: Record<string, unknown>, header?: Record<string, unknown>): string;
  close(): Promise<void>;
}

export async function startFakeBotFrameworkKeys(): Promise<FakeBotFrameworkKeys> {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = publicKey.export({ format: "jwk" });
  let fetches = 0;
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader("Content-Type", "application/json");
    if (req.url === "/v1/.well-known/openidconfiguration") {
      fetches += 1;
      res.end(
        JSON.stringify({
          issuer: "https://api.botframework.com",
          jwks_uri: `${base}/v1/keys`,
          id_token_signing_alg_values_supported: ["RS256"],
        }),
      );
    } else if (req.url === "/v1/keys") {
      res.end(JSON.stringify({ keys: [{ kty: "RSA", use: "sig", kid, n: jwk.n, e: jwk.e, endorsements: ["msteams"] }] }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    fetches: () => fetches,
    sign: (claims, header = {}) => signJwt(privateKey, { alg: "RS256", typ: "JWT", kid, ...header }, claims),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** The claims the Bot Connector puts in a token for `appId`, valid for an hour from now. */
export function connectorClaims(appId: string, serviceUrl: string, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  return { iss: "https://api.botframework.com", aud: appId, serviceurl: serviceUrl, nbf: nowSeconds - 60, exp: nowSeconds + 3600 };
}

function signJwt(key: KeyObject, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode(header)}.${encode(claims)}`;
  const signature = createSign("RSA-SHA256").update(unsigned).sign(key).toString("base64url");
  return `${unsigned}.${signature}`;
}
