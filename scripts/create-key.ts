// npm run create-key -- --org <org id | "name"> [--name "CI key"] [--scopes read:dashboard,read:payments | --all-scopes]
//                        [--create-org --owner-email owner@example.com] [--expires 2027-01-01]
// Creates an API key straight in the database, for bootstrapping an organization's first key
// and for operators. The database is the one `npm start` runs: DATABASE_URL, else DB_PORT (default 54322).
import { parseArgs } from "node:util";
import { connectLocalDatabase } from "./lib/local-database.ts";
import { allScopes, createKey } from "./lib/demo.ts";

const { values } = parseArgs({
  options: {
    org: { type: "string" },
    name: { type: "string", default: "Bootstrap key" },
    scopes: { type: "string" },
    "all-scopes": { type: "boolean", default: false },
    "create-org": { type: "boolean", default: false },
    "owner-email": { type: "string" },
    expires: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

function usage(message?: string): never {
  if (message) console.error(`error: ${message}\n`);
  console.error(`usage: npm run create-key -- --org <org id | name> (--scopes a,b | --all-scopes) [--name NAME]
                           [--create-org --owner-email EMAIL] [--expires YYYY-MM-DD]
  DATABASE_URL  the database (default: the one npm start runs, postgres://postgres:postgres@127.0.0.1:$DB_PORT/postgres)
  DB_PORT       that server's port, as for npm start (default 54322)`);
  process.exit(message ? 2 : 0);
}

if (values.help) usage();
if (!values.org) usage("--org is required");
if (!values.scopes && !values["all-scopes"]) usage("give --scopes or --all-scopes");

const sql = await connectLocalDatabase();
try {
  let [org] = await sql<{ id: string; name: string }[]>`
    select id, name from app.organizations where id = ${values.org} or name = ${values.org} order by created_at limit 2`;
  if (!org && values["create-org"]) {
    if (!values["owner-email"]) usage("--create-org needs --owner-email (the owner receives operational email)");
    [org] = await sql.begin(async (tx) => {
      const [created] = await tx<{ id: string; name: string }[]>`insert into app.organizations (name) values (${values.org!}) returning id, name`;
      await tx`insert into app.members (organization_id, email, role) values (${created.id}, ${values["owner-email"]!}, 'owner')`;
      return [created];
    });
    console.error(`created organization ${org.id} (${org.name})`);
  }
  if (!org) usage(`no organization ${JSON.stringify(values.org)} (add --create-org --owner-email ... to create it)`);
  const scopes = values["all-scopes"] ? await allScopes(sql) : values.scopes!.split(",").map((s) => s.trim()).filter(Boolean);
  const key = await createKey(sql, org.id, values.name!, scopes, values.expires);
  console.error(`API key for ${org.name} (${org.id}), scopes: ${scopes.join(" ")}. It is shown once; store it now:`);
  console.log(key);
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await sql.end();
}
