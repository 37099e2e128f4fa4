// The API reference (issue 20.3) in a real browser: the stack's /docs/api/ renders the OpenAPI
// document with Scalar's standalone bundle, and the page asks nothing of any other host.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { functionsUrl } from "../helpers.ts";
import { launch, screenshot } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it("renders every resource's operations and the webhooks from the local files only", async () => {
  const page = await browser.newPage();
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(functionsUrl) && !request.url().startsWith("data:")) elsewhere.push(request.url());
  });
  await page.goto(`${functionsUrl}/docs/api/`);
  await page.getByText("Aptoria developer API").first().waitFor({ timeout: 30_000 });
  // the first resource's operations are shown; another's once its group is opened
  await page.getByText("Rank delinquent leases (AI)").first().waitFor({ timeout: 10_000 });
  await page.getByText("properties", { exact: true }).first().click();
  await page.getByText("List properties").first().waitFor({ timeout: 10_000 });
  expect(await page.getByText("rent.paid").count()).toBeGreaterThan(0);
  await screenshot(page, "api-reference");
  expect(elsewhere).toEqual([]);
}, 60_000);
