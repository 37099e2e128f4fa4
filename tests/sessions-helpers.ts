// Members' sessions for tests: real JWTs signed with the test stack's own key pair (the one
// whose public half the functions server publishes), minted by the same code as npm start's
// and npm run sign-in's (scripts/lib/sessions.ts).
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { mintSession, type SessionClaims, type SigningKey } from "../scripts/lib/sessions.ts";
import { sql } from "./helpers.ts";
import { newOrganization } from "./fixtures/index.ts";

export const signingKey: SigningKey = inject("signingKey");
export const issuer = inject("issuer");

export interface TestMember {
  userId: string;
  email: string;
  memberId: string;
}

/** Adds a member with `role` to the organization, as a new auth user unless `userId` is given. */
export async function newMember(organizationId: string, role: "owner" | "admin" | "member", userId: string = randomUUID()): Promise<TestMember> {
  const [existing] = await sql<{ email: string }[]>`select email from app.members where user_id = ${userId} limit 1`;
  const email = existing?.email ?? `${role}-${userId.slice(0, 8)}@example.test`;
  const [row] = await sql<{ id: string }[]>`
    insert into app.members (organization_id, email, name, role, user_id) values (${organizationId}, ${email}, ${role}, ${role}, ${userId})
    returning id`;
  return { userId, email, memberId: row.id };
}

/** A session token for the member (or any user id), with claims overridden as a test needs. */
export function sessionFor(user: { userId: string; email: string }, claims: Partial<SessionClaims> = {}, key: SigningKey = signingKey): Promise<string> {
  return mintSession(key, { userId: user.userId, email: user.email, issuer, ...claims });
}

/** A new organization (tests/fixtures newOrganization) whose owner is an auth user with a session. */
export async function orgWithOwner() {
  const org = await newOrganization();
  const owner = { userId: randomUUID(), email: org.ownerEmail };
  await sql`update app.members set user_id = ${owner.userId} where organization_id = ${org.id} and role = 'owner'`;
  return { ...org, owner, token: await sessionFor(owner) };
}
