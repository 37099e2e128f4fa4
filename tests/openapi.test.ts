// The OpenAPI document (issue 20 items 1-3): generated from the routes, complete, valid, served,
// rendered, and held to the behaviour. The run's every answer and webhook delivery is checked
// against it in the global teardown (tests/contract.ts); here, that the check itself can fail.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { denoBinary, ROOT } from "../scripts/lib/paths.ts";
import { Contract, DOCUMENT_PATH, type Exchange, loadDocument, type OpenApiDocument } from "./contract.ts";
import { newTenantOrg } from "./fixtures/index.ts";
import { api, functionsUrl, sql } from "./helpers.ts";

const run = promisify(execFile);
const generator = (flag: string) =>
  run(denoBinary(), ["run", "-A", "--no-prompt", "scripts/openapi.ts", flag], { cwd: ROOT, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1" } });

let doc: OpenApiDocument;
let generated: string;
let appRoutes: string[];

beforeAll(async () => {
  doc = loadDocument();
  const [document, routes] = await Promise.all([generator("--stdout"), generator("--routes")]);
  generated = document.stdout;
  appRoutes = routes.stdout.trim().split("\n");
}, 180_000);

const operations = (d: OpenApiDocument) =>
  Object.entries(d.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)).sort();

describe("the OpenAPI document", () => {
  it("is what `npm run openapi` writes from the routes as they are (run it and commit the file after changing a route)", () => {
    expect(readFileSync(DOCUMENT_PATH, "utf8")).toBe(generated);
  });

  it("has every route of every function's app, and no route the apps lack", async () => {
    expect(operations(doc)).toEqual([...appRoutes].sort());
    // every function folder is served by an app with routes
    const functions = new Set(appRoutes.map((r) => r.split(" ")[1].split("/")[1]));
    const { readdirSync } = await import("node:fs");
    const folders = readdirSync(new URL("../supabase/functions/", import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith("_") && !d.name.startsWith(".")).map((d) => d.name);
    expect([...functions].sort()).toEqual(folders.sort());
    expect(appRoutes.length).toBeGreaterThan(80);
  });

  it("is valid OpenAPI 3.1 by @seriousme/openapi-schema-validator, which refuses a broken one", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as never);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    const broken = structuredClone(doc) as any;
    broken.paths["/properties"].get.responses = { 200: { content: {} } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("names each route's scopes as its security requirement and in its description, every scope one of app.scopes", async () => {
    const catalogue = new Set((await sql`select name from app.scopes`).map((r) => r.name));
    const get = doc.paths["/properties/{id}"].get as any;
    expect(get.security).toEqual([{ apiKey: ["read:properties"] }, { memberSession: ["read:properties"] }]);
    expect(get.description).toContain("`read:properties`");
    expect((doc.paths["/ai-vendor-summary"].post as any).security[0].apiKey).toEqual(["ai:run", "read:vendors"]);
    for (const [route, op] of Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, o]) => [`${m} ${p}`, o as any]))) {
      for (const requirement of op.security) {
        for (const scope of Object.values(requirement).flat() as string[]) expect(catalogue.has(scope), `${route}: ${scope}`).toBe(true);
      }
    }
    expect((doc.paths["/health"].get as any).security).toEqual([]);
    expect((doc.paths["/rent-late"].post as any).security).toEqual([{ schedulerSecret: [] }]);
  });

  it("describes errors with {error} and their headers, pagination and Idempotency-Key", () => {
    const responses = doc.components.responses as any;
    expect(responses.Error429.headers["Retry-After"].required).toBe(true);
    expect(Object.keys(responses.Error429.headers)).toEqual(expect.arrayContaining(["X-Request-Id", "RateLimit", "RateLimit-Policy"]));
    expect(responses.Error404.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ApiErrorBody" });
    const list = doc.paths["/properties"].get as any;
    expect(list.parameters.map((p: any) => p.name ?? p.$ref)).toEqual(expect.arrayContaining(["limit", "cursor"]));
    expect(doc.components.schemas.PropertyList.required).toEqual(["data", "has_more", "next_cursor", "next_url"]);
    const ai = doc.paths["/ai-delinquency-prioritizer"].post as any;
    expect(ai.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect(ai.responses["200"].headers["Idempotent-Replayed"]).toBeDefined();
  });

  it("has every event kind of app.webhook_event_kinds as a webhook, with its payload and the signature headers", async () => {
    const kinds = (await sql`select name from app.webhook_event_kinds order by name`).map((r) => r.name);
    expect(kinds).toHaveLength(14);
    expect(Object.keys(doc.webhooks).sort()).toEqual(kinds);
    for (const hook of Object.values(doc.webhooks)) {
      expect(hook.post.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(["X-PMAI-Signature", "X-PMAI-Event-Id", "X-PMAI-Delivery-Id", "X-PMAI-Attempt"]));
    }
  });

  it("is served at /api/openapi.json and /functions/v1/openapi with no key, with X-Request-Id and CORS", async () => {
    for (const url of [`${functionsUrl}/api/openapi.json`, `${functionsUrl}/functions/v1/openapi`, `${functionsUrl}/api/openapi`]) {
      const res = await fetch(url, { headers: { origin: "https://example.test" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-request-id")).toMatch(/^req_/);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(await res.json()).toEqual(doc);
    }
    expect((await fetch(`${functionsUrl}/api/openapi.json`, { method: "POST" })).status).toBe(405);
  });
});

describe("the contract check", () => {
  const contract = () => new Contract(loadDocument());
  const exchange = async (path: string, key: string): Promise<Exchange> => {
    const res = await api(path, { key });
    return { method: "GET", url: `/api${path}`, status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  };

  it("passes a real answer and fails one whose body, status or headers differ from the document", async () => {
    const org = await newTenantOrg();
    const created = await api("/properties", { key: org.key, method: "POST", json: { name: "Contract Court" } });
    const { id } = await created.json();
    const ok = await exchange(`/properties/${id}`, org.key);
    const c = contract();
    expect(c.check(ok)).toEqual([]);

    const extra = { ...ok, body: JSON.stringify({ ...JSON.parse(ok.body), surprise: 1 }) };
    expect(c.check(extra).join()).toContain("additional properties");
    const wrongType = { ...ok, body: JSON.stringify({ ...JSON.parse(ok.body), name: 7 }) };
    expect(c.check(wrongType).join()).toContain("/name must be string");
    expect(c.check({ ...ok, status: 418 }).join()).toContain("status 418 is not in the document");
    const { ["x-request-id"]: _, ...noRequestId } = ok.headers;
    expect(c.check({ ...ok, headers: noRequestId }).join()).toContain("header X-Request-Id is missing");

    const missing = await exchange("/properties/prop_00000000000000000000000000", org.key);
    expect(missing.status).toBe(404);
    expect(c.check(missing)).toEqual([]);
    expect(c.check({ ...missing, body: '{"message":"x"}' }).join()).toContain("must have required property 'error'");
    expect(c.check({ method: "GET", url: "/api/nowhere", status: 200, headers: {}, body: "{}" }).join()).toContain("no such path");
  });

  it("fails a webhook delivery whose payload or headers differ from the document's webhooks", () => {
    const c = contract();
    const body = JSON.stringify({
      event: "tenant.removed", delivered_at: "2026-05-25T15:42:18.224Z", organization_id: "org_01M8FSDYDY73V6NGNWA6301SN2",
      payload: { tenant_id: "ten_01M8FSDYDY73V6NGNWA6301SN2", name: "Ann", removed_at: "2026-05-25T15:42:14Z" }, id: "evt_01M8FSDYDY73V6NGNWA6301SN2",
    });
    const headers = {
      "x-pmai-signature": `t=1716659938,v1=${"a".repeat(64)}`, "x-pmai-event-id": "evt_01M8FSDYDY73V6NGNWA6301SN2", "x-pmai-event": "tenant.removed",
      "x-pmai-delivery-id": "dlv_01M8FSDYDY73V6NGNWA6301SN2", "x-pmai-attempt": "1", "user-agent": "Aptoria-Webhooks/1.0",
    };
    expect(c.checkDelivery(headers, body)).toEqual([]);
    expect(c.checkDelivery(headers, body.replace('"name":"Ann",', "")).join()).toContain("required property 'name'");
    expect(c.checkDelivery({ ...headers, "x-pmai-signature": "v1=abc" }, body).join()).toContain("X-PMAI-Signature");
  });
});

describe("the API reference page", () => {
  it("renders the document with Scalar served by the stack itself (no CDN)", async () => {
    const page = await fetch(`${functionsUrl}/docs/api/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="./standalone.js"></script>');
    expect(html).toContain('url: "./openapi.json"');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${functionsUrl}/docs/api/standalone.js`);
    expect(bundle.headers.get("content-type")).toContain("javascript");
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
    expect(await (await fetch(`${functionsUrl}/docs/api/openapi.json`)).json()).toEqual(doc);
    expect((await fetch(`${functionsUrl}/docs/api`, { redirect: "manual" })).status).toBe(308);
  });
});
