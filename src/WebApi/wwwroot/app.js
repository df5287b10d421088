// The ChatPlatform page: REST for accounts, rooms and history; the SignalR hub over a plain
// WebSocket with the JSON hub protocol (records end with U+001E) for live events.
"use strict";

const RS = "\u001e";
const $ = (id) => document.getElementById(id);
const state = { token: null, user: null, room: null, hub: null, typingTimers: new Map(), lastTyping: 0 };

async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401 && state.token) signOut("Your session has ended; sign in again.");
    const fields = data?.errors ? " " + Object.values(data.errors).flat().join(" ") : "";
    throw new Error(`${data?.detail || data?.title || response.statusText}${fields}`);
  }
  return data;
}

class Hub {
  constructor(token, handlers) {
    this.handlers = handlers;
    this.pending = new Map();
    this.nextId = 1;
    this.buffer = "";
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    this.socket = new WebSocket(`${scheme}://${location.host}/hubs/chat?access_token=${encodeURIComponent(token)}`);
    this.ready = new Promise((resolve, reject) => {
      this.socket.onopen = () => this.socket.send(JSON.stringify({ protocol: "json", version: 1 }) + RS);
      this.handshake = { resolve, reject };
    });
    this.socket.onmessage = (event) => this.receive(event.data);
    this.socket.onclose = () => {
      this.handshake.reject(new Error("The hub refused the connection."));
      for (const { reject } of this.pending.values()) reject(new Error("Disconnected"));
      this.handlers.onclose?.();
    };
  }

  receive(text) {
    this.buffer += text;
    const records = this.buffer.split(RS);
    this.buffer = records.pop();
    for (const record of records) {
      const message = JSON.parse(record);
      if (this.handshake) {
        const { resolve, reject } = this.handshake;
        this.handshake = null;
        message.error ? reject(new Error(message.error)) : resolve();
      } else if (message.type === 1) {
        this.handlers[message.target]?.(...message.arguments);
      } else if (message.type === 3 && this.pending.has(message.invocationId)) {
        const { resolve, reject } = this.pending.get(message.invocationId);
        this.pending.delete(message.invocationId);
        message.error ? reject(new Error(message.error.split("HubException: ").pop())) : resolve(message.result);
      } else if (message.type === 7) {
        this.socket.close();
      }
    }
  }

  invoke(target, ...args) {
    const invocationId = String(this.nextId++);
    return new Promise((resolve, reject) => {
      this.pending.set(invocationId, { resolve, reject });
      this.socket.send(JSON.stringify({ type: 1, invocationId, target, arguments: args }) + RS);
    });
  }

  close() {
    this.handlers.onclose = null;
    this.socket.close();
  }
}

function showError(id, error) {
  $(id).textContent = error ? error.message || String(error) : "";
}

function item(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function renderMessage(message, append = true) {
  const li = document.createElement("li");
  li.dataset.id = message.id;
  li.append(item("span", message.username, "who"), item("span", message.content, "text"));
  const time = item("time", new Date(message.sentAt).toLocaleTimeString());
  time.dateTime = message.sentAt;
  li.append(time);
  const list = $("messages");
  append ? list.append(li) : list.prepend(li);
  list.scrollTop = list.scrollHeight;
}

function renderOnline(names) {
  $("online").replaceChildren(...names.map((name) => item("li", name)));
}

function renderTyping() {
  const names = [...state.typingTimers.keys()];
  $("typing").textContent = names.length ? `${names.join(", ")} ${names.length > 1 ? "are" : "is"} typing…` : "";
}

function sameRoom(room) {
  return state.room && room.toLowerCase() === state.room.toLowerCase();
}

const handlers = {
  ReceiveMessage(message) {
    if (sameRoom(message.room)) {
      state.typingTimers.delete(message.username);
      renderTyping();
      renderMessage(message);
    }
  },
  MessageDeleted({ room, id }) {
    if (sameRoom(room)) document.querySelector(`#messages li[data-id="${id}"]`)?.remove();
  },
  UserJoined({ room, username }) {
    if (sameRoom(room) && ![...$("online").children].some((li) => li.textContent === username)) {
      $("online").append(item("li", username));
    }
  },
  UserLeft({ room, username }) {
    if (sameRoom(room)) [...$("online").children].find((li) => li.textContent === username)?.remove();
  },
  UserTyping({ room, username }) {
    if (!sameRoom(room)) return;
    clearTimeout(state.typingTimers.get(username));
    state.typingTimers.set(username, setTimeout(() => { state.typingTimers.delete(username); renderTyping(); }, 3000));
    renderTyping();
  },
  RoomDeleted({ room }) {
    if (sameRoom(room)) {
      state.room = null;
      $("room-title").textContent = `${room} was deleted`;
      $("messages").replaceChildren();
      renderOnline([]);
      setComposer(false);
    }
    loadRooms();
  },
  onclose() {
    if (state.token) {
      $("status").textContent = `Signed in as ${state.user} (live updates stopped)`;
    }
  },
};

function setComposer(enabled) {
  $("content").disabled = !enabled;
  $("send").disabled = !enabled;
}

async function loadRooms() {
  const page = await api("GET", "/api/rooms?pageSize=100");
  $("rooms").replaceChildren(...page.items.map((room) => {
    const li = item("li", room.name);
    li.title = room.description || `created by ${room.createdBy}`;
    li.classList.toggle("active", sameRoom(room.name));
    li.addEventListener("click", () => joinRoom(room.name).catch((e) => showError("chat-error", e)));
    return li;
  }));
}

async function joinRoom(name) {
  showError("chat-error");
  if (state.room) await state.hub.invoke("LeaveRoom", state.room);
  const joined = await state.hub.invoke("JoinRoom", name);
  state.room = joined.room;
  state.typingTimers.clear();
  renderTyping();
  $("room-title").textContent = joined.room;
  renderOnline(joined.online);
  const history = await api("GET", `/api/rooms/${encodeURIComponent(joined.room)}/messages?limit=50`);
  $("messages").replaceChildren();
  history.items.forEach((message) => renderMessage(message, false));
  $("messages").scrollTop = $("messages").scrollHeight;
  setComposer(true);
  $("content").focus();
  await loadRooms();
}

async function signIn(pair) {
  state.token = pair.accessToken;
  state.user = pair.user.username;
  state.hub = new Hub(state.token, handlers);
  await state.hub.ready;
  $("auth").hidden = true;
  $("chat").hidden = false;
  $("logout").hidden = false;
  $("status").textContent = `Signed in as ${state.user}`;
  await loadRooms();
}

function signOut(reason) {
  state.hub?.close();
  Object.assign(state, { token: null, user: null, room: null, hub: null });
  $("auth").hidden = false;
  $("chat").hidden = true;
  $("logout").hidden = true;
  $("status").textContent = "Signed out";
  $("auth-error").textContent = reason || "";
}

$("auth-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  showError("auth-error");
  try {
    await signIn(await api("POST", "/api/auth/login", { username: $("username").value, password: $("password").value }));
  } catch (error) {
    showError("auth-error", error);
  }
});

$("register").addEventListener("click", async () => {
  showError("auth-error");
  const username = $("username").value;
  const password = $("password").value;
  try {
    await api("POST", "/api/auth/register", { username, email: $("email").value, password, confirmPassword: password });
    await signIn(await api("POST", "/api/auth/login", { username, password }));
  } catch (error) {
    showError("auth-error", error);
  }
});

$("logout").addEventListener("click", () => signOut());

$("create-room-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  showError("chat-error");
  try {
    const room = await api("POST", "/api/rooms", { name: $("room-name").value });
    $("room-name").value = "";
    await joinRoom(room.name);
  } catch (error) {
    showError("chat-error", error);
  }
});

$("send-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const content = $("content").value;
  if (!content.trim() || !state.room) return;
  try {
    await state.hub.invoke("SendMessage", state.room, content);
    $("content").value = "";
    showError("chat-error");
  } catch (error) {
    showError("chat-error", error);
  }
});

$("content").addEventListener("input", () => {
  if (state.room && Date.now() - state.lastTyping > 1500) {
    state.lastTyping = Date.now();
    state.hub.invoke("Typing", state.room).catch(() => {});
  }
});
