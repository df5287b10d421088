// The chat page: wires the session (auth.js), the hub (hub.js), the room list (rooms.js) and the
// message list (messages.js) to the DOM. No inline scripts or handlers: the page runs under a CSP
// with `default-src 'self'`.
import * as auth from "./auth.js";
import { ApiError } from "./api.js";
import { ChatHub } from "./hub.js";
import { MessageList } from "./messages.js";
import { RoomList, roomKey } from "./rooms.js";
import * as recovery from "./recovery.js";

const $ = (id) => document.getElementById(id);
const PAGE = 50;
const TYPING_EVERY_MS = 2000;
const TYPING_SHOWN_MS = 3000;
const CONNECTION_TEXT = {
  connecting: "Connecting…",
  connected: "Live",
  reconnecting: "Reconnecting…",
  disconnected: "Disconnected, retrying…",
  offline: "Offline",
};

const messages = new MessageList($("messages"));
const rooms = new RoomList($("rooms"), (name) => run("chat-error", () => openRoom(name)));

// Rooms this page has joined in this session (the hub sends ReceiveMessage only for joined rooms, so
// these are the rooms with unread counts). key -> { name, lastId, unread, seen: Set, online: Set }
const joined = new Map();
const state = { hub: null, open: null, nextBefore: null, olderLoad: null, opening: 0, typing: new Map(), lastTyping: 0 };

// ---- errors: shown where they happened, never swallowed ----

function show(id, error) {
  const element = $(id);
  element.textContent = error ? error.message || String(error) : "";
  if (element.id === "banner") {
    element.hidden = !error;
    element.dataset.kind = "";
  }
}

async function run(where, work) {
  show(where);
  try {
    await work();
  } catch (error) {
    show(where, error);
  }
}

globalThis.addEventListener("error", (event) => show("banner", event.error ?? new Error(event.message)));
globalThis.addEventListener("unhandledrejection", (event) => show("banner", event.reason));

// ---- views ----

function showAuth(form, message) {
  $("auth-view").hidden = false;
  $("chat-view").hidden = true;
  $("rooms-toggle").hidden = true;
  $("logout").hidden = true;
  $("whoami").textContent = "";
  $("connection").textContent = "";
  $("connection").dataset.state = "";
  recovery.hide();
  for (const name of ["login", "twofactor", "register"]) $(`${name}-form`).hidden = name !== form;
  $("auth-title").textContent = { login: "Sign in", twofactor: "Two-factor code", register: "Create an account" }[form];
  $("show-register").hidden = form !== "login";
  $("show-login").hidden = form !== "register";
  if (message !== undefined) $("auth-message").textContent = message ?? "";
  $(form === "twofactor" ? "twofactor-code" : form === "register" ? "register-username" : "login-username").focus();
}

function showConnection(connectionState, error) {
  const element = $("connection");
  element.dataset.state = connectionState;
  element.textContent = CONNECTION_TEXT[connectionState];
  element.title = error?.message ?? "";
  if (connectionState === "connected" && error) show("chat-error", error);
}

function setSidebar(open) {
  $("sidebar").classList.toggle("open", open);
  $("rooms-toggle").setAttribute("aria-expanded", String(open));
}

// ---- session ----

auth.onSessionEvent((event) => {
  if (event.type === "signed-in") enterChat(event.user).catch((error) => show("banner", error));
  else if (event.type === "signed-out") leaveChat(event.reason);
  else if (event.type === "error") {
    show("banner", new Error(`Could not refresh the session, retrying: ${event.error.message}`));
    $("banner").dataset.kind = "refresh";
  } else if (event.type === "refreshed" && $("banner").dataset.kind === "refresh") {
    show("banner"); // the refresh that failed has now succeeded; other errors stay shown
    $("banner").dataset.kind = "";
  }
});

async function enterChat(user) {
  if (state.hub) await leaveChat();
  show("banner");
  $("auth-message").textContent = "";
  $("auth-view").hidden = true;
  $("chat-view").hidden = false;
  $("rooms-toggle").hidden = false;
  $("logout").hidden = false;
  $("whoami").textContent = user.username;
  state.hub = new ChatHub({ accessToken: auth.accessToken, refresh: auth.refresh, handlers, onConnected, onState: showConnection });
  await Promise.all([
    loadRooms().catch((error) => show("chat-error", error)),
    state.hub.start(),
  ]);
}

async function leaveChat(reason) {
  const hub = state.hub;
  state.hub = null;
  joined.clear();
  closeRoom(null);
  rooms.set([]);
  showAuth("login", reason ?? "");
  await hub?.stop().catch((error) => show("auth-error", error));
}

// ---- rooms ----

async function loadRooms() {
  const all = [];
  for (let page = 1; ; page++) {
    const result = await auth.api(`/api/rooms?page=${page}&pageSize=100`);
    all.push(...result.items);
    if (page >= result.totalPages) break;
  }
  rooms.set(all);
  rooms.setActive(state.open && joined.get(state.open)?.name);
  for (const entry of joined.values()) rooms.setUnread(entry.name, entry.unread);
}

function entryFor(name) {
  const key = roomKey(name);
  if (!joined.has(key)) joined.set(key, { name, lastId: null, unread: 0, seen: new Set(), online: new Set() });
  return joined.get(key);
}

async function join(entry) {
  const presence = await state.hub.invoke("JoinRoom", entry.name);
  entry.name = presence.room;
  entry.online = new Set(presence.online);
  if (state.open === roomKey(entry.name)) renderOnline(entry);
}

async function openRoom(name) {
  setSidebar(false);
  const key = roomKey(name);
  if (state.open === key) return;
  const opening = ++state.opening;
  if (state.open) {
    const previous = joined.get(state.open);
    if (previous) previous.lastId = messages.last?.id ?? previous.lastId;
  }
  closeRoom(name);
  const entry = entryFor(name);
  entry.unread = 0;
  entry.seen.clear();
  state.open = key;
  rooms.setActive(name);
  rooms.setUnread(name, 0);
  updateUnreadTotal();
  if (state.hub?.isConnected) await join(entry); // otherwise the next (re)connect joins it
  const page = await auth.api(`/api/rooms/${encodeURIComponent(name)}/messages?limit=${PAGE}`);
  if (opening !== state.opening) return;
  messages.add(page.items.toReversed(), { scroll: "bottom" });
  setHistory(page.nextBefore);
  setComposer(true);
  $("content").focus();
  await fillViewport(opening);
}

function closeRoom(nextName) {
  state.open = null;
  state.nextBefore = null;
  messages.clear();
  state.typing.clear();
  renderTyping();
  $("room-title").textContent = nextName ?? "Pick a room";
  $("history-status").textContent = "";
  $("online").replaceChildren();
  setComposer(false);
  rooms.setActive(nextName);
}

function setComposer(enabled) {
  $("content").disabled = !enabled;
  $("send").disabled = !enabled;
}

function renderOnline(entry) {
  $("online").replaceChildren(...[...entry.online].sort().map((name) => {
    const li = document.createElement("li");
    li.textContent = name;
    return li;
  }));
}

function updateUnreadTotal() {
  const total = [...joined.values()].reduce((sum, entry) => sum + entry.unread, 0);
  $("unread-total").hidden = total === 0;
  $("unread-total").textContent = String(total);
  $("rooms-toggle").setAttribute("aria-label", total ? `Rooms, ${total} unread` : "Rooms");
}

/** A message for a joined room that is not open: counted once, remembered as where to catch up from. */
function countUnread(entry, message) {
  entry.lastId = message.id;
  if (entry.seen.has(message.id)) return;
  entry.seen.add(message.id);
  entry.unread++;
  rooms.setUnread(entry.name, entry.unread);
  updateUnreadTotal();
}

// ---- history: older pages on scroll up, catch-up after a (re)connect ----

function setHistory(nextBefore) {
  state.nextBefore = nextBefore;
  $("history-status").textContent = nextBefore ? "" : "This is the beginning of the room.";
}

/** Loads the page before the oldest message shown; one load at a time (callers share it). */
function loadOlder() {
  if (!state.open || !state.nextBefore) return Promise.resolve();
  state.olderLoad ??= (async () => {
    const key = state.open;
    $("history-status").textContent = "Loading older messages…";
    const page = await auth.api(`/api/rooms/${encodeURIComponent(joined.get(key).name)}/messages?before=${state.nextBefore}&limit=${PAGE}`);
    if (state.open !== key) return;
    messages.add(page.items, { scroll: "keep" });
    setHistory(page.nextBefore);
  })().finally(() => { state.olderLoad = null; });
  return state.olderLoad;
}

/** Loads older pages until the list can scroll, so that scrolling up is possible at all. */
async function fillViewport(opening) {
  const list = $("messages");
  while (opening === state.opening && state.nextBefore && list.scrollHeight <= list.clientHeight) await loadOlder();
}

$("messages").addEventListener("scroll", () => {
  if ($("messages").scrollTop < 80) run("chat-error", loadOlder);
});

/** Everything stored after the last message this page knows of, page by page (`after=`, `nextAfter`). */
async function catchUp(entry) {
  const key = roomKey(entry.name);
  const apply = (items) => {
    if (state.open === key) messages.add(items);
    else for (const message of items) countUnread(entry, message);
  };
  let after = state.open === key ? messages.last?.id : entry.lastId;
  const path = `/api/rooms/${encodeURIComponent(entry.name)}/messages`;
  if (!after) {
    // Nothing known yet: the newest page is everything there is to show.
    const page = await auth.api(`${path}?limit=${PAGE}`);
    apply(page.items.toReversed());
    if (state.open === key && state.nextBefore === null) setHistory(page.nextBefore);
    return;
  }
  while (after) {
    const page = await auth.api(`${path}?after=${after}&limit=100`);
    apply(page.items);
    after = page.nextAfter;
  }
}

async function onConnected() {
  // The hub forgets a connection's rooms: join them again, then fetch what was missed meanwhile.
  const results = await Promise.allSettled([loadRooms(), ...[...joined.values()].map(async (entry) => {
    try {
      await join(entry);
    } catch (error) {
      if (error.message?.includes("not_found")) return roomGone(entry.name);
      throw error;
    }
    await catchUp(entry);
  })]);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}

function roomGone(name) {
  const key = roomKey(name);
  joined.delete(key);
  rooms.remove(name);
  updateUnreadTotal();
  if (state.open === key) {
    closeRoom(null);
    $("room-title").textContent = `${name} was deleted`;
  }
}

// ---- hub events ----

function renderTyping() {
  const names = [...state.typing.keys()];
  $("typing").textContent = names.length ? `${names.join(", ")} ${names.length > 1 ? "are" : "is"} typing…` : "";
}

const handlers = {
  ReceiveMessage(message) {
    const entry = joined.get(roomKey(message.room));
    if (!entry) return;
    if (state.open === roomKey(message.room)) {
      clearTimeout(state.typing.get(message.username));
      state.typing.delete(message.username);
      renderTyping();
      messages.add([message]);
    } else {
      countUnread(entry, message);
    }
  },
  MessageDeleted({ room, id }) {
    if (state.open === roomKey(room)) messages.remove(id);
  },
  UserJoined({ room, username }) {
    const entry = joined.get(roomKey(room));
    entry?.online.add(username);
    if (entry && state.open === roomKey(room)) renderOnline(entry);
  },
  UserLeft({ room, username }) {
    const entry = joined.get(roomKey(room));
    entry?.online.delete(username);
    if (entry && state.open === roomKey(room)) renderOnline(entry);
  },
  UserTyping({ room, username }) {
    if (state.open !== roomKey(room) || username === auth.currentUser()?.username) return;
    clearTimeout(state.typing.get(username));
    state.typing.set(username, setTimeout(() => { state.typing.delete(username); renderTyping(); }, TYPING_SHOWN_MS));
    renderTyping();
  },
  RoomDeleted({ room }) {
    roomGone(room);
  },
  RoomCreated(room) {
    rooms.add(room);
    if (state.open) rooms.setActive(joined.get(state.open)?.name ?? null);
  },
};

// ---- forms ----

let challengeToken = null;

$("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  run("auth-error", async () => {
    const challenge = await auth.login($("login-username").value, $("login-password").value)
      .catch((error) => { if (!recovery.handleSignInError(error)) throw error; });
    $("login-password").value = "";
    if (challenge) {
      challengeToken = challenge.challengeToken;
      showAuth("twofactor", "");
    }
  });
});

$("twofactor-form").addEventListener("submit", (event) => {
  event.preventDefault();
  run("auth-error", async () => {
    try {
      await auth.loginTwoFactor(challengeToken, $("twofactor-code").value);
      challengeToken = null;
    } finally {
      $("twofactor-code").value = "";
    }
  });
});

$("twofactor-cancel").addEventListener("click", () => {
  challengeToken = null;
  show("auth-error");
  showAuth("login", "");
});

$("register-form").addEventListener("submit", (event) => {
  event.preventDefault();
  run("auth-error", async () => {
    const username = $("register-username").value;
    const password = $("register-password").value;
    recovery.rememberAccount((await auth.register(username, $("register-email").value, password)).id);
    $("register-password").value = "";
    await auth.login(username, password).catch((error) => { if (!recovery.handleSignInError(error)) throw error; });
  });
});

recovery.init({ signIn: (message) => showAuth("login", message) });

$("show-register").addEventListener("click", () => { show("auth-error"); showAuth("register", ""); });
$("show-login").addEventListener("click", () => { show("auth-error"); showAuth("login", ""); });

$("logout").addEventListener("click", () => {
  auth.logout().catch((error) => {
    $("auth-message").textContent = `Signed out on this device, but the server did not confirm it: ${error.message}`;
  });
});

$("rooms-toggle").addEventListener("click", () => setSidebar(!$("sidebar").classList.contains("open")));
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && $("sidebar").classList.contains("open")) {
    setSidebar(false);
    $("rooms-toggle").focus();
  }
});

$("create-room-form").addEventListener("submit", (event) => {
  event.preventDefault();
  run("chat-error", async () => {
    const room = await auth.api("/api/rooms", { method: "POST", body: { name: $("room-name").value } });
    $("room-name").value = "";
    rooms.add(room);
    await openRoom(room.name);
  });
});

$("send-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const content = $("content").value;
  const entry = state.open && joined.get(state.open);
  if (!content.trim() || !entry) return;
  run("chat-error", async () => {
    // The hub when it is up; REST while it reconnects (both store, then broadcast to the room).
    const message = state.hub?.isConnected
      ? await state.hub.invoke("SendMessage", entry.name, content)
      : await auth.api(`/api/rooms/${encodeURIComponent(entry.name)}/messages`, { method: "POST", body: { content } });
    if ($("content").value === content) $("content").value = "";
    if (state.open === roomKey(message.room)) messages.add([message], { scroll: "bottom" });
  });
});

$("content").addEventListener("input", () => {
  const entry = state.open && joined.get(state.open);
  if (!entry || !state.hub?.isConnected || Date.now() - state.lastTyping < TYPING_EVERY_MS) return;
  state.lastTyping = Date.now();
  state.hub.invoke("Typing", entry.name).catch((error) => show("chat-error", error));
});

// ---- start: a live refresh cookie signs the user straight in ----

auth.restore().then((restored) => {
  if (!restored) showAuth("login", "");
}).catch((error) => {
  showAuth("login", "");
  show("auth-error", error instanceof ApiError ? error : new Error(`Could not restore the session: ${error.message}`));
});
