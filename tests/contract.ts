// Checks answers against the OpenAPI document (supabase/functions/openapi/openapi.json): the
// status must be one the operation lists, the body must match that answer's schema, and the
// headers it requires must be there and match. The tests' global setup has the functions server
// record every request and answer (API_RECORD_FILE), and its teardown runs checkRecording over
// the lot, so every answer the suite receives is held to the document.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

export const DOCUMENT_PATH = new URL("../supabase/functions/openapi/openapi.json", import.meta.url);

type Json = Record<string, unknown>;
interface Operation {
  responses: Record<string, Json>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, { post: { parameters: Json[]; requestBody: { content: Record<string, { schema: Json }> } } }>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; headers: Record<string, Json> };
}

/** One request and its answer as the functions server records them (scripts/functions-server.ts). */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function loadDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(DOCUMENT_PATH, "utf8"));
}

const DEFS = "https://aptoria.test/components";

/** References into the document's components, as references into one schema the validator holds. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === "object") {
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string" ? v.replace("#/components/schemas/", `${DEFS}#/$defs/`) : rebase(v),
    ]));
  }
  return schema;
}

export class Contract {
  readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  private validators = new Map<object, ValidateFunction>();
  private templates: { path: string; pattern: RegExp }[];

  constructor(readonly doc: OpenApiDocument) {
    this.ajv.addSchema({ $id: DEFS, $defs: rebase(doc.components.schemas) as Json });
    // literal segments before parameters: /api-keys/scopes is not /api-keys/{id}
    this.templates = Object.keys(doc.paths)
      .sort((a, b) => (a.split("{").length - b.split("{").length) || b.length - a.length)
      .map((path) => ({ path, pattern: new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`) }));
  }

  /** A schema of the document, compiled once. */
  validator(schema: Json): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) this.validators.set(schema, validate = this.ajv.compile(rebase(schema) as Json));
    return validate;
  }

  private resolve<T extends Json>(item: T): T {
    const ref = item.$ref as string | undefined;
    if (!ref) return item;
    const [, , kind, name] = ref.split("/");
    return (this.doc.components as unknown as Record<string, Record<string, T>>)[kind][name];
  }

  /** The document's path for a request path after /api or /functions/v1, or undefined. */
  template(path: string): string | undefined {
    return this.templates.find((t) => t.pattern.test(path))?.path;
  }

  /** What is wrong with this answer, by the document; empty when nothing is. */
  check(x: Exchange): string[] {
    const pathname = x.url.split("?")[0];
    const apiPath = /^\/(?:api|functions\/v1)(\/.*)$/.exec(pathname)?.[1];
    if (!apiPath) return []; // not the API: the Developer page, the local JWKS
    if (x.method === "OPTIONS" || x.method === "HEAD") return []; // CORS preflights; HEAD is GET without a body
    const template = this.template(apiPath.replace(/\/$/, "") || "/") ?? this.template(apiPath.replace(/\.json$/, ""));
    const operation = template ? this.doc.paths[template][x.method.toLowerCase()] : undefined;
    if (!operation) {
      // an unknown route (404) or a method the path lacks (405): the plain error
      const expected = template ? 405 : 404;
      if (x.status !== expected) return [`${x.method} ${x.url}: ${x.status}, expected ${expected} (${template ? "method not in the document" : "no such path in the document"})`];
      return this.checkBody(x, this.resolve({ $ref: `#/components/responses/Error${expected}` }));
    }
    const answer = operation.responses[String(x.status)];
    if (!answer) return [`${x.method} ${template}: status ${x.status} is not in the document (${Object.keys(operation.responses).join(", ")}): ${x.body.slice(0, 200)}`];
    return this.checkBody(x, this.resolve(answer)).map((p) => `${x.method} ${template} ${x.status}: ${p}`);
  }

  private checkBody(x: Exchange, answer: Json): string[] {
    const problems: string[] = [];
    for (const [name, raw] of Object.entries((answer.headers ?? {}) as Record<string, Json>)) {
      const header = this.resolve(raw);
      const value = x.headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) problems.push(`header ${name} is missing`);
        continue;
      }
      const validate = this.validator(header.schema as Json);
      if (!validate(value)) problems.push(`header ${name}: ${this.ajv.errorsText(validate.errors)} (${value})`);
    }
    const content = answer.content as Record<string, { schema: Json }> | undefined;
    if (!content) return problems;
    const type = x.headers["content-type"] ?? "";
    if (!type.startsWith("application/json")) return [...problems, `content-type ${type}, expected application/json`];
    let body: unknown;
    try {
      body = JSON.parse(x.body);
    } catch {
      return [...problems, `body is not JSON: ${x.body.slice(0, 100)}`];
    }
    const validate = this.validator(content["application/json"].schema);
    if (!validate(body)) problems.push(`body: ${this.ajv.errorsText(validate.errors, { separator: "; " })}: ${x.body.slice(0, 300)}`);
    return problems;
  }

  /** What is wrong with a webhook delivery (its headers and raw body), by the document's `webhooks`. */
  checkDelivery(headers: Record<string, string | string[] | undefined>, rawBody: string): string[] {
    const body: { event: string } = JSON.parse(rawBody);
    const event = body.event;
    const hook = this.doc.webhooks[body.event];
    if (!hook) return [`event ${body.event} is not in the document's webhooks`];
    const problems: string[] = [];
    for (const p of hook.post.parameters as { name: string; required?: boolean; schema: Json }[]) {
      const value = headers[p.name.toLowerCase()];
      if (value === undefined) {
        if (p.required) problems.push(`${body.event}: header ${p.name} is missing`);
      } else if (!this.validator(p.schema)(String(value))) problems.push(`${body.event}: header ${p.name} does not match: ${value}`);
    }
    const validate = this.validator(hook.post.requestBody.content["application/json"].schema);
    if (!validate(body)) problems.push(`${event}: body: ${this.ajv.errorsText(validate.errors)}: ${rawBody.slice(0, 300)}`);
    return problems;
  }
}

/** Every problem of a recording (one JSON line each), each told once with how often it occurred. */
function tally(text: string, check: (line: any) => string[]): { exchanges: number; problems: string[] } {
  const counts = new Map<string, number>();
  let exchanges = 0;
  for (const line of text.split("\n")) {
    if (!line) continue;
    exchanges++;
    for (const problem of check(JSON.parse(line))) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  }
  return { exchanges, problems: [...counts].map(([p, n]) => (n > 1 ? `${p} (×${n})` : p)) };
}

/** The API's answers the functions server recorded (API_RECORD_FILE). */
export const checkRecording = (text: string, contract = new Contract(loadDocument())) => tally(text, (x: Exchange) => contract.check(x));

/** The webhook deliveries the tests' receivers got (helpers.ts: headers and raw body). */
export const checkDeliveries = (text: string, contract = new Contract(loadDocument())) =>
  tally(text, (x: { headers: Record<string, string>; body: string }) => contract.checkDelivery(x.headers, x.body));
