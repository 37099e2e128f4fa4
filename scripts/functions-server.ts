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

// Settings → Developer: the built page (web/dist, `npm start` builds it) at /settings/developer/.
// Hosted Edge Functions cannot serve HTML, so this exists only locally (docs/developer-page.md).
const PAGE = "/settings/developer";
const webDist = new URL("../web/dist/", import.meta.url);
const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8",
  json: "application/json", svg: "image/svg+xml", png: "image/png", ico: "image/x-icon", woff2: "font/woff2",
  txt: "text/plain; charset=utf-8", map: "application/json",
};

async function servePage(req: Request, pathname: string): Promise<Response> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return new Response(null, { status: 405, headers: { allow: "GET, HEAD" } });
  }
  if (pathname === PAGE) return new Response(null, { status: 308, headers: { location: `${PAGE}/` } });
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(PAGE.length + 1));
  } catch {
    relative = "";
  }
  // Only plain names inside web/dist; anything else is a route of the page itself.
  const isFile = /^[\w.-]+(\/[\w.-]+)*$/.test(relative) && !relative.split("/").some((part) => part.startsWith("."));
  const read = async (name: string) => {
    try {
      return await Deno.readFile(new URL(name, webDist));
    } catch {
      return null;
    }
  };
  let name = isFile ? relative : "index.html";
  let body = await read(name);
  // A missing asset is a 404; a missing page path is the page's own route (SPA fallback).
  if (body === null && !(isFile && relative.startsWith("assets/"))) body = await read(name = "index.html");
  if (body === null) {
    return new Response(name === "index.html" ? "The page is not built: run `npm start` (or `npx vite build web`)." : "Not found", {
      status: 404, headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const type = CONTENT_TYPES[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";
  return new Response(req.method === "HEAD" ? null : body, {
    headers: {
      "content-type": type,
      // hashed asset names never change content; the page itself must be fetched fresh
      "cache-control": name.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    },
  });
}

// The API reference: the OpenAPI document rendered by Scalar's standalone bundle, all three
// files served from here (no CDN), as they can be from any static host (docs/hosted.md).
const REFERENCE = "/docs/api";
const REFERENCE_FILES: Record<string, [URL, string]> = {
  "": [new URL("reference/index.html", import.meta.url), CONTENT_TYPES.html],
  "standalone.js": [new URL("../node_modules/@scalar/api-reference/dist/browser/standalone.js", import.meta.url), CONTENT_TYPES.js],
  "openapi.json": [new URL("openapi/openapi.json", functionsDir), CONTENT_TYPES.json],
};

async function serveReference(req: Request, pathname: string): Promise<Response> {
  if (pathname === REFERENCE) return new Response(null, { status: 308, headers: { location: `${REFERENCE}/` } });
  const file = REFERENCE_FILES[pathname.slice(REFERENCE.length + 1)];
  if (!file) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (req.method !== "GET" && req.method !== "HEAD") return new Response(null, { status: 405, headers: { allow: "GET, HEAD" } });
  const body = await Deno.readFile(file[0]);
  return new Response(req.method === "HEAD" ? null : body, {
    headers: { "content-type": file[1], "cache-control": "no-cache", "x-content-type-options": "nosniff" },
  });
}

const ROUTE = /^\/(?:functions\/v1|api)\/([a-z0-9][a-z0-9_-]*)(?:(\.json)$|(\/.*)?$)/;

// Supabase Auth publishes a project's public signing keys here. There is no Auth server on the
// Docker-free stack: this process publishes the stack's own key pair's public half
// (scripts/lib/sessions.ts), so the functions verify local sessions as they verify hosted ones.
const JWKS_PATH = "/auth/v1/.well-known/jwks.json";
const localJwks = Deno.env.get("LOCAL_AUTH_JWKS");

function jsonError(req: Request, status: number, message: string): Response {
  return errorResponse(status, message, requestIdOf(req));
}

const port = Number(Deno.env.get("FUNCTIONS_PORT") ?? 54321);
const hostname = Deno.env.get("FUNCTIONS_HOST") ?? "127.0.0.1";

function route(req: Request, info: Deno.ServeHandlerInfo<Deno.NetAddr>): Response | Promise<Response> {
  // the path without parsing the whole URL (this runs for every request)
  const pathname = req.url.slice(req.url.indexOf("/", req.url.indexOf("//") + 2)).split(/[?#]/, 1)[0];
  if (pathname === PAGE || pathname.startsWith(`${PAGE}/`)) return servePage(req, pathname);
  if (pathname === REFERENCE || pathname.startsWith(`${REFERENCE}/`)) return serveReference(req, pathname);
  if (pathname === JWKS_PATH && localJwks) {
    return new Response(localJwks, { headers: { "content-type": "application/json", "cache-control": "public, max-age=600" } });
  }
  const match = ROUTE.exec(pathname);
  const handler = match && handlers.get(match[1]);
  if (!match || !handler) {
    return jsonError(req, 404, match ? `No function named ${match[1]}.` : `No route for ${req.method} ${pathname}.`);
  }
  // /api/openapi.json is the openapi function's answer at /api/openapi (a rare request: copied to rewrite it)
  if (match[2]) return handler(new Request(req.url.replace(`${match[1]}.json`, match[1]), req), info);
  // The request goes on as it came: each function's routing drops the /api or /functions/v1
  // prefix. As the platform's edge does hosted, this server vouches for the address a request
  // came from: it appends it to X-Forwarded-For and replaces a CF-Connecting-IP the client sent
  // (_shared/client-address.ts). A function reads that address from `info` when neither header
  // came, so only a request carrying one is copied (served requests' headers are immutable).
  const previous = req.headers.get("x-forwarded-for");
  if (previous === null && !req.headers.has("cf-connecting-ip")) return handler(req, info);
  const forwarded = new Request(req);
  if (previous !== null) forwarded.headers.set("x-forwarded-for", `${previous}, ${info.remoteAddr.hostname}`);
  forwarded.headers.set("cf-connecting-ip", info.remoteAddr.hostname);
  return handler(forwarded, info);
}

// API_RECORD_FILE (set by the tests' global setup): every request and its answer as a JSON line, so
// the run's end can check each answer against the OpenAPI document (tests/contract/). Chosen once
// here: without it, requests go straight to `route`.
const recordFile = Deno.env.get("API_RECORD_FILE");
const recording = recordFile ? await Deno.open(recordFile, { append: true, create: true }) : null;
const encoder = new TextEncoder();

async function recorded(req: Request, info: Deno.ServeHandlerInfo<Deno.NetAddr>): Promise<Response> {
  const res = await route(req, info);
  const body = req.method === "HEAD" || res.status === 204 ? "" : await res.clone().text();
  const line = JSON.stringify({
    method: req.method,
    url: req.url.slice(req.url.indexOf("/", req.url.indexOf("//") + 2)),
    origin: req.headers.get("origin") !== null,
    status: res.status,
    headers: Object.fromEntries(res.headers),
    body,
  });
  // one write per line on a file opened for appending: lines of concurrent requests do not mix
  await recording!.write(encoder.encode(`${line}\n`));
  return res;
}

realServe({
  port,
  hostname,
  onListen: () => console.log(`functions listening on http://${hostname}:${port} (${[...handlers.keys()].sort().join(", ")})`),
}, recording ? recorded : route);

// Exit (rather than die) on SIGTERM, so exit-time work such as a --cpu-prof profile is written,
// after the request log entries still waiting are (as the edge runtime's `beforeunload` does);
// 2 s at most: the stack sends SIGKILL after 3.
Deno.addSignalListener("SIGTERM", () => {
  Promise.race([flushRequestLog(), new Promise((r) => setTimeout(r, 2000))]).finally(() => Deno.exit(0));
});
