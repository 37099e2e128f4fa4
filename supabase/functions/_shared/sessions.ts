// Supabase Auth sessions: the access token (a JWT) of a signed-in user, verified as Supabase
// recommends: against the project's published signing keys (JWKS, fetched and cached by jose),
// or with the legacy HS256 secret when the project still signs with it (SUPABASE_JWT_SECRET).
// Which organization the user may act for, and as what, is the database's decision (auth.ts).
import { createHash } from "node:crypto";
import { createRemoteJWKSet, type FlattenedJWSInput, type JWTHeaderParameters, jwtVerify } from "./deps.ts";
import { ApiError } from "./errors.ts";

/** A verified session: who signed in, until when. */
export interface Session {
  userId: string;
  email: string | null;
  /** the token's expiry, epoch seconds */
  expiresAt: number;
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Three base64url parts: a JWT, as opposed to an `apt_` key. */
export const looksLikeJwt = (token: string) => JWT.test(token);

const supabaseUrl = (Deno.env.get("SUPABASE_URL") ?? "").replace(/\/+$/, "");
// Supabase Auth issues tokens as <project URL>/auth/v1. Where the functions reach the project
// by another address than the one users sign in at (`supabase start`: http://kong:8000 inside,
// http://127.0.0.1:54321 outside), SUPABASE_JWT_ISSUER names the outside one.
const issuer = Deno.env.get("SUPABASE_JWT_ISSUER") ?? `${supabaseUrl}/auth/v1`;
const legacySecret = Deno.env.get("SUPABASE_JWT_SECRET") ? new TextEncoder().encode(Deno.env.get("SUPABASE_JWT_SECRET")) : null;
const algorithms = ["ES256", "RS256", ...(legacySecret ? ["HS256"] : [])];
let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

function signingKey(header: JWTHeaderParameters, token: FlattenedJWSInput) {
  if (header.alg === "HS256") return legacySecret!;
  // Created on first use: the local stack's functions server serves the JWKS itself, and is not
  // listening yet while the functions load.
  jwks ??= createRemoteJWKSet(new URL(`${supabaseUrl}/auth/v1/.well-known/jwks.json`));
  return jwks(header, token);
}

// Verifying an ES256 signature costs far more than the rest of a request's work in this
// process (docs/api.md#sessions gives the figures); a token already verified is known by its
// SHA-256 until it expires. Bounded: the oldest entries go first.
const CACHE_SIZE = Number(Deno.env.get("SESSION_CACHE_SIZE") ?? 10_000);
const verified = new Map<string, Session>();

function remember(hash: string, session: Session) {
  if (CACHE_SIZE <= 0) return;
  if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
  verified.set(hash, session);
}

const invalid = (why: string) => new ApiError(401, why, { "www-authenticate": 'Bearer error="invalid_token"' });

/** The token's user, or a 401 saying what is wrong with it (503 when the signing keys cannot be fetched). */
export async function verifySession(token: string): Promise<Session> {
  const hash = createHash("sha256").update(token).digest("hex");
  const known = verified.get(hash);
  if (known) {
    if (known.expiresAt > Date.now() / 1000) return known;
    verified.delete(hash);
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(token, signingKey, { issuer, audience: "authenticated", algorithms, requiredClaims: ["sub", "exp"] }));
  } catch (error) {
    throw sessionError(error);
  }
  if (typeof payload.sub !== "string" || !UUID.test(payload.sub)) throw invalid("Invalid session token: its subject is not a user id.");
  const session = { userId: payload.sub.toLowerCase(), email: typeof payload.email === "string" ? payload.email : null, expiresAt: payload.exp! };
  remember(hash, session);
  return session;
}

function sessionError(error: unknown): ApiError {
  const { code, claim } = error as { code?: string; claim?: string };
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return invalid("Session expired: sign in again.");
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      if (claim === "iss") return invalid(`Invalid session token: it was not issued by this project's Supabase Auth (${issuer}).`);
      if (claim === "aud") return invalid('Invalid session token: it is not a signed-in user\'s session (audience must be "authenticated").');
      return invalid(`Invalid session token: ${(error as Error).message}.`);
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return invalid("Invalid session token: its signature does not verify.");
    case "ERR_JWKS_NO_MATCHING_KEY":
    case "ERR_JWKS_MULTIPLE_MATCHING_KEYS":
      return invalid("Invalid session token: it is not signed with a key this project publishes.");
    case "ERR_JOSE_ALG_NOT_ALLOWED":
      return invalid(`Invalid session token: its algorithm is not accepted here (${algorithms.join(", ")}${legacySecret ? "" : "; HS256 needs SUPABASE_JWT_SECRET"}).`);
    case "ERR_JWS_INVALID":
    case "ERR_JWT_INVALID":
    case "ERR_JOSE_NOT_SUPPORTED":
      return invalid("Invalid session token: it is not a well-formed signed JWT.");
    default:
      // The signing keys could not be fetched (network, timeout, not a JWKS): not the token's fault.
      console.error(JSON.stringify({ error: `session verification: ${String((error as Error)?.message ?? error)}` }));
      return new ApiError(503, "Sessions cannot be verified right now: the project's signing keys are unreachable. Retry shortly.", { "retry-after": "5" });
  }
}
