// What is generated from the OpenAPI document (supabase/functions/openapi/openapi.json): the
// TypeScript client's types (openapi-typescript) and the request collection (.http files for
// VS Code's REST Client and JetBrains' HTTP Client). `npm run generate:clients` writes them;
// tests/clients-generated.test.ts fails when the committed files are not what this makes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { ROOT } from "./paths.ts";

export const documentPath = "supabase/functions/openapi/openapi.json";
export const typesPath = "clients/typescript/src/schema.ts";
export const collectionDir = "clients/http";

type Json = Record<string, any>;

export function readDocument(): Json {
  return JSON.parse(readFileSync(join(ROOT, documentPath), "utf8"));
}

/** Every generated file, by its path from the repository's root. */
export async function generatedFiles(doc: Json = readDocument()): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const header = `// Generated from ${documentPath} by \`npm run generate:clients\` (openapi-typescript): do not edit.\n\n`;
  files.set(typesPath, header + astToString(await openapiTS(doc as any)));
  for (const [name, text] of collection(doc)) files.set(`${collectionDir}/${name}`, text);
  return files;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** One .http file per group of paths (the first segment after /api), each request with a sample body. */
export function collection(doc: Json): Map<string, string> {
  const groups = new Map<string, string[]>();
  const pathVariables = new Map<string, Map<string, string>>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op: Json | undefined = item[method];
      if (!op) continue;
      const group = path.replace(/^\/+/, "").split("/")[0].replace(/[^a-z0-9-]/gi, "") || "root";
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(doc, p));
      const requests = groups.get(group) ?? [];
      requests.push(request(doc, path, method, op, parameters));
      groups.set(group, requests);
      const variables = pathVariables.get(group) ?? new Map<string, string>();
      if (schemesOf(doc, op).includes("schedulerSecret")) variables.set("schedulerSecret", "the-SCHEDULER_SECRET");
      for (const p of parameters.filter((p) => p.in === "path")) {
        variables.set(p.name, String(p.example ?? p.schema?.example ?? p.schema?.examples?.[0] ?? `replace-with-its-${p.name}`));
      }
      pathVariables.set(group, variables);
    }
  }
  const files = new Map<string, string>();
  for (const [group, requests] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const head = [
      `# ${doc.info?.title ?? "API"}: ${group}. Generated from ${documentPath} by \`npm run generate:clients\`: do not edit.`,
      "# Set baseUrl (the local stack, or https://app.aptoria.ai/api) and apiKey (an apt_ key), then send any request.",
      "@baseUrl = http://127.0.0.1:54321/api",
      "@apiKey = apt_your_key",
      ...[...pathVariables.get(group)!].map(([name, value]) => `@${name} = ${value}`),
      "",
    ];
    files.set(`${group}.http`, head.join("\n") + "\n" + requests.join("\n"));
  }
  return files;
}

function request(doc: Json, path: string, method: string, op: Json, resolved: Json[]): string {
  const lines = [`### ${op.summary ?? `${method.toUpperCase()} ${path}`}`];
  const urlPath = path.replace(/\{([^}]+)\}/g, (_, name) => `{{${name}}}`);
  // a list shows its page size; a required parameter gets a value it accepts
  const query = resolved.filter((p) => p.in === "query" && (p.required || p.name === "limit"))
    .map((p) => `${p.name}=${encodeURIComponent(String(p.name === "limit" ? 10 : sample(doc, p.schema ?? {}, 0)))}`);
  lines.push(`${method.toUpperCase()} {{baseUrl}}${urlPath}${query.length ? `?${query.join("&")}` : ""}`);
  const schemes = schemesOf(doc, op);
  if (schemes.includes("apiKey")) lines.push("Authorization: Bearer {{apiKey}}");
  else if (schemes.includes("schedulerSecret")) lines.push("Authorization: Bearer {{schedulerSecret}}");
  if (resolved.some((p) => p.in === "header" && p.name.toLowerCase() === "idempotency-key")) {
    lines.push("Idempotency-Key: replace-with-a-unique-string");
  }
  const schema = deref(doc, op.requestBody ?? {})?.content?.["application/json"]?.schema;
  if (schema) {
    lines.push("Content-Type: application/json", "", JSON.stringify(sample(doc, schema, 0), null, 2));
  }
  return lines.join("\n") + "\n";
}

/** The security schemes any of the operation's requirements name. */
function schemesOf(doc: Json, op: Json): string[] {
  return (op.security ?? doc.security ?? []).flatMap((requirement: Json) => Object.keys(requirement));
}

function deref(doc: Json, node: Json): Json {
  let current = node;
  for (let i = 0; current && typeof current.$ref === "string" && i < 20; i++) {
    current = current.$ref.replace(/^#\//, "").split("/").reduce((o: Json, k: string) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return current;
}

/** A value the schema accepts, as a starting point: its example, else its required fields. */
function sample(doc: Json, node: Json, depth: number): unknown {
  const s = deref(doc, node);
  if (!s || depth > 6) return null;
  if (s.examples?.length) return s.examples[0];
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  for (const key of ["oneOf", "anyOf"] as const) {
    if (s[key]?.length) {
      const choice = s[key].find((c: Json) => deref(doc, c)?.type !== "null") ?? s[key][0];
      return sample(doc, choice, depth + 1);
    }
  }
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((c: Json) => sample(doc, c, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== "null") : s.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const props: Json = s.properties ?? {};
      const required: string[] = s.required ?? Object.keys(props);
      for (const name of required) if (props[name]) out[name] = sample(doc, props[name], depth + 1);
      return out;
    }
    case "array":
      return s.items ? [sample(doc, s.items, depth + 1)] : [];
    case "integer":
    case "number":
      return s.minimum ?? s.exclusiveMinimum ?? 1;
    case "boolean":
      return true;
    case "string":
      if (s.format === "date") return "2026-02-14";
      if (s.format === "date-time") return "2026-02-14T09:00:00Z";
      if (s.format === "uri" || s.format === "url") return "https://example.com/webhooks/pmai";
      if (s.format === "email") return "someone@example.com";
      return "string";
    default:
      return null;
  }
}
