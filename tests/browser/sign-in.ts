// How the browser tests sign a member in to Settings → Developer: as a member does locally, through
// the sign-in link the stack prints (`<API>/settings/developer/#access_token=<jwt>`, the page reads
// the token from the fragment), minted by the same code as `npm start` and `npm run sign-in`
// (scripts/lib/sessions.ts) with the test stack's signing key. SESSIONS false signs in through
// the page's other door instead, an `apt_` key with the scopes of the member's role.
import type { Page } from "playwright-core";
import { functionsUrl, sql } from "../helpers.ts";
import { newKey } from "../fixtures/index.ts";
import { localSignIn } from "../../scripts/lib/sessions.ts";
import { signingKey } from "../sessions-helpers.ts";

export const SESSIONS = true;

export const pageUrl = `${functionsUrl}/settings/developer/`;

/** The scopes of a role, as app.role_scopes grants them to a session. */
export async function roleScopes(role: string): Promise<string[]> {
  const [row] = await sql<{ scopes: string[] }[]>`select scopes from app.role_scopes where role = ${role}`;
  return row.scopes;
}

/** A sign-in link for the member `email` (who must be a member of `organizationId`, when given). */
export async function signInLink(email: string, organizationId?: string): Promise<string> {
  const signedIn = await localSignIn(sql, signingKey, functionsUrl, email);
  if (!signedIn) throw new Error(`${email} is not a member of any organization`);
  if (organizationId && !signedIn.member.organizations.some((o) => o.id === organizationId)) {
    throw new Error(`${email} is not a member of ${organizationId}`);
  }
  return signedIn.link;
}

/**
 * Signs `page` in as the member `email` of `organizationId` and answers the Bearer token the
 * page now uses (a session's JWT, or the interim key), so a test can call the API as that member.
 */
export async function signIn(page: Page, email: string, organizationId: string): Promise<string> {
  if (SESSIONS) {
    const link = await signInLink(email, organizationId);
    await page.goto(link);
    return new URLSearchParams(new URL(link).hash.slice(1)).get("access_token")!;
  }
  const [member] = await sql<{ role: string }[]>`
    select role from app.members where organization_id = ${organizationId} and email = ${email}`;
  if (!member) throw new Error(`${email} is not a member of ${organizationId}`);
  const key = await newKey(organizationId, await roleScopes(member.role));
  await page.goto(pageUrl);
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in with key" }).click();
  return key;
}
