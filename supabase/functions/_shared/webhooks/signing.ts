// X-PMAI-Signature, exactly as the public reference describes it:
//   t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
// keyed with the endpoint's secret string as UTF-8 bytes. During a rotation there is one v1=
// per secret, the newest last: the reference's snippets keep only the last v1= they parse.

const encoder = new TextEncoder();
// Importing a key costs more than signing with it; an endpoint's secret signs many deliveries.
const keys = new Map<string, Promise<CryptoKey>>();
const MAX_CACHED_KEYS = 10_000;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_CACHED_KEYS) keys.clear();
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(secret, key);
  }
  return key;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export async function hmacHex(secret: string, message: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(message)));
  let hex = "";
  for (const b of mac) hex += HEX[b];
  return hex;
}

/** The header value for `body` sent at `t` (unix seconds), signed with each of `secrets` (oldest first). */
export async function signatureHeader(secrets: string[], t: number, body: string): Promise<string> {
  const signed = `${t}.${body}`;
  const macs = await Promise.all(secrets.map((s) => hmacHex(s, signed)));
  return [`t=${t}`, ...macs.map((m) => `v1=${m}`)].join(",");
}
