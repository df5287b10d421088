// The official @microsoft/signalr client, used exactly as an application would, against a
// running API at CHAT_API_URL (scripts/node-test.sh starts one).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import * as signalR from "@microsoft/signalr";

const api = process.env.CHAT_API_URL;
const run = Math.random().toString(36).slice(2, 8);
const password = "Passw0rd!";

async function post(path, body, token) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(api + path, { method: "POST", headers, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function account(name) {
  const username = `${name}_${run}`;
  const registered = await post("/api/auth/register", { username, email: `${username}@example.com`, password, confirmPassword: password });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const login = await post("/api/auth/login", { username, password });
  assert.equal(login.status, 200);
  return { username, token: login.body.accessToken };
}

function connect(token) {
  return new signalR.HubConnectionBuilder()
    .withUrl(`${api}/hubs/chat`, { accessTokenFactory: () => token })
    .configureLogging(signalR.LogLevel.None)
    .build();
}

function nextEvent(connection, name, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeoutMs} ms`)), timeoutMs);
    connection.on(name, (payload) => {
      clearTimeout(timer);
      connection.off(name);
      resolve(payload);
    });
  });
}

let alice;
let bob;
const room = `node_${run}`;

before(async () => {
  assert.ok(api, "CHAT_API_URL must point at a running API");
  alice = await account("alice");
  bob = await account("bob");
  const created = await post("/api/rooms", { name: room, description: "node client test" }, alice.token);
  assert.equal(created.status, 201);
});

test("the official client connects with accessTokenFactory, joins, sends and receives", async () => {
  const aliceHub = connect(alice.token);
  const bobHub = connect(bob.token);
  try {
    await aliceHub.start();
    await bobHub.start();
    assert.equal(aliceHub.state, signalR.HubConnectionState.Connected);

    const aliceJoin = await aliceHub.invoke("JoinRoom", room);
    const joined = nextEvent(aliceHub, "UserJoined");
    const bobJoin = await bobHub.invoke("JoinRoom", room.toUpperCase());
    assert.deepEqual(aliceJoin, { room, online: [alice.username] });
    assert.deepEqual(bobJoin.online, [alice.username, bob.username].sort());
    assert.deepEqual(await joined, { room, username: bob.username });

    const received = nextEvent(bobHub, "ReceiveMessage");
    const sent = await aliceHub.invoke("SendMessage", room, "hello from node");
    assert.equal(sent.username, alice.username);
    assert.equal(sent.content, "hello from node");
    assert.match(sent.sentAt, /Z$/);
    assert.deepEqual(await received, sent);

    const typing = nextEvent(aliceHub, "UserTyping");
    await bobHub.invoke("Typing", room);
    assert.deepEqual(await typing, { room, username: bob.username });
  } finally {
    await aliceHub.stop();
    await bobHub.stop();
  }
});

test("a message posted over REST reaches the official client", async () => {
  const bobHub = connect(bob.token);
  try {
    await bobHub.start();
    await bobHub.invoke("JoinRoom", room);
    const received = nextEvent(bobHub, "ReceiveMessage");
    const posted = await post(`/api/rooms/${room}/messages`, { content: "over rest" }, alice.token);
    assert.equal(posted.status, 201);
    assert.deepEqual(await received, posted.body);
  } finally {
    await bobHub.stop();
  }
});

test("hub failures reach the official client as HubException codes", async () => {
  const hub = connect(alice.token);
  try {
    await hub.start();
    await assert.rejects(hub.invoke("JoinRoom", `missing_${run}`), /HubException: not_found$/);
    await assert.rejects(hub.invoke("SendMessage", room, "   "), /HubException: validation_failed$/);
  } finally {
    await hub.stop();
  }
});

test("without a valid token the official client cannot connect", async () => {
  await assert.rejects(connect("not-a-token").start(), /401/);
});
