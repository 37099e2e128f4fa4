// GET /api/me: who is calling (an API key or a member's session), for which organization, with
// which scopes, and every organization the caller may act for. No scope is needed.
import { admit, authenticator, presentedCredential } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { createApp, serve } from "../_shared/http.ts";
import { documented } from "../_shared/openapi.ts";
import { Me } from "../_shared/records.ts";

const app = createApp("me");
const authenticate = authenticator([], null);

app.get("/", documented({ auth: "caller", responses: { 200: Me } }, async (c) => {
  const credential = await presentedCredential(c);
  const row = await authenticate(credential);
  // A member of several organizations who named none (400 everywhere else): the organizations
  // to choose from, so a page can offer the choice. It acts for no organization, so no
  // organization's limits count it.
  if (row.status === 400 && credential.kind === "session") {
    const [me] = await sql`select app.caller_json(null, null, null, ${credential.userId}::uuid, ${credential.email}) as me`;
    return c.json(me.me);
  }
  const headers = admit(c, row, credential);
  const caller = c.var.caller;
  const [me] = await sql`select app.caller_json(${caller.organizationId}, ${caller.keyId}, ${caller.memberId},
    ${caller.user?.id ?? null}::uuid, ${caller.user?.email ?? null}) as me`;
  return c.json(me.me, 200, headers);
}));

serve(app);
