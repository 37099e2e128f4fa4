// Compile-time checks of the client's typing (deno check runs them in npm test): each @ts-expect-error
// line must be an error, each other line must not.
import { type AptoriaEvent, createAptoriaClient, verifyWebhook } from "../src/index.ts";
const c = createAptoriaClient({ baseUrl: "http://x" });
async function f() {
  const u = await c.get("/units/{id}", { path: { id: "unit_1" } });
  const label: string = u.label;
  // @ts-expect-error no such field
  u.nope;
  // @ts-expect-error path param required
  await c.get("/units/{id}");
  const list = await c.get("/units", { query: { limit: 5 } });
  const first: string | undefined = list.data[0]?.id;
  await c.get("/units");
  // @ts-expect-error unknown query
  await c.get("/units", { query: { nope: 1 } });
  await c.post("/ai-vendor-summary", { body: { vendor_id: "v_1" }, idempotencyKey: "k" });
  // @ts-expect-error no Idempotency-Key there
  await c.post("/units", { body: { label: "x", property_id: "p" }, idempotencyKey: "k" });
  // @ts-expect-error body required
  await c.post("/units");
  // @ts-expect-error wrong body
  await c.post("/units", { body: { label: 1 } });
  // @ts-expect-error no such path
  await c.get("/nope");
  for await (const unit of c.paginate("/units", { query: { property_id: "prop_1" } })) {
    const id: string = unit.id;
    console.log(id);
  }
  // @ts-expect-error not a list
  c.paginate("/dashboard");
  const r = await c.request("get", "/dashboard");
  const n: number = r.data.units;
  const e = await verifyWebhook<AptoriaEvent>({ body: "{}", signature: null, secrets: "whsec_x" });
  if (e.event === "rent.paid") {
    const amount: number = e.payload.amount_usd;
    console.log(amount);
  }
  // @ts-expect-error no such kind
  if (e.event === "rent.evicted") console.log(e);
  console.log(label, first, n, r.response.status);
}
console.log(f);
