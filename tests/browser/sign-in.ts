// How the browser tests sign a member in to Settings → Developer.
//
// The contract of issue 21: the local stack mints a session for a member and prints a link
// `<API>/settings/developer/#access_token=<jwt>`; the page reads the token from the fragment.
// Member sessions (issue 21 part 1) are on another branch: until it is merged, SESSIONS is false
// and signIn() signs in through the page's other door, an `apt_` key with the scopes of the
// member's role (the contract's role → scopes table) pasted into "Sign in with an API key".
// After the merge: set SESSIONS = true and make signInLink() call the sessions branch's minting
// code (`npm run sign-in -- <email> [org_id]`, or its module) against the test stack.
import type { Page } from "playwright-core";
import { functionsUrl, sql } from "../helpers.ts";
import { newKey } from "../fixtures/index.ts";

export const SESSIONS = false;

export const pageUrl = `${functionsUrl}/settings/developer/`;

/** The contract's scopes of a role: member reads and writes everything plus AI; admin and owner also administer. */
export async function roleScopes(role: string): Promise<string[]> {
  const all = (await sql<{ name: string }[]>`select name from app.scopes order by name`).map((r) => r.name);
  return all.filter((s) => /^(read|write):/.test(s) || s === "ai:run" || (role !== "member" && s.startsWith("admin:")));
}

/** A one-time sign-in link for the member `email` (of `organizationId`, when in several). */
export function signInLink(email: string, organizationId?: string): Promise<string> {
  return Promise.reject(new Error(
    `signInLink(${email}${organizationId ? `, ${organizationId}` : ""}): member sessions are not merged yet (issue 21 part 1); ` +
      "tests sign in with an API key until then (SESSIONS in tests/browser/sign-in.ts).",
  ));
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
