// npm run sign-in -- <email> [org_id]
// Prints a sign-in link for a member of the local stack (`npm start`): a session of an hour,
// signed with the stack's own key (the Docker-free stack has no Supabase Auth; see
// scripts/lib/sessions.ts). Local use only. DATABASE_URL, DB_PORT, API_PORT and APTORIA_DATA_DIR as for
// npm start.
import { join } from "node:path";
import { ROOT } from "./lib/paths.ts";
import { connectLocalDatabase } from "./lib/local-database.ts";
import { localSignIn, localSigningKey, SESSION_SECONDS } from "./lib/sessions.ts";

const [email, organizationId] = process.argv.slice(2);
if (!email || email.startsWith("-")) {
  console.error(`usage: npm run sign-in -- <email> [org_id]
  Prints a sign-in link for the local member with that email (e.g. owner@demo-rentals.test,
  admin@demo-rentals.test, member@demo-rentals.test). With org_id, checks the membership there.`);
  process.exit(2);
}

const dataRoot = process.env.APTORIA_DATA_DIR || join(ROOT, ".data");
const functionsUrl = `http://127.0.0.1:${Number(process.env.API_PORT ?? 54321)}`;
const sql = await connectLocalDatabase();
try {
  const key = await localSigningKey(join(dataRoot, "auth-signing-key.json"));
  const signIn = await localSignIn(sql, key, functionsUrl, email);
  if (!signIn) throw new Error(`no member of any local organization has the email ${email}`);
  const memberships = signIn.member.organizations;
  const acting = organizationId ? memberships.find((o) => o.id === organizationId) : memberships.length === 1 ? memberships[0] : undefined;
  if (organizationId && !acting) throw new Error(`${email} is not a member of ${organizationId}`);
  console.error(`${email} (user ${signIn.member.userId}), for ${SESSION_SECONDS / 60} minutes. Member of:`);
  for (const o of memberships) console.error(`  ${o.id}  ${o.name}  (${o.role})`);
  if (!acting) console.error("Several organizations: the page asks which one; API calls send X-Organization-Id.");
  console.log(signIn.link);
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await sql.end();
}
