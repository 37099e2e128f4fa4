// What the integration tests share: the stack's URLs, a database client, and fixtures made
// through the same SQL the product uses.
import { inject } from "vitest";
import postgres from "postgres";
import { request as httpRequest } from "node:http";

export const functionsUrl = inject("functionsUrl");
export const databaseUrl = inject("databaseUrl");
export const serviceRoleKey = inject("serviceRoleKey");

export const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });

export interface ApiInit extends Omit<RequestInit, "body"> {
  key?: string;
  json?: unknown;
  body?: BodyInit;
}

/** A request to `/api<path>` on the local stack. */
export function api(path: string, init: ApiInit = {}): Promise<Response> {
  const { key, json, headers, ...rest } = init;
  return fetch(`${functionsUrl}/api${path}`, {
    ...rest,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...(headers as Record<string, string>),
    },
    body: json !== undefined ? JSON.stringify(json) : init.body,
  });
}

/** A response's JSON body together with its status and headers. */
export async function call<T = any>(path: string, init: ApiInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await api(path, init);
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, body, headers: res.headers };
}

/**
 * A raw HTTP/1.1 request from a chosen loopback source address (127.0.0.x), so tests of
 * per-address throttling do not share an address with the rest of the suite.
 */
export function rawRequest(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(`${functionsUrl}${path}`);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, path: url.pathname + url.search,
      method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.localAddress,
    }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A fresh organization with an owner, isolated from every other test's data. */
export async function newOrganization(name = `Test org ${unique()}`): Promise<{ id: string; ownerEmail: string }> {
  const ownerEmail = `owner-${unique()}@example.test`;
  const [org] = await sql<{ id: string }[]>`insert into app.organizations (name) values (${name}) returning id`;
  await sql`insert into app.members (organization_id, email, name, role) values (${org.id}, ${ownerEmail}, 'Owner', 'owner')`;
  return { id: org.id, ownerEmail };
}

/** A key for `organizationId` with `scopes` (default: every scope in the catalogue). */
export async function newKey(
  organizationId: string,
  scopes?: string[],
  limits: { perMinute?: number; perHour?: number; expiresAt?: Date } = {},
): Promise<string> {
  const all = scopes ?? (await sql<{ name: string }[]>`select name from app.scopes`).map((r) => r.name);
  const [row] = await sql<{ api_key: string }[]>`
    select api_key from app.create_api_key(${organizationId}, ${"test key " + unique()}, ${all},
      ${limits.expiresAt ?? null}, ${limits.perMinute ?? 1000}, ${limits.perHour ?? 100000})`;
  return row.api_key;
}

/** A new organization and a key with every scope: the usual start of a test. */
export async function newTenantOrg(scopes?: string[]) {
  const org = await newOrganization();
  return { ...org, key: await newKey(org.id, scopes) };
}
