// Serves every Edge Function in supabase/functions from one Deno process, as the Supabase
// edge runtime does: each function's own module calls Deno.serve, and a request for
// /functions/v1/<name>/... (or /api/<name>/...) reaches that handler (whose routing drops the
// prefix, see _shared/http.ts).
//
//   deno run -A scripts/functions-server.ts      (FUNCTIONS_PORT, FUNCTIONS_HOST)
import { errorResponse, requestIdOf } from "../supabase/functions/_shared/http.ts";
import { flushRequestLog } from "../supabase/functions/_shared/request-log.ts";

type Handler = (req: Request, info: Deno.ServeHandlerInfo<Deno.NetAddr>) => Response | Promise<Response>;

const functionsDir = new URL("../supabase/functions/", import.meta.url);
const handlers = new Map<string, Handler>();

const realServe = Deno.serve;
let loading = "";
// deno-lint-ignore no-explicit-any
(Deno as any).serve = (...args: unknown[]) => {
  const handler = args.find((a) => typeof a === "function") ??
    (args[0] as { handler?: Handler } | undefined)?.handler;
  if (typeof handler !== "function") throw new Error(`${loading}: Deno.serve called without a handler`);
  handlers.set(loading, handler as Handler);
  return { finished: new Promise(() => {}), shutdown: async () => {}, ref() {}, unref() {}, addr: { transport: "tcp", hostname: "", port: 0 } };
};

const only = Deno.env.get("FUNCTIONS_ONLY")?.split(",").filter(Boolean);
for await (const entry of Deno.readDir(functionsDir)) {
  if (!entry.isDirectory || entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
  if (only && !only.includes(entry.name)) continue;
  loading = entry.name;
  try {
    await import(new URL(`${entry.name}/index.ts`, functionsDir).href);
  } catch (e) {
    // As on Supabase, one broken function does not take the others down: it answers 503.
    console.error(`function ${entry.name} failed to load: ${(e as Error).message}`);
    const name = entry.name;
    handlers.set(name, (req) => jsonError(req, 503, `Function ${name} failed to start; see the server log.`));
  }
}
Deno.serve = realServe;

const ROUTE = /^\/(?:functions\/v1|api)\/([a-z0-9][a-z0-9_-]*)(\/.*)?$/;

function jsonError(req: Request, status: number, message: string): Response {
  return errorResponse(status, message, requestIdOf(req));
}

const port = Number(Deno.env.get("FUNCTIONS_PORT") ?? 54321);
const hostname = Deno.env.get("FUNCTIONS_HOST") ?? "127.0.0.1";

realServe({
  port,
  hostname,
  onListen: () => console.log(`functions listening on http://${hostname}:${port} (${[...handlers.keys()].sort().join(", ")})`),
}, (req, info) => {
  // the path without parsing the whole URL (this runs for every request)
  const pathname = req.url.slice(req.url.indexOf("/", req.url.indexOf("//") + 2)).split(/[?#]/, 1)[0];
  const match = ROUTE.exec(pathname);
  const handler = match && handlers.get(match[1]);
  if (!match || !handler) {
    return jsonError(req, 404, match ? `No function named ${match[1]}.` : `No route for ${req.method} ${pathname}.`);
  }
  // The request goes on as it came: each function's routing drops the /api or /functions/v1
  // prefix. The Supabase gateway appends the address the request came from to
  // X-Forwarded-For; without that header a function reads the same address from `info`, so
  // only a request that carries one is copied to append it (served requests' headers are
  // immutable).
  const previous = req.headers.get("x-forwarded-for");
  if (previous === null) return handler(req, info);
  const forwarded = new Request(req);
  forwarded.headers.set("x-forwarded-for", `${previous}, ${info.remoteAddr.hostname}`);
  return handler(forwarded, info);
});

// Exit (rather than die) on SIGTERM, so exit-time work such as a --cpu-prof profile is written,
// after the request log entries still waiting are (as the edge runtime's `beforeunload` does);
// 2 s at most: the stack sends SIGKILL after 3.
Deno.addSignalListener("SIGTERM", () => {
  Promise.race([flushRequestLog(), new Promise((r) => setTimeout(r, 2000))]).finally(() => Deno.exit(0));
});
