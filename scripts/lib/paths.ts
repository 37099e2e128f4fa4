import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's top folder. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

/**
 * The Deno executable itself. node_modules/.bin/deno may be the npm package's Node launcher,
 * which runs Deno as a child and does not pass signals on: stopping the launcher would leave
 * Deno running. So processes we stop are started from the binary directly.
 */
export function denoBinary(): string {
  const copied = join(ROOT, "node_modules/deno/deno");
  if (existsSync(copied)) return copied;
  const platforms = join(ROOT, "node_modules/@deno");
  for (const dir of existsSync(platforms) ? readdirSync(platforms) : []) {
    const candidate = join(platforms, dir, "deno");
    if (existsSync(candidate)) return candidate;
  }
  return join(ROOT, "node_modules/.bin/deno");
}
