// Ceiling 2: a hono route doing one `select 1` over postgres.js (pool of 4), the cost of one
// database round trip; an endpoint needing N round trips cannot beat about 1/N of this.
import { Hono, postgres } from "../../../supabase/functions/_shared/deps.ts";

const sql = postgres(Deno.env.get("DATABASE_URL")!, { max: 4 });
const app = new Hono();
app.get("/", async (c) => c.json(await sql`select 1 as one`));
Deno.serve({ port: Number(Deno.env.get("PORT")), hostname: "127.0.0.1", onListen: () => console.log("listening") }, app.fetch);
