// Settings → Developer in a real browser (Debian's Chromium through playwright-core) against the
// real stack: what a landlord does on the page, checked through the API and a real receiver.
// One browser for the file; each flow gets a fresh context (a new tab's sessionStorage).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { call, dispatchUntil, functionsUrl, sql, startReceiver, verifiedEvent, type Receiver } from "../helpers.ts";
import { newKey, newOrganization } from "../fixtures/index.ts";
import { ensureWebBuild } from "../../scripts/lib/web.ts";
import { launch, screenshot } from "./browser.ts";
import { pageUrl, signIn } from "./sign-in.ts";

let browser: Browser;
let receiver: Receiver;
let org: { id: string; ownerEmail: string };
let memberEmail: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launch();
  receiver = await startReceiver("/aptoria");
  org = await newOrganization();
  memberEmail = `member-${org.id.toLowerCase()}@example.test`;
  await sql`insert into app.members (organization_id, email, name, role) values (${org.id}, ${memberEmail}, 'Member', 'member')`;
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await receiver?.close();
});

/** Waits for what the page shows: generous, as the machine may be busy (expect.poll's default is 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

/** A new tab at the width of a small phone: every flow here must work at 375 px. */
async function phone(options: { permissions?: string[] } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, ...options });
  contexts.push(context);
  return context.newPage();
}

/** The page never scrolls sideways at this width. */
async function expectNoSidewaysScroll(page: Page) {
  // a string: the test files are type-checked without the DOM library
  const [scroll, client] = await page.evaluate<[number, number]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
  expect(scroll).toBeLessThanOrEqual(client);
}

describe("the local stack serves the page", () => {
  it("at /settings/developer/ with content types, hashed assets and a fallback for the page's own routes", async () => {
    const index = await fetch(pageUrl);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await index.text();
    const script = /src="(\/settings\/developer\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const style = /href="(\/settings\/developer\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(script && style).toBeTruthy();
    const js = await fetch(`${functionsUrl}${script}`);
    expect([js.status, js.headers.get("content-type"), js.headers.get("cache-control")])
      .toEqual([200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"]);
    const css = await fetch(`${functionsUrl}${style}`);
    expect([css.status, css.headers.get("content-type")]).toEqual([200, "text/css; charset=utf-8"]);

    const route = await fetch(`${pageUrl}webhooks/whe_01ARZ3NDEKTSV4RRFFQ69G5FAV`);
    expect([route.status, route.headers.get("content-type"), await route.text()]).toEqual([200, "text/html; charset=utf-8", html]);
    expect((await fetch(`${pageUrl}assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${pageUrl}..%2f..%2fpackage.json`)).headers.get("content-type")).toBe("text/html; charset=utf-8");
    const bare = await fetch(`${functionsUrl}/settings/developer`, { redirect: "manual" });
    expect([bare.status, bare.headers.get("location")]).toEqual([308, "/settings/developer/"]);
    expect((await fetch(pageUrl, { method: "POST" })).status).toBe(405);
  });
});

describe("GET /api/api-keys/{id}/usage, the page's usage figures", () => {
  it("counts the key's requests in its current windows, from the limiter's counters, within the organization only", async () => {
    const admin = await newKey(org.id, ["admin:api_keys"]);
    const [used] = await sql<{ id: string }[]>`select id from app.api_keys where organization_id = ${org.id} order by id desc limit 1`;
    const first = await call(`/api-keys/${used.id}/usage`, { key: admin });
    expect(first.status).toBe(200);
    const minute = first.body.windows.find((w: { name: string }) => w.name === "minute");
    // this very request was counted before the usage was read
    expect(minute).toMatchObject({ window_seconds: 60, limit: 1000, used: 1, remaining: 999 });
    expect(Date.parse(minute.resets_at) - Date.now()).toBeLessThanOrEqual(60_000);
    expect(first.body.windows.map((w: { name: string }) => w.name)).toEqual(["minute", "hour", "ai-delinquency-prioritizer", "ai-vendor-summary"]);
    const second = await call(`/api-keys/${used.id}/usage`, { key: admin });
    const sameMinute = second.body.windows[0].resets_at === minute.resets_at;
    expect(second.body.windows[0].used).toBe(sameMinute ? 2 : 1);

    const other = await newOrganization();
    const outsider = await newKey(other.id, ["admin:api_keys"]);
    const hidden = await call(`/api-keys/${used.id}/usage`, { key: outsider });
    expect([hidden.status, hidden.body.error]).toEqual([404, "API key not found."]);
    expect((await call("/api-keys/key_nope/usage", { key: admin })).status).toBe(404);
    expect((await call(`/api-keys/${used.id}/usage`, { key: await newKey(org.id, ["read:tenants"]) })).status).toBe(403);
  });
});

describe("Settings → Developer as the owner", () => {
  it("creates a key, shows its secret once, shows its usage, and revokes it", { timeout: 60_000 }, async () => {
    const page = await phone();
    const token = await signIn(page, org.ownerEmail, org.id);
    // the page acts as the owner's session (a membership), so the key below is issued by a session
    expect((await call("/me", { key: token })).body).toMatchObject({ type: "member", role: "owner", key: null });
    await poll(() => page.getByRole("heading", { name: "API keys" }).isVisible()).toBe(true);
    await screenshot(page, "01-api-keys-empty");

    // keyboard: the button opens the form with Enter
    await page.getByRole("button", { name: "Create API key" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("textbox", { name: "Name" }).fill("Accounting sync");
    await page.getByRole("checkbox", { name: "Read dashboard" }).check();
    await page.getByRole("checkbox", { name: "Read tenants" }).check();
    await page.getByLabel("Requests per minute").fill("30");
    await expectNoSidewaysScroll(page);
    await screenshot(page, "02-api-keys-create");
    await page.getByRole("button", { name: "Create key" }).click();

    const secretBox = page.getByRole("textbox", { name: "Secret" });
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^apt_[a-z0-9]{8}_\S+$/);
    expect(await page.getByText("you will not see this again").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Copy" }).isVisible()).toBe(true);
    await screenshot(page, "03-api-keys-secret-once");

    expect((await call("/dashboard", { key: secret })).status).toBe(200);
    await page.getByRole("button", { name: "Done" }).click();
    expect(await secretBox.count()).toBe(0);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Accounting sync" }) });
    await poll(() => card.textContent()).toContain("read:dashboard, read:tenants");
    expect(await card.textContent()).toContain("30/minute · 1000/hour");
    expect(await card.textContent()).not.toContain(secret.slice(13));

    await page.getByRole("link", { name: "Usage", exact: true }).first().click();
    const usage = page.getByRole("listitem", { name: "Usage of Accounting sync" });
    const minute = usage.getByRole("row", { name: /This minute/ });
    await poll(() => minute.getByRole("cell").allTextContents()).toEqual(["1", "30", "29"]);
    await screenshot(page, "04-usage");

    await page.getByRole("link", { name: "API keys" }).click();
    // the confirmation is a modal: Escape cancels and nothing is revoked
    await card.getByRole("button", { name: "Revoke Accounting sync" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke “Accounting sync”?" });
    await page.keyboard.press("Escape");
    await poll(() => dialog.isVisible()).toBe(false);
    expect((await call("/dashboard", { key: secret })).status).toBe(200);
    await card.getByRole("button", { name: "Revoke Accounting sync" }).click();
    await screenshot(page, "05-api-keys-revoke-confirm");
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await poll(() => card.textContent()).toContain("revoked");
    expect(await card.getByRole("button", { name: /Revoke/ }).count()).toBe(0);
    const after = await call("/dashboard", { key: secret });
    expect([after.status, after.body.error]).toEqual([401, "This API key has been revoked."]);
    await screenshot(page, "06-api-keys-revoked");
  });

  it("registers an endpoint, follows its deliveries and rotates its secret, with signatures checked by the receiver", { timeout: 60_000 }, async () => {
    const page = await phone();
    await signIn(page, org.ownerEmail, org.id);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("button", { name: "Add endpoint" }).click();

    // an error from the API appears next to the form, with its request id
    await page.getByRole("textbox", { name: "Endpoint URL" }).fill("ftp://127.0.0.1/hook");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const refused = page.getByRole("alert");
    await poll(() => refused.textContent()).toMatch(/^url: .+ Request id: \S+$/);
    await screenshot(page, "07-webhooks-error");

    await page.getByRole("textbox", { name: "Endpoint URL" }).fill(receiver.url);
    await page.getByRole("textbox", { name: "Description (optional)" }).fill("Bookkeeping");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const firstSecret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(firstSecret).toMatch(/^whsec_/);
    expect(await page.getByText("you will not see this again").isVisible()).toBe(true);
    await screenshot(page, "08-webhooks-secret-once");
    await page.getByRole("link", { name: "Open the endpoint" }).click();
    await poll(() => page.getByRole("heading", { name: receiver.url }).isVisible()).toBe(true);

    // a test event, delivered by the dispatcher and shown as succeeded with its attempt
    await page.getByRole("button", { name: "Send test event" }).click();
    await poll(() => page.getByRole("status").textContent()).toMatch(/Test event queued/);
    await dispatchUntil(() => receiver.received.some((r) => r.headers["x-pmai-event"] === "webhook.test"));
    const test = receiver.received.find((r) => r.headers["x-pmai-event"] === "webhook.test")!;
    await expect(verifiedEvent(test, firstSecret)).resolves.toMatchObject({ event: "webhook.test" });
    await page.getByRole("button", { name: "Refresh deliveries" }).click();
    const testDelivery = page.getByRole("listitem", { name: `Delivery ${test.headers["x-pmai-delivery-id"]}` });
    await poll(() => testDelivery.textContent()).toContain("succeeded");
    await testDelivery.getByText("Attempts (1)").click();
    expect(await testDelivery.getByRole("row").nth(1).getByRole("cell").allTextContents())
      .toEqual(["1", expect.any(String), "200", expect.stringMatching(/^\d+ ms$/), "", "ok"]);
    await screenshot(page, "09-endpoint-test-delivered");

    // a real event through the API
    const apiKey = await newKey(org.id, ["write:tenants"]);
    const tenant = await call("/tenants", { method: "POST", key: apiKey, json: { name: "Maya R.", email: "maya@example.test" } });
    expect(tenant.status).toBe(201);
    await dispatchUntil(() => receiver.received.some((r) => r.headers["x-pmai-event"] === "tenant.added"));
    const added = receiver.received.find((r) => r.headers["x-pmai-event"] === "tenant.added")!;
    expect(JSON.parse(added.body).payload.tenant_id).toBe(tenant.body.id);
    await page.getByLabel("Status").selectOption("succeeded");
    const realDelivery = page.getByRole("listitem", { name: `Delivery ${added.headers["x-pmai-delivery-id"]}` });
    await poll(() => realDelivery.textContent()).toMatch(/tenant\.added.*succeeded/);
    await screenshot(page, "10-endpoint-real-event");

    // rotation: the page shows the new secret once and until when the old one signs; the next
    // delivery carries both signatures and the receiver verifies each
    await page.getByRole("button", { name: "Rotate secret" }).click();
    await page.getByRole("dialog", { name: "Rotate the signing secret?" }).getByRole("button", { name: "Rotate" }).click();
    const newSecret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(firstSecret);
    expect(await page.getByText(/The previous secret keeps signing, next to this one, until/).isVisible()).toBe(true);
    await screenshot(page, "11-endpoint-rotated");
    await page.getByRole("button", { name: "Done" }).click();
    const before = receiver.received.length;
    await page.getByRole("button", { name: "Send test event" }).click();
    await dispatchUntil(() => receiver.received.length > before);
    const signed = receiver.received[receiver.received.length - 1];
    expect(signed.headers["x-pmai-signature"].match(/v1=/g)).toHaveLength(2);
    for (const secret of [newSecret, firstSecret]) await expect(verifiedEvent(signed, secret)).resolves.toMatchObject({ event: "webhook.test" });

    // redeliver one, replay since a time, disable and enable, delete
    const count = receiver.received.length;
    await page.getByLabel("Status").selectOption("");
    await realDelivery.getByRole("button", { name: `Redeliver ${added.headers["x-pmai-delivery-id"]}` }).click();
    await poll(() => page.getByText(/queued again/).count()).toBe(1);
    await dispatchUntil(() => receiver.received.length > count);
    expect(receiver.received[receiver.received.length - 1].headers["x-pmai-delivery-id"]).toBe(added.headers["x-pmai-delivery-id"]);
    await page.getByLabel("Replay since").fill("2026-01-01T00:00");
    await page.getByRole("button", { name: "Replay", exact: true }).click();
    await poll(() => page.getByText(/^\d+ deliver(y|ies) queued again\.$/).textContent()).toBe("0 deliveries queued again.");

    await page.getByRole("button", { name: "Disable" }).click();
    await poll(() => page.getByRole("button", { name: "Enable" }).isVisible()).toBe(true);
    expect(await page.getByText("disabled by hand").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Send test event" }).isDisabled()).toBe(true);
    await screenshot(page, "12-endpoint-disabled");
    await page.getByRole("button", { name: "Enable" }).click();
    await poll(() => page.getByRole("button", { name: "Disable" }).isVisible()).toBe(true);
    await expectNoSidewaysScroll(page);

    await page.getByRole("button", { name: "Delete endpoint" }).click();
    await page.getByRole("dialog", { name: "Delete this endpoint?" }).getByRole("button", { name: "Delete" }).click();
    await poll(() => page.getByText("No webhook endpoints yet.").isVisible()).toBe(true);
    const [left] = await sql`select count(*)::int as n from app.webhook_endpoints where organization_id = ${org.id}`;
    expect(left.n).toBe(0);
  });
});

describe("Settings → Developer's Logs tab", () => {
  it("finds a key's 201, 403 and 404 by request id and by status, each with what was answered and why, and copies the id", { timeout: 60_000 }, async () => {
    // an organization of its own: its owner's session has the whole of a member's 60 requests a minute
    const own = await newOrganization();
    // a key that may write tenants and read them, but not the dashboard
    const key = await newKey(own.id, ["read:tenants", "write:tenants"]);
    const [keyRow] = await sql<{ id: string; prefix: string }[]>`select id, prefix from app.api_keys where prefix = ${key.split("_")[1]}`;
    const created = await call("/tenants", { method: "POST", key, json: { name: "Logged Tenant", email: "logged@example.test" } });
    const refused = await call("/dashboard", { key });
    const missing = await call("/tenants/ten_01H00000000000000000000000", { key });
    expect([created.status, refused.status, missing.status]).toEqual([201, 403, 404]);
    const [id201, id403, id404] = [created, refused, missing].map((r) => r.headers.get("x-request-id")!);

    const page = await phone({ permissions: ["clipboard-read", "clipboard-write"] });
    await signIn(page, own.ownerEmail, own.id);
    await page.getByRole("link", { name: "Logs" }).click();
    await poll(() => page.getByRole("heading", { name: "Logs" }).isVisible()).toBe(true);
    const entries = page.getByRole("list", { name: "Requests" }).getByRole("listitem");
    const entry = (requestId: string) => page.getByRole("listitem", { name: `Request ${requestId}` });
    // read in one step: the list may change between listing the entries and reading each
    const shown = () => entries.evaluateAll((items) => items.map((e) => e.getAttribute("aria-label")));
    // the entries are written in batches off the request path: search again until the 404's is in
    const search = async (requestId: string) => {
      await page.getByRole("textbox", { name: "Request id" }).fill(requestId);
      // keyboard: Enter in the field searches
      await page.getByRole("textbox", { name: "Request id" }).press("Enter");
    };
    await poll(async () => {
      await search(id404);
      await poll(() => page.getByRole("status").textContent()).toMatch(/shown/);
      return shown();
    }).toEqual([`Request ${id404}`]);
    const text404 = await entry(id404).textContent();
    expect(text404).toContain("GET /api/tenants/:id");
    expect(text404).toContain("404");
    expect(text404).toContain(missing.body.error);
    expect(text404).toMatch(/Duration\d+ ms/);
    expect(text404).toMatch(new RegExp(`Key.*_${keyRow.prefix}\\)$`));
    await expectNoSidewaysScroll(page);
    await screenshot(page, "15-logs-request-id");

    // the X-Request-Id is copied by a button that says which id it copies
    await entry(id404).getByRole("button", { name: `Copy request id ${id404}` }).click();
    await poll(() => entry(id404).getByText("Copied to the clipboard.").isVisible()).toBe(true);
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(id404);

    for (const [requestId, route, status, error] of [
      [id201, "POST /api/tenants", "201", null],
      [id403, "GET /api/dashboard", "403", refused.body.error],
    ] as const) {
      await search(requestId);
      await poll(shown).toEqual([`Request ${requestId}`]);
      const text = await entry(requestId).textContent();
      expect(text).toContain(route);
      expect(text).toContain(status);
      if (error) expect(text).toContain(error);
    }

    // by key and status class (a filter applies as it is chosen): the 403 and the 404 are this
    // key's 4xx, newest first; the 201 is its 2xx
    await page.getByRole("textbox", { name: "Request id" }).fill("");
    await page.getByRole("combobox", { name: "Key" }).selectOption(keyRow.id);
    await page.getByRole("combobox", { name: "Status" }).selectOption("4xx");
    await poll(shown).toEqual([`Request ${id404}`, `Request ${id403}`]);
    await screenshot(page, "16-logs-4xx-of-a-key");
    await page.getByRole("combobox", { name: "Status" }).selectOption("2xx");
    await poll(shown).toEqual([`Request ${id201}`]);
    // keyboard: the status filter moves with the arrow keys
    await page.getByRole("combobox", { name: "Status" }).selectOption("401");
    await page.getByRole("combobox", { name: "Status" }).press("ArrowDown");
    expect(await page.getByRole("combobox", { name: "Status" }).inputValue()).toBe("403");
    await poll(shown).toEqual([`Request ${id403}`]);
    await expectNoSidewaysScroll(page);
  });
});

describe("Settings → Developer as a plain member", () => {
  it("offers no key or endpoint management, and the API refuses it", async () => {
    const page = await phone();
    const token = await signIn(page, memberEmail, org.id);
    expect((await call("/me", { key: token })).body).toMatchObject({ type: "member", role: "member" });
    await poll(() => page.getByText(/Your role \(member\) does not allow managing API keys/).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Create API key" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Revoke/ }).count()).toBe(0);
    await screenshot(page, "13-member-api-keys");
    await page.getByRole("link", { name: "Webhooks" }).click();
    await poll(() => page.getByText(/Your role \(member\) does not allow managing webhook endpoints/).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Add endpoint" }).count()).toBe(0);
    await screenshot(page, "14-member-webhooks");
    // the request log is for owners and admins: no tab, and the API refuses the member
    expect(await page.getByRole("link", { name: "Logs" }).count()).toBe(0);
    expect((await call("/request-logs", { key: token })).status).toBe(403);

    expect((await call("/api-keys", { key: token })).status).toBe(403);
    const create = await call("/api-keys", { method: "POST", key: token, json: { name: "x", scopes: ["read:tenants"] } });
    expect(create.status).toBe(403);
    expect((await call("/webhook-endpoints", { method: "POST", key: token, json: { url: receiver.url } })).status).toBe(403);
    // what the role does allow still works
    expect((await call("/dashboard", { key: token })).status).toBe(200);
  });

  it("a key revoked while the page uses it sends the page back to sign-in, saying why", async () => {
    const page = await phone();
    const key = await newKey(org.id, ["admin:api_keys", "admin:webhooks"]);
    await page.goto(pageUrl);
    await page.getByLabel("API key").fill(key);
    await page.getByRole("button", { name: "Sign in with key" }).click();
    // the list loaded: the page's last request is answered
    await poll(() => page.getByRole("list", { name: "API keys" }).getByRole("listitem").count()).toBeGreaterThan(0);
    await sql`update app.api_keys set revoked_at = now() where prefix = ${key.split("_")[1]}`;
    await page.getByRole("link", { name: "Webhooks" }).click();
    await poll(() => page.getByRole("alert").first().textContent()).toMatch(/^This API key has been revoked\. Request id: \S+$/);
    expect(await page.getByRole("button", { name: "Sign in with key" }).isVisible()).toBe(true);
    expect(await page.evaluate("sessionStorage.length")).toBe(0);
  });

  it("takes a sign-in link's token from the fragment, out of the address bar, and sends it as the Bearer token", async () => {
    const page = await phone();
    const sent: (string | undefined)[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(`${functionsUrl}/api/`)) sent.push(r.headers().authorization);
    });
    const token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl"; // not a valid session: refused
    await page.goto(`${pageUrl}#access_token=${token}&token_type=bearer`);
    await poll(() => page.getByRole("button", { name: "Sign in with key" }).isVisible()).toBe(true);
    expect(page.url()).toBe(pageUrl);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set([`Bearer ${token}`]));
    expect(await page.getByRole("alert").first().textContent()).toMatch(/Request id: \S+$/);
  });

  it("a bad key at sign-in is refused next to the field, with the request id", async () => {
    const page = await phone();
    await page.goto(pageUrl);
    await page.getByLabel("API key").fill(`apt_abcdefgh_${"x".repeat(43)}`);
    await page.getByRole("button", { name: "Sign in with key" }).click();
    await poll(() => page.getByRole("alert").first().textContent()).toMatch(/^Invalid API key\. Request id: \S+$/);
    await screenshot(page, "00-sign-in");
  });
});
