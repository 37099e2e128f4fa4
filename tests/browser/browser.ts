// Debian's Chromium driven by playwright-core (which downloads no browser of its own).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOT } from "../../scripts/lib/paths.ts";

/** Where the tests leave a screenshot of each page they visit (git-ignored) for a person to look at. */
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

function chromiumPath(): string {
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("No Chromium found: install it with `apt-get update && apt-get install -y chromium` (.ci/run does this).");
  }
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // As root the sandbox must be off; the rest keep Chromium off the (closed) network.
    // playwright-core gives every launch a new empty profile (--user-data-dir in a temp folder).
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
