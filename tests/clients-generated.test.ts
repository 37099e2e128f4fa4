// What is generated from the OpenAPI document is committed up to date (the client's types and
// the .http collection), and the collection's requests work against the API as written.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectionDir, generatedFiles } from "../scripts/lib/clients.ts";
import { functionsUrl } from "./helpers.ts";
import { newTenantOrg } from "./fixtures/index.ts";

const STALE = "stale: run `npm run generate:clients` and commit what it writes";

describe("generated from the OpenAPI document", () => {
  it("the client's types and the .http collection are what the document makes", async () => {
    const files = await generatedFiles();
    for (const [path, text] of files) expect(readFileSync(path, "utf8"), `${path} is ${STALE}`).toBe(text);
    const onDisk = readdirSync(collectionDir).filter((f) => f.endsWith(".http")).map((f) => `${collectionDir}/${f}`);
    expect(onDisk.sort(), `${collectionDir} is ${STALE}`).toEqual([...files.keys()].filter((p) => p.startsWith(collectionDir)).sort());
  });

  it("every GET of the collection that needs no id answers 2xx with a new organization's key", async () => {
    const org = await newTenantOrg();
    const sent: string[] = [];
    for (const file of readdirSync(collectionDir).filter((f) => f.endsWith(".http"))) {
      const text = readFileSync(`${collectionDir}/${file}`, "utf8");
      const variables: Record<string, string> = { baseUrl: `${functionsUrl}/api`, apiKey: org.key };
      for (const request of text.split(/^###.*$/m).slice(1)) {
        const lines = request.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
        const [method, target] = lines[0].split(" ");
        if (method !== "GET" || /\{\{(?!baseUrl|apiKey)/.test(request)) continue;
        const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, name) => variables[name]);
        const headers = Object.fromEntries(lines.slice(1).map((l) => l.split(/:\s*/, 2)).map(([k, v]) => [k, fill(v)]));
        const res = await fetch(fill(target), { headers });
        expect(res.status, `${file}: ${lines[0]} answered ${res.status} ${await res.text()}`).toBeLessThan(300);
        sent.push(`${method} ${target}`);
      }
    }
    expect(sent).toContain("GET {{baseUrl}}/units?limit=10");
    expect(sent.length).toBeGreaterThan(15);
  });
});
