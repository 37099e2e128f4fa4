// Member sessions on the Docker-free stack. There is no Supabase Auth server here, and the stack
// does not pretend to be one: it keeps a signing key pair of its own in the data folder,
// publishes the public half as a JWKS where Supabase Auth publishes a project's
// (/auth/v1/.well-known/jwks.json, served by the functions server), and mints access tokens
// shaped like Supabase Auth's for local members only (npm start, npm run sign-in, the tests).
// The functions verify them exactly as they verify hosted Supabase Auth sessions.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import type { Sql } from "./database.ts";

/** How long a local session lasts: Supabase Auth's default access-token lifetime. */
export const SESSION_SECONDS = 3600;

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** An ES256 key pair, made once and kept (private, mode 0600) in `file`. */
export async function localSigningKey(file: string): Promise<SigningKey> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as SigningKey;
  const key = await newSigningKey();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(key, null, 2), { mode: 0o600 });
  return key;
}

/** A fresh ES256 key pair (tests use a second one to forge tokens). */
export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateJwk: await exportJWK(privateKey), publicJwk };
}

/** The JWKS document Supabase Auth would publish for this key. */
export function jwksOf(key: SigningKey): { keys: JWK[] } {
  return { keys: [{ ...key.publicJwk, kid: key.kid, alg: "ES256", use: "sig", key_ops: ["verify"] }] };
}

export interface SessionClaims {
  /** the auth user id (`sub`) */
  userId: string;
  email: string;
  /** `<SUPABASE_URL>/auth/v1` */
  issuer: string;
  /** seconds from now (negative: already expired) */
  expiresIn?: number;
  audience?: string;
}

const imported = new WeakMap<SigningKey, ReturnType<typeof importJWK>>();

/** An access token as Supabase Auth issues them (ES256, `kid` in the header). */
export async function mintSession(key: SigningKey, claims: SessionClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = claims.expiresIn ?? SESSION_SECONDS;
  return await new SignJWT({
    email: claims.email,
    phone: "",
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: { email: claims.email },
    role: "authenticated",
    aal: "aal1",
    amr: [{ method: "otp", timestamp: now }],
    session_id: randomUUID(),
    is_anonymous: false,
  })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "JWT" })
    .setSubject(claims.userId)
    .setAudience(claims.audience ?? "authenticated")
    .setIssuer(claims.issuer)
    .setIssuedAt(Math.min(now, now + expiresIn - SESSION_SECONDS))
    .setExpirationTime(now + expiresIn)
    .sign(await (imported.get(key) ?? imported.set(key, importJWK(key.privateJwk, "ES256")).get(key)!));
}

/** The local sign-in link: the web page reads the token from the fragment (never sent to a server). */
export function signInLink(functionsUrl: string, token: string): string {
  return `${functionsUrl}/settings/developer/#access_token=${token}`;
}

export interface LocalMember {
  userId: string;
  email: string;
  organizations: { id: string; name: string; role: string }[];
}

/**
 * The auth user behind a local member's email, made on first sign-in: locally an email is a
 * user, so every membership of that email gets the same user id.
 */
export async function localMember(sql: Sql, email: string): Promise<LocalMember | null> {
  return await sql.begin(async (tx) => {
    const members = await tx<{ user_id: string | null }[]>`
      select user_id from app.members where lower(email) = lower(${email}) order by user_id nulls last, created_at for update`;
    if (!members.length) return null;
    const userId = members[0].user_id ?? randomUUID();
    await tx`update app.members set user_id = ${userId} where lower(email) = lower(${email}) and user_id is null`;
    const organizations = await tx<{ id: string; name: string; role: string }[]>`
      select o.id, o.name, m.role from app.members m join app.organizations o on o.id = m.organization_id
      where m.user_id = ${userId} order by o.name, o.id`;
    return { userId, email, organizations: [...organizations] };
  });
}

/** A sign-in link for a local member (null when no member has that email), valid SESSION_SECONDS. */
export async function localSignIn(sql: Sql, key: SigningKey, functionsUrl: string, email: string): Promise<{ link: string; member: LocalMember } | null> {
  const member = await localMember(sql, email);
  if (!member) return null;
  const token = await mintSession(key, { userId: member.userId, email: member.email, issuer: `${functionsUrl}/auth/v1` });
  return { link: signInLink(functionsUrl, token), member };
}
