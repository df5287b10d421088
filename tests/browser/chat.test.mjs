// The chat page at GET / in Debian's Chromium, driven by playwright-core, as people would use it.
// scripts/browser-check.sh starts the API (access tokens live 20 s) and sets:
//   CHAT_API_URL     the API's base address
//   CHAT_MAIL_DIR    its Email__PickupDirectory (two-factor codes are read from the .eml files)
//   CHAT_SCREENSHOTS where to save screenshots (docs/screenshots when refreshing them), optional
//   CHROMIUM_PATH    default /usr/bin/chromium
// Every wait is for an event (a DOM state, a response) with a deadline; the one long wait, past two
// token lifetimes, is the point of that test.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";

const BASE = process.env.CHAT_API_URL ?? "http://127.0.0.1:5080";
const MAIL_DIR = process.env.CHAT_MAIL_DIR;
const SHOTS = process.env.CHAT_SCREENSHOTS;
const PASSWORD = "Correct-Horse-42!";
const WAIT = 15_000;

const pageErrors = [];
const blocked = [];
let browser;

async function rest(pathname, { method = "GET", body, token } = {}) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(BASE + pathname, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function restLogin(username) {
  const login = await rest("/api/auth/login", { method: "POST", body: { username, password: PASSWORD } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return login.body.accessToken;
}

async function registerAndLogin(username) {
  const created = await rest("/api/auth/register", {
    method: "POST",
    body: { username, email: `${username}@example.com`, password: PASSWORD, confirmPassword: PASSWORD },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const login = await rest("/api/auth/login", { method: "POST", body: { username, password: PASSWORD } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return login.body;
}

/** A browser context (its own cookie jar: one person) at the given width, with error collection. */
async function person(width, height = width < 500 ? 740 : 800) {
  const context = await browser.newContext({ viewport: { width, height } });
  // Every refresh answer in this browser (all tabs): one refresh at a time never meets a reuse (401).
  const refreshes = [];
  context.on("response", (response) => {
    if (response.url().includes("/api/auth/refresh") && response.request().method() === "POST") refreshes.push(response.status());
  });
  return { context, refreshes, tab: () => tab(context) };
}

let tabs = 0;
async function tab(context) {
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.stack ?? error.message}`));
  if (process.env.DEBUG_PAGES) {
    // DEBUG_PAGES=file: every page's console and responses, for finding out why a test failed.
    const name = `tab${++tabs}`;
    const log = (text) => appendFileSync(process.env.DEBUG_PAGES, `${new Date().toISOString().slice(11, 23)} ${name} ${text.slice(0, 300)}\n`);
    page.on("console", (message) => log(`console ${message.type()}: ${message.text()}`));
    page.on("response", (response) => log(`${response.status()} ${response.request().method()} ${response.url()}`));
  }
  page.on("console", (message) => {
    // A CSP violation, or Chromium refusing a connection (e.g. the hub's WebSocket) outright.
    if (message.type() === "error" && /Content.Security.Policy|ERR_BLOCKED/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto(BASE + "/");
  // Signed out: the sign-in form; a live refresh cookie (another tab signed in): the chat.
  await page.locator("#login-form, #chat-view").filter({ visible: true }).first().waitFor({ timeout: WAIT });
  return page;
}

async function signIn(page, username) {
  await page.locator("#login-form").getByLabel("Username or email").fill(username);
  await page.locator("#login-form").getByLabel("Password", { exact: true }).fill(PASSWORD);
  const login = page.waitForResponse((r) => r.url().includes("/api/auth/login?useCookie=true"));
  await page.getByRole("button", { name: "Sign in" }).click();
  const loggedIn = await login;
  await live(page);
  return loggedIn;
}

const live = (page) => page.locator('#connection[data-state="connected"]').waitFor({ timeout: WAIT });

async function openRoom(page, name) {
  const narrow = page.viewportSize().width <= 720;
  if (narrow) await page.getByRole("button", { name: /^Rooms/ }).click();
  await page.locator(`#rooms button[data-room="${name}"]`).click();
  await page.locator("#room-title", { hasText: name }).waitFor({ timeout: WAIT });
  await page.locator("#content:enabled").waitFor({ timeout: WAIT });
}

async function send(page, text) {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByLabel("Message", { exact: true }).press("Enter");
  await shows(page, text);
}

async function shows(page, text) {
  try {
    await page.locator("#messages .text", { hasText: new RegExp(`^${escape(text)}$`) }).waitFor({ timeout: WAIT });
  } catch (error) {
    error.message += `\n${await pageState(page)}`;
    throw error;
  }
}

/** What the page shows, for a failure message. */
const pageState = (page) => page.evaluate(() => JSON.stringify({
  connection: document.querySelector("#connection")?.dataset.state,
  room: document.querySelector("#room-title")?.textContent,
  banner: document.querySelector("#banner")?.textContent,
  chatError: document.querySelector("#chat-error")?.textContent,
  authMessage: document.querySelector("#auth-message")?.textContent,
  messages: [...document.querySelectorAll("#messages .text")].map((e) => e.textContent),
}, null, 1));
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const texts = (page) => page.locator("#messages .text").allTextContents();

async function noHorizontalOverflow(page, what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${what}: page is ${scroll}px wide in a ${client}px viewport`);
}

async function screenshot(page, name) {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The code of an email to `address` with `subject` not in `used`, waiting for it to be written. */
async function twoFactorCode(address, used, subject = "Your two-factor code") {
  assert.ok(MAIL_DIR, "CHAT_MAIL_DIR is not set");
  const deadline = Date.now() + WAIT;
  for (;;) {
    const files = await readdir(MAIL_DIR).catch(() => []);
    for (const file of files.filter((f) => f.endsWith(".eml") && !used.has(f))) {
      const raw = await readFile(path.join(MAIL_DIR, file), "utf8");
      if (!raw.includes(address) || !raw.includes(`Subject: ${subject}`)) continue;
      // Quoted-printable soft line breaks and escapes, then the contract's `Code: <code>` line.
      const text = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      let code = /^Code:\s*(\S+)\s*$/m.exec(text)?.[1];
      if (!code) {
        // Not the contract's format (API.md: the code alone on a line, `Code: <code>`): say so, use the code.
        console.log(`# ${file} has no "Code: <code>" line; reading the 6-digit code from its text`);
        code = /\b(\d{6})\b/.exec(text.split(/\r?\n\r?\n/).slice(1).join("\n"))?.[1];
      }
      assert.ok(code, `no code in ${file}:\n${text}`);
      used.add(file);
      return code;
    }
    if (Date.now() > deadline) throw new Error(`no email to ${address} in ${MAIL_DIR} within ${WAIT} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling a directory: no event to wait for
  }
}

describe("chat page in Chromium", { concurrency: false }, () => {
  let alice; // 1280 px
  let bob; // 360 px, two tabs in one context (one cookie jar)
  let alicePage;
  let bobPage;
  let bobSecondTab;
  let bobSignedInAt;
  let bobRefreshesBefore;
  const room = "lobby";

  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // The machine's network is closed: keep Chromium from dialling out (see docs/browser-check.md).
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    });
  });

  after(async () => {
    await browser?.close();
  });

  test("a new user registers through the page and creates a room", async () => {
    alice = await person(1280);
    alicePage = await alice.tab();
    await screenshot(alicePage, "sign-in-1280");
    await alicePage.getByRole("button", { name: "Create an account" }).click();
    const form = alicePage.locator("#register-form");
    await form.getByLabel("Username", { exact: true }).fill("alice");
    await form.getByLabel("Email", { exact: true }).fill("alice@example.com");
    await form.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await alicePage.getByRole("button", { name: "Create account" }).click();
    await live(alicePage);
    assert.equal(await alicePage.locator("#whoami").textContent(), "alice");

    await alicePage.getByLabel("New room name").fill(room);
    await alicePage.getByRole("button", { name: "Create" }).click();
    await alicePage.locator("#room-title", { hasText: room }).waitFor({ timeout: WAIT });
    await alicePage.locator("#online li", { hasText: "alice" }).waitFor({ timeout: WAIT });
  });

  test("at 360 px the sign-in page, the chat and the room panel fit without horizontal scrolling", async () => {
    bob = await person(360);
    await registerAndLogin("bob");
    bobPage = await bob.tab();
    await noHorizontalOverflow(bobPage, "sign-in at 360 px");
    await screenshot(bobPage, "sign-in-360");
    const login = await signIn(bobPage, "bob");
    assert.equal(login.status(), 200);
    assert.equal((await login.json()).refreshToken, undefined, "cookie mode keeps the refresh token out of the body");
    bobSignedInAt = Date.now();
    bobRefreshesBefore = bob.refreshes.length; // the page's restore attempt before sign-in found no cookie
    await noHorizontalOverflow(bobPage, "chat at 360 px");
    await openRoom(bobPage, room);
    await noHorizontalOverflow(bobPage, "room at 360 px");
    await bobPage.getByRole("button", { name: /^Rooms/ }).click();
    await bobPage.locator("#sidebar.open").waitFor({ timeout: WAIT });
    await noHorizontalOverflow(bobPage, "room panel at 360 px");
    await bobPage.keyboard.press("Escape");
    await bobPage.locator("#sidebar.open").waitFor({ state: "hidden", timeout: WAIT });
  });

  test("two users chat live, see each other online and typing", async () => {
    await alicePage.locator("#online li", { hasText: "bob" }).waitFor({ timeout: WAIT });
    await send(alicePage, "hello bob");
    await shows(bobPage, "hello bob");
    await bobPage.getByLabel("Message", { exact: true }).pressSequentially("hi al");
    await alicePage.locator("#typing", { hasText: "bob is typing" }).waitFor({ timeout: WAIT });
    await bobPage.getByLabel("Message", { exact: true }).fill("hi alice");
    await bobPage.getByLabel("Message", { exact: true }).press("Enter");
    await shows(alicePage, "hi alice");
    await shows(bobPage, "hi alice");
    await noHorizontalOverflow(bobPage, "conversation at 360 px");
    await screenshot(alicePage, "chat-1280");
    await screenshot(bobPage, "chat-360");
  });

  test("a room created by someone else appears live, with an unread count once joined", async () => {
    const listLoads = [];
    const onRequest = (request) => { if (new URL(request.url()).pathname === "/api/rooms") listLoads.push(request.url()); };
    bob.context.on("request", onRequest);
    await alicePage.getByLabel("New room name").fill("random");
    await alicePage.getByRole("button", { name: "Create" }).click();
    await alicePage.locator("#room-title", { hasText: "random" }).waitFor({ timeout: WAIT });
    // RoomCreated reached bob's page: the new room is in his list, and not by a reload of the list.
    await bobPage.locator('#rooms button[data-room="random"]').waitFor({ state: "attached", timeout: WAIT });
    bob.context.off("request", onRequest);
    assert.deepEqual(listLoads, [], "the room list was reloaded instead of updated by RoomCreated");
    await openRoom(bobPage, "random");
    await openRoom(bobPage, room);
    await send(alicePage, "in random 1");
    await send(alicePage, "in random 2");
    await bobPage.locator("#rooms-toggle", { hasText: "2" }).waitFor({ timeout: WAIT });
    await bobPage.getByRole("button", { name: /^Rooms/ }).click();
    await bobPage.getByRole("button", { name: "random, 2 unread" }).waitFor({ timeout: WAIT });
    await screenshot(bobPage, "rooms-panel-360");
    await bobPage.keyboard.press("Escape");
    await openRoom(alicePage, room);
  });

  test("during a network drop the other user sends; afterwards every message shows once, in order", async () => {
    await openRoom(alicePage, room);
    await openRoom(bobPage, room);
    await bob.context.setOffline(true);
    await bobPage.locator('#connection[data-state="offline"]').waitFor({ timeout: WAIT });
    const whileOffline = ["while you were away 1", "while you were away 2", "while you were away 3"];
    for (const text of whileOffline) await send(alicePage, text);
    // Back online, the page re-joins and asks for what it missed with `after=`.
    const catchUp = bob.context.waitForEvent("response", {
      predicate: (r) => r.url().includes(`/api/rooms/${room}/messages?after=`), timeout: WAIT,
    });
    await bob.context.setOffline(false);
    const caughtUp = (await (await catchUp).json()).items.map((m) => m.content);
    for (const text of whileOffline) assert.ok(caughtUp.includes(text), `catch-up answer lacks "${text}": ${caughtUp}`);
    await live(bobPage);
    for (const text of whileOffline) await shows(bobPage, text);
    await send(alicePage, "back online");
    await shows(bobPage, "back online");

    const stored = await rest(`/api/rooms/${room}/messages?limit=100`, { token: await restLogin("alice") });
    const expected = stored.body.items.map((m) => m.content).reverse();
    assert.deepEqual(await texts(bobPage), expected);
  });

  test("a second tab of the same browser shares the session: no second login, no refresh conflict", async () => {
    bobSecondTab = await bob.tab();
    await live(bobSecondTab); // restored from the refresh cookie on load
    assert.equal(await bobSecondTab.locator("#whoami").textContent(), "bob");
  });

  test("with 20-second access tokens the page still sends and receives after 30 seconds", { timeout: 120_000 }, async () => {
    // Past 30 s since bob signed in, and past at least two refreshes of his 20-second token: each a
    // real event waited for, not a sleep.
    const since = () => bob.refreshes.slice(bobRefreshesBefore);
    const refreshed = () => since().filter((status) => status === 200).length;
    while (Date.now() - bobSignedInAt < 31_000 || refreshed() < 2) {
      await bob.context.waitForEvent("response", { predicate: (r) => r.url().includes("/api/auth/refresh"), timeout: 40_000 });
    }
    assert.ok(since().every((status) => status === 200), `refresh answers: ${since()}`);

    await live(bobPage);
    await send(bobPage, "still here after 30 s");
    await shows(alicePage, "still here after 30 s");
    await send(alicePage, "me too");
    await shows(bobPage, "me too");
    await openRoom(bobSecondTab, room);
    await shows(bobSecondTab, "me too");
    for (const page of [bobPage, bobSecondTab]) {
      assert.equal(await page.locator("#auth-view").isHidden(), true, "a tab was signed out");
    }
  });

  test("older messages load when scrolling up", async () => {
    const token = await restLogin("alice");
    const created = await rest("/api/rooms", { method: "POST", token, body: { name: "history" } });
    assert.equal(created.status, 201);
    const all = Array.from({ length: 120 }, (_, i) => `history ${String(i + 1).padStart(3, "0")}`);
    for (const content of all) {
      const posted = await rest("/api/rooms/history/messages", { method: "POST", token, body: { content } });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
    }
    await openRoom(alicePage, "history");
    // Created by REST, it reached the list live, in name order.
    assert.deepEqual(await alicePage.locator("#rooms .room-name").allTextContents(), ["history", "lobby", "random"]);
    await shows(alicePage, "history 120");
    assert.ok((await texts(alicePage)).length < all.length, "the first page holds only the newest messages");
    // Scroll to the top until the start of the room shows; each scroll must bring older messages.
    while (!(await alicePage.locator("#history-status", { hasText: "beginning" }).isVisible())) {
      const shown = await alicePage.locator("#messages li").count();
      await alicePage.locator("#messages").evaluate((list) => { list.scrollTop = 0; });
      await alicePage.waitForFunction((before) => document.querySelectorAll("#messages li").length > before, shown, { timeout: WAIT });
    }
    assert.deepEqual(await texts(alicePage), all);
  });

  test("a user with two-factor on signs in with the emailed code", async () => {
    const carol = await registerAndLogin("carol");
    const used = new Set();
    const enable = await rest("/api/users/me/2fa/enable", { method: "POST", token: carol.accessToken, body: { password: PASSWORD } });
    assert.equal(enable.status, 202, JSON.stringify(enable.body));
    const confirm = await rest("/api/users/me/2fa/confirm", {
      method: "POST", token: carol.accessToken, body: { code: await twoFactorCode("carol@example.com", used) },
    });
    assert.equal(confirm.status, 204, JSON.stringify(confirm.body));

    const carolPerson = await person(360);
    const page = await carolPerson.tab();
    await page.locator("#login-form").getByLabel("Username or email").fill("carol");
    await page.locator("#login-form").getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("textbox", { name: "Two-factor code" }).waitFor({ timeout: WAIT });
    await noHorizontalOverflow(page, "two-factor form at 360 px");
    await screenshot(page, "two-factor-360");
    await page.getByRole("textbox", { name: "Two-factor code" }).fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await page.locator("#auth-error", { hasText: /./ }).waitFor({ timeout: WAIT });
    await page.getByRole("textbox", { name: "Two-factor code" }).fill(await twoFactorCode("carol@example.com", used));
    await page.getByRole("button", { name: "Verify" }).click();
    await live(page);
    assert.equal(await page.locator("#whoami").textContent(), "carol");
    await carolPerson.context.close();
  });

  test("a person who forgot the password sets a new one with the emailed code, then signs in", async () => {
    await registerAndLogin("dora");
    const dora = await person(360);
    const page = await dora.tab();
    await page.getByRole("button", { name: "Forgot password?" }).click();
    await page.locator("#forgot-form").getByLabel("Email").fill("dora@example.com");
    await page.getByRole("button", { name: "Email me a code" }).click();
    await page.locator("#reset-form").waitFor({ timeout: WAIT });
    await noHorizontalOverflow(page, "reset form at 360 px");
    await page.locator("#reset-form").getByLabel("Code from the email").fill(await twoFactorCode("dora@example.com", new Set(), "Reset your password"));
    await page.locator("#reset-form").getByLabel("New password").fill("Brand-New-Horse-7");
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.locator("#auth-message", { hasText: "Your password is set" }).waitFor({ timeout: WAIT });
    await page.locator("#login-form").getByLabel("Username or email").fill("dora");
    await page.locator("#login-form").getByLabel("Password", { exact: true }).fill("Brand-New-Horse-7");
    await page.getByRole("button", { name: "Sign in" }).click();
    await live(page);
    await dora.context.close();
  });

  test("a person confirms the email address with the emailed code", async () => {
    const eve = await registerAndLogin("eve");
    const evePerson = await person(1280);
    const page = await evePerson.tab();
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await page.getByLabel("Account id (in the email)").fill(eve.user.id);
    await page.locator("#confirm-form").getByLabel("Code from the email").fill("wrong-code");
    await page.getByRole("button", { name: "Confirm email" }).click();
    await page.locator("#auth-error", { hasText: /./ }).waitFor({ timeout: WAIT });
    await page.locator("#confirm-form").getByLabel("Code from the email").fill(await twoFactorCode("eve@example.com", new Set(), "Confirm your email"));
    await page.getByRole("button", { name: "Confirm email" }).click();
    await page.locator("#auth-message", { hasText: "confirmed" }).waitFor({ timeout: WAIT });
    const me = await rest("/api/users/me", { token: eve.accessToken });
    assert.equal(me.body.emailConfirmed, true);
    await evePerson.context.close();
  });

  test("signing out revokes the session on the server and signs out every tab", async () => {
    const logout = bobPage.waitForResponse((r) => r.url().endsWith("/api/auth/logout"));
    await bobPage.getByRole("button", { name: "Sign out" }).click();
    const response = await logout;
    assert.equal(response.status(), 204);
    // The access token the page signed out with (it holds it in memory only) is dead on the server now.
    const token = (await response.request().allHeaders()).authorization.slice("Bearer ".length);
    await bobPage.locator("#login-form").waitFor({ timeout: WAIT });
    await bobSecondTab.locator("#login-form").waitFor({ timeout: WAIT });

    const after = await rest("/api/auth/protected", { token });
    assert.equal(after.status, 401);
    assert.equal(after.body.error, "token_revoked");
    // The refresh cookie is gone too: a reload does not restore the session.
    await bobPage.reload();
    await bobPage.locator("#login-form").waitFor({ timeout: WAIT });
    await bobPage.locator("#auth-message", { hasText: /^$/ }).waitFor({ state: "attached", timeout: WAIT });
    assert.equal(await bobPage.locator("#chat-view").isHidden(), true);
  });

  test("a session revoked elsewhere (logout-all) returns the page to sign-in with the reason", async () => {
    const token = await restLogin("alice");
    assert.equal((await rest("/api/auth/logout-all", { method: "POST", token })).status, 204);
    // The server closes the hub connection; reconnecting is refused, the refresh too: back to sign-in.
    // Twice the usual wait: once in three full CI runs this took longer than 15 s (see the issue note).
    await alicePage.locator("#login-form").waitFor({ timeout: 2 * WAIT });
    await alicePage.locator("#auth-message", { hasText: "token_revoked" }).waitFor({ timeout: WAIT });
  });

  test("the signed-in devices list shows this device and signs another one out", async () => {
    const other = await registerAndLogin("frank"); // a second device, over REST
    const frank = await person(360);
    const page = await frank.tab();
    await signIn(page, "frank");
    await page.getByRole("button", { name: "Devices" }).click();
    const devices = page.locator("#devices-list .device");
    await devices.nth(1).waitFor({ timeout: WAIT });
    assert.equal(await devices.count(), 2);
    assert.match(await devices.first().textContent(), /This device/);
    await noHorizontalOverflow(page, "devices list at 360 px");

    const removed = page.waitForResponse((r) => r.url().includes("/api/users/me/sessions/") && r.request().method() === "DELETE");
    await devices.nth(1).getByRole("button").click();
    assert.equal((await removed).status(), 204);
    await devices.nth(1).waitFor({ state: "detached", timeout: WAIT });
    const after = await rest("/api/auth/protected", { token: other.accessToken });
    assert.equal(after.status, 401);
    assert.equal(after.body.error, "token_revoked");
    assert.equal(await page.locator("#devices-error").textContent(), "");
    await frank.context.close();
  });

  test("the page runs under a CSP without inline script", async () => {
    const page = await (await person(1280)).tab();
    const response = await page.request.get(BASE + "/");
    const policies = [response.headers()["content-security-policy"],
      await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")].filter(Boolean);
    assert.ok(policies.length > 0, "no Content-Security-Policy");
    for (const policy of policies) {
      assert.match(policy, /default-src 'self'/);
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    }
    assert.equal(await page.locator("script:not([src])").count(), 0, "an inline script");
    assert.equal(await page.locator("[onclick], [onsubmit], [oninput], [onload]").count(), 0, "an inline handler");
    await page.context().close();
  });

  test("no uncaught error, CSP violation or blocked connection on any page in the whole run", () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(blocked, []);
  });
});
