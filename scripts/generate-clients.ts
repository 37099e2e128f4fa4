// Writes what is generated from the OpenAPI document: the TypeScript client's types and the
// .http request collection (scripts/lib/clients.ts). `npm run generate:clients`.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { collectionDir, generatedFiles } from "./lib/clients.ts";
import { ROOT } from "./lib/paths.ts";

const files = await generatedFiles();
// a group the document no longer has leaves no file behind
for (const name of readdirSync(join(ROOT, collectionDir), { withFileTypes: true })) {
  if (name.isFile() && name.name.endsWith(".http") && !files.has(`${collectionDir}/${name.name}`)) rmSync(join(ROOT, collectionDir, name.name));
}
for (const [path, text] of files) {
  mkdirSync(dirname(join(ROOT, path)), { recursive: true });
  writeFileSync(join(ROOT, path), text);
}
console.log(`Wrote ${files.size} files: ${[...files.keys()].join(", ")}`);
