// A/B in one Deno process of three ways to read a 1 KB JSON body, with a Content-Length and
// chunked: the read before bodyText (buffer it all, then count UTF-16 units), hono's bodyLimit
// for every body, and bodyText (_shared/http.ts: the header for a Content-Length, bodyLimit for
// the rest). Rounds in rotating order, the median. Run: deno run -A scripts/bench/body-read.ts
import { bodyLimit, Hono } from "../../supabase/functions/_shared/deps.ts";
import { bodyText } from "../../supabase/functions/_shared/http.ts";
import type { Context } from "../../supabase/functions/_shared/deps.ts";
import type { Env } from "../../supabase/functions/_shared/http.ts";

const MAX = 1_000_000;
const honoLimit = bodyLimit({ maxSize: MAX, onError: () => { throw new Error("413"); } });
const app = new Hono<Env>();
app.post("/before", async (c) => {
  if (Number(c.req.header("content-length") ?? 0) > MAX) throw new Error("413");
  const text = await c.req.text();
  if (text.length > MAX) throw new Error("413");
  return c.json(JSON.parse(text));
});
app.post("/hono", async (c) => {
  await honoLimit(c, () => Promise.resolve());
  return c.json(JSON.parse(await c.req.text()));
});
app.post("/bodyText", async (c) => c.json(JSON.parse(await bodyText(c as Context<Env>))));

const bytes = new TextEncoder().encode(JSON.stringify({ name: "x".repeat(1000), scopes: ["read:dashboard"] }));
const request = (path: string, chunked: boolean) =>
  new Request(`http://bench${path}`, chunked
    ? {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: new ReadableStream({ start: (s) => (s.enqueue(bytes), s.close()) }),
    }
    : { method: "POST", headers: { "content-type": "application/json", "content-length": String(bytes.length) }, body: bytes });

async function microseconds(path: string, chunked: boolean, n: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await (await app.fetch(request(path, chunked))).text();
  return ((performance.now() - started) * 1000) / n;
}

const ways = ["/before", "/hono", "/bodyText"];
for (const chunked of [false, true]) {
  const times = new Map<string, number[]>(ways.map((w) => [w, []]));
  for (const way of ways) await microseconds(way, chunked, 5000);
  for (let round = 0; round < 6; round++) {
    for (const way of round % 2 ? ways : [...ways].reverse()) times.get(way)!.push(await microseconds(way, chunked, 20000));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${chunked ? "chunked" : "Content-Length"}: ${ways.map((w) => `${w.slice(1)} ${median(times.get(w)!).toFixed(1)} µs`).join(", ")} per request`);
}
