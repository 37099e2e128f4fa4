// Ceiling 1: the fastest a Deno HTTP server answers a small JSON on this machine.
const port = Number(Deno.env.get("PORT"));
const body = JSON.stringify({ status: "ok" });
Deno.serve({ port, hostname: "127.0.0.1", onListen: () => console.log("listening") }, () =>
  new Response(body, { headers: { "content-type": "application/json" } }));
