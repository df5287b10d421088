// "Signed-in devices": the user's sessions (GET /api/users/me/sessions), newest first, each with a
// sign-out. Another device is signed out with DELETE /api/users/me/sessions/{id}, which also closes
// its live connection; this device signs out the page's usual way (auth.logout), so its cookie goes too.
import * as auth from "./auth.js";

const $ = (id) => document.getElementById(id);
const toggle = $("devices-toggle");
const panel = $("devices");
const list = $("devices-list");
const status = $("devices-status");
const error = $("devices-error");

const when = (iso) => new Date(iso).toLocaleString();

function setOpen(open) {
  panel.hidden = !open;
  toggle.setAttribute("aria-expanded", String(open));
  if (open) load();
}

function showError(cause) {
  error.textContent = cause ? cause.message || String(cause) : "";
}

async function load() {
  showError();
  status.textContent = "Loading…";
  try {
    const sessions = await auth.api("/api/users/me/sessions");
    status.textContent = sessions.length === 0 ? "No signed-in devices." : "";
    render(sessions);
  } catch (cause) {
    status.textContent = "";
    showError(cause);
  }
}

function render(sessions) {
  list.replaceChildren(...sessions.map((session) => {
    const item = document.createElement("li");
    item.className = "device";
    item.dataset.sessionId = session.id;

    const name = document.createElement("strong");
    name.textContent = session.userAgent || "Unknown device";
    const details = document.createElement("span");
    details.className = "muted";
    details.textContent = [
      session.current ? "This device" : null,
      session.ipAddress,
      `signed in ${when(session.createdAt)}`,
      `last active ${when(session.lastUsedAt)}`,
    ].filter(Boolean).join(" · ");

    const signOut = document.createElement("button");
    signOut.type = "button";
    signOut.className = "secondary";
    signOut.textContent = "Sign out";
    signOut.setAttribute("aria-label", `Sign out ${session.current ? "this device" : name.textContent}`);
    signOut.addEventListener("click", () => signOutDevice(session, signOut));

    item.append(name, details, signOut);
    return item;
  }));
}

async function signOutDevice(session, button) {
  showError();
  button.disabled = true;
  try {
    if (session.current) {
      await auth.logout();
      return;
    }
    await auth.api(`/api/users/me/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" });
    await load();
  } catch (cause) {
    button.disabled = false;
    showError(cause);
  }
}

function signedIn(user) {
  toggle.hidden = !user;
  if (!user) {
    setOpen(false);
    list.replaceChildren();
  }
}

toggle.addEventListener("click", () => setOpen(panel.hidden));
$("devices-close").addEventListener("click", () => { setOpen(false); toggle.focus(); });
auth.onSessionEvent((event) => {
  if (event.type === "signed-in") signedIn(event.user);
  else if (event.type === "signed-out") signedIn(null);
});
signedIn(auth.currentUser());
