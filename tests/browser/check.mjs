// Drives the chat page in headless Chromium through the DevTools protocol: register and sign in,
// create and join a room, then see a message sent by a second client arrive live, and send one.
// Usage: node check.mjs <api-url> <devtools-port>
import WebSocket from "ws";

const [api, devtoolsPort] = process.argv.slice(2);
const run = Math.random().toString(36).slice(2, 8);
const password = "Passw0rd!";
const room = `browser_${run}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function json(method, path, body, token) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(api + path, { method, headers, body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function pageSocket() {
  for (let i = 0; i < 50; i++) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${devtoolsPort}/json/list`)).json();
      const page = targets.find((t) => t.type === "page");
      if (page) return page.webSocketDebuggerUrl;
    } catch {
      // Chromium is still starting.
    }
    await sleep(200);
  }
  throw new Error("Chromium's DevTools endpoint did not come up");
}

const socket = new WebSocket(await pageSocket());
await new Promise((resolve, reject) => { socket.once("open", resolve); socket.once("error", reject); });
let nextId = 1;
const pending = new Map();
socket.on("message", (data) => {
  const message = JSON.parse(data);
  if (message.id && pending.has(message.id)) {
    pending.get(message.id)(message);
    pending.delete(message.id);
  }
});
const cdp = (method, params = {}) => new Promise((resolve, reject) => {
  const id = nextId++;
  pending.set(id, (message) => (message.error ? reject(new Error(message.error.message)) : resolve(message.result)));
  socket.send(JSON.stringify({ id, method, params }));
});
const evaluate = async (expression) => {
  const { result, exceptionDetails } = await cdp("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
};
async function waitFor(description, expression, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await evaluate(expression)) return;
    await sleep(100);
  }
  const shown = await evaluate("document.body.innerText");
  throw new Error(`timed out waiting for ${description}; the page shows:\n${shown}`);
}
const fill = (id, value) => evaluate(`document.getElementById(${JSON.stringify(id)}).value = ${JSON.stringify(value)}`);
const click = (id) => evaluate(`document.getElementById(${JSON.stringify(id)}).click()`);

try {
  await cdp("Page.enable");
  await cdp("Runtime.enable");
  await cdp("Page.navigate", { url: `${api}/` });
  await waitFor("the sign-in form", "document.readyState === 'complete' && !!document.getElementById('login')");
  console.log("ok - the page loads");

  await fill("username", `carol_${run}`);
  await fill("password", password);
  await fill("email", `carol_${run}@example.com`);
  await click("register");
  await waitFor("the chat view", "!document.getElementById('chat').hidden");
  console.log("ok - registers and signs in through the page");

  await fill("room-name", room);
  await click("create-room");
  await waitFor("the joined room", `document.getElementById('room-title').textContent === ${JSON.stringify(room)}`);
  await waitFor("the user online", `document.getElementById('online').textContent.includes('carol_${run}')`);
  console.log("ok - creates and joins a room, shows who is online");

  const dave = `dave_${run}`;
  await json("POST", "/api/auth/register", { username: dave, email: `${dave}@example.com`, password, confirmPassword: password });
  const { accessToken } = await json("POST", "/api/auth/login", { username: dave, password });
  await json("POST", `/api/rooms/${room}/messages`, { content: `hello from ${dave}` }, accessToken);
  await waitFor("the second client's message", `document.getElementById('messages').textContent.includes('hello from ${dave}')`);
  console.log("ok - shows a message sent from a second client, live");

  await fill("content", "hello from the browser");
  await click("send");
  await waitFor("the page's own message", "document.getElementById('messages').textContent.includes('hello from the browser')");
  const history = await json("GET", `/api/rooms/${room}/messages`, undefined, accessToken);
  if (!history.items.some((m) => m.content === "hello from the browser" && m.username === `carol_${run}`)) {
    throw new Error("the page's message was not stored as carol");
  }
  console.log("ok - sends a message that is stored under the signed-in user");
  console.log("PASS");
  process.exitCode = 0;
} catch (error) {
  console.error(`FAIL: ${error.message}`);
  process.exitCode = 1;
} finally {
  socket.close();
}
