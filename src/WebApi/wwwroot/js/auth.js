// The signed-in session of a browser SPA.
// - The refresh token lives only in the HttpOnly `refresh_token` cookie (cookie mode, `?useCookie=true`);
//   no script, this one included, can read it.
// - The access token lives only in memory (a variable of this module), never in storage.
// - One refresh at a time across every tab of the browser: refreshes run under a Web Lock, and the
//   tab that refreshed hands the new access token to the others over a BroadcastChannel. A tab that
//   waited for the lock and finds a newer token than the one it wanted to replace uses that one: a
//   second refresh with the same cookie would be a reuse of a spent token, which revokes the session.
import { ApiError, request } from "./api.js";

const LOCK_NAME = "chatplatform-auth-refresh";
const channel = "BroadcastChannel" in globalThis ? new BroadcastChannel("chatplatform-auth") : null;
const RETRY_AFTER_FAILURE_MS = 5000;

let current = null; // { accessToken, expiresAt (epoch ms), lifetimeMs, user }
let inFlight = null;
let timer = 0;
const listeners = new Set();

/** Subscribes to session events: { type: "signed-in" | "refreshed" | "signed-out" | "error", ... }. */
export function onSessionEvent(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const currentUser = () => current?.user ?? null;

/** How long before expiry a token counts as stale: a quarter of its lifetime, at most a minute. */
const margin = (session) => Math.min(60_000, session.lifetimeMs / 4);
const isFresh = (session) => session !== null && session.expiresAt - Date.now() > margin(session);

function emit(event) {
  for (const listener of listeners) listener(event);
}

function adopt(session, { broadcast }) {
  const previousUser = current?.user?.id;
  current = session;
  schedule();
  if (broadcast) channel?.postMessage({ type: "token", session });
  emit({ type: previousUser === session.user.id ? "refreshed" : "signed-in", user: session.user });
}

function fromPair(pair) {
  const lifetimeMs = pair.expiresIn * 1000;
  return { accessToken: pair.accessToken, expiresAt: Date.now() + lifetimeMs, lifetimeMs, user: pair.user };
}

function schedule() {
  clearTimeout(timer);
  if (!current) return;
  const due = current.expiresAt - margin(current) - Date.now();
  // refresh() reports its own failures as session events ("error", "signed-out").
  timer = setTimeout(() => refresh().catch(() => {}), Math.max(0, due));
}

function end(reason, { broadcast }) {
  clearTimeout(timer);
  const wasSignedIn = current !== null;
  current = null;
  if (broadcast) channel?.postMessage({ type: "signed-out", reason });
  if (wasSignedIn) emit({ type: "signed-out", reason });
}

channel?.addEventListener("message", ({ data }) => {
  if (data?.type === "token" && (!current || data.session.expiresAt > current.expiresAt)) {
    adopt(data.session, { broadcast: false });
  } else if (data?.type === "signed-out") {
    end(data.reason || "You signed out in another tab.", { broadcast: false });
  }
});

const withLock = (work) => (navigator.locks ? navigator.locks.request(LOCK_NAME, work) : work());

/**
 * Gets a new access token with the refresh cookie. Single flight: concurrent callers in this tab
 * share one promise, and other tabs wait on the lock. `rejected` is the token the server refused, if any.
 * A refused refresh (revoked, reused, expired) ends the session; a network failure keeps it and retries.
 */
export function refresh({ rejected } = {}) {
  const wanted = rejected ?? current?.accessToken ?? null;
  inFlight ??= withLock(async () => {
    if (current && current.accessToken !== wanted && isFresh(current)) return current.accessToken; // another tab did it
    try {
      const { data } = await request("/api/auth/refresh?useCookie=true", { method: "POST" });
      adopt(fromPair(data), { broadcast: true });
      return current.accessToken;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 401)) {
        // Signed in: the cookie is dead for every tab. Restoring on load (nothing in memory): just no session.
        if (current) end(`Your session has ended (${error.code ?? error.status}); sign in again.`, { broadcast: true });
      } else if (current) {
        clearTimeout(timer);
        timer = setTimeout(() => refresh().catch(() => {}), RETRY_AFTER_FAILURE_MS);
        emit({ type: "error", error });
      }
      throw error;
    }
  }).finally(() => { inFlight = null; });
  return inFlight;
}

/** On page load: a live refresh cookie restores the session without asking for the password. */
export async function restore() {
  try {
    await refresh();
    return true;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 401)) return false; // no session
    throw error;
  }
}

/** A usable access token, refreshed first when it is close to expiry (the hub's accessTokenFactory). */
export async function accessToken() {
  if (!current) throw new Error("Not signed in.");
  if (isFresh(current)) return current.accessToken;
  try {
    return await refresh();
  } catch (error) {
    // Offline with a token that has not expired yet: let the caller try it.
    if (current && current.expiresAt > Date.now()) return current.accessToken;
    throw error;
  }
}

/** An authenticated API call; a 401 for an expired (or revoked) token refreshes once and retries. */
export async function api(path, options = {}) {
  const token = await accessToken();
  try {
    return (await request(path, { ...options, token })).data;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401 && ["token_expired", "token_revoked"].includes(error.code))) throw error;
    const fresh = await refresh({ rejected: token });
    return (await request(path, { ...options, token: fresh })).data;
  }
}

/** Password login. Resolves { challengeToken } when a two-factor code is needed, else null (signed in). */
export async function login(username, password) {
  const { status, data } = await request("/api/auth/login?useCookie=true", { method: "POST", body: { username, password } });
  if (status === 202 && data.twoFactorRequired) return { challengeToken: data.challengeToken };
  adopt(fromPair(data), { broadcast: true });
  return null;
}

export async function loginTwoFactor(challengeToken, code) {
  const { data } = await request("/api/auth/login/2fa?useCookie=true", { method: "POST", body: { challengeToken, code } });
  adopt(fromPair(data), { broadcast: true });
}

/** Creates the account; returns the new user (its id confirms the email with the emailed code). */
export async function register(username, email, password) {
  const { data } = await request("/api/auth/register", { method: "POST", body: { username, email, password, confirmPassword: password } });
  return data;
}

/**
 * Signs out on the server (the refresh cookie's family and this access token are revoked, the cookie
 * cleared) and forgets the token here and in every other tab. Memory is cleared even when the server
 * cannot be told; the error is then rethrown so the page can say so.
 */
export async function logout() {
  try {
    await api("/api/auth/logout", { method: "POST" });
  } finally {
    end(null, { broadcast: true });
  }
}
