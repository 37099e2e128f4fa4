// Settings → Developer (web/): built with Vite into web/dist, which the functions server serves
// at /settings/developer/. Built again only when a source file is newer than the build.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./paths.ts";

const WEB = join(ROOT, "web");
const BUILT = join(WEB, "dist", "index.html");

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** True when web/dist is missing or older than web/src, web/index.html, the Vite config or the API client the page uses. */
export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const sources = [...["src", "index.html", "vite.config.ts"].map((p) => join(WEB, p)), join(ROOT, "clients/typescript/src")].filter(existsSync);
  return Math.max(...sources.map(newest)) > statSync(BUILT).mtimeMs;
}

/** Builds the page if it is stale; answers whether it built. */
export async function ensureWebBuild(log: (line: string) => void = () => {}): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  const started = Date.now();
  // Built beside web/dist, then moved into place: a server reading web/dist, or another
  // process building at the same time (npm start next to the tests), never sees half a build.
  const out = join(WEB, `.dist-${process.pid}-${Date.now()}`);
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", join(WEB, "vite.config.ts"),
        "--outDir", out, "--emptyOutDir", "--logLevel", "warn"], { cwd: ROOT, timeout: 120_000 },
        (error, _stdout, stderr) => (error ? reject(new Error(`vite build failed: ${error.message}\n${stderr}`)) : resolve())));
    // another process may have put the same sources' build in place meanwhile: keep that one
    if (!webBuildIsStale()) return true;
    rmSync(join(WEB, "dist"), { recursive: true, force: true });
    try {
      renameSync(out, join(WEB, "dist"));
    } catch (e) {
      // another process moved its build in between
      if ((e as NodeJS.ErrnoException).code !== "ENOTEMPTY" && (e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  log(`built the developer page (web/dist) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
