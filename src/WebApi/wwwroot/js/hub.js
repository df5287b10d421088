// The chat hub connection with the official client. It stays up for as long as the user is signed in:
// - the client's automatic reconnect handles short drops (the server also closes a connection when its
//   access token expires; the reconnect then asks accessTokenFactory, which refreshes);
// - when the automatic reconnect gives up, or the browser was offline, it starts again with a backoff;
// - after every (re)connect `onConnected` runs, so the page re-joins its rooms and catches up.
import { signalR } from "./signalr.js";

const EVENTS = ["ReceiveMessage", "MessageDeleted", "UserJoined", "UserLeft", "UserTyping", "RoomDeleted", "RoomCreated"];

export class ChatHub {
  /**
   * @param {{ accessToken: () => Promise<string>, refresh: () => Promise<string>, handlers: Record<string, Function>,
   *           onConnected: () => Promise<void>, onState: (state: string, error?: Error) => void }} options
   */
  constructor({ accessToken, refresh, handlers, onConnected, onState }) {
    const client = signalR();
    this.refresh = refresh;
    this.onConnected = onConnected;
    this.onState = onState;
    this.wanted = false;
    this.starting = null;
    this.wake = null;
    this.connection = new client.HubConnectionBuilder()
      .withUrl("/hubs/chat", { accessTokenFactory: accessToken })
      .withAutomaticReconnect({
        // Quick retries for a minute, then the connection closes and keepStarting() takes over. A 401 on
        // negotiate (the token was revoked) ends them at once: keepStarting() refreshes first.
        nextRetryDelayInMilliseconds: ({ previousRetryCount, elapsedMilliseconds, retryReason }) =>
          retryReason?.statusCode === 401 || elapsedMilliseconds > 60_000 ? null : Math.min(500 * 2 ** previousRetryCount, 8000),
      })
      .configureLogging(client.LogLevel.Warning)
      .build();
    for (const name of EVENTS) {
      const handler = handlers[name];
      if (handler) this.connection.on(name, handler);
    }
    this.connection.onreconnecting((error) => this.onState("reconnecting", error));
    this.connection.onreconnected(() => this.connected());
    this.connection.onclose((error) => {
      if (!this.wanted) return;
      this.onState("disconnected", error);
      this.keepStarting();
    });
    this.onOffline = () => {
      // A dead network may leave the socket looking open for a long time: drop it now, catch up later.
      if (!this.wanted) return;
      this.onState("offline");
      this.connection.stop().catch(() => {}); // how it ended arrives through onclose
    };
    this.onOnline = () => this.wake?.();
    globalThis.addEventListener("offline", this.onOffline);
    globalThis.addEventListener("online", this.onOnline);
  }

  get isConnected() {
    return this.connection.state === signalR().HubConnectionState.Connected;
  }

  start() {
    this.wanted = true;
    return this.keepStarting();
  }

  async stop() {
    this.wanted = false;
    this.wake?.();
    globalThis.removeEventListener("offline", this.onOffline);
    globalThis.removeEventListener("online", this.onOnline);
    await this.connection.stop();
  }

  invoke(method, ...args) {
    return this.connection.invoke(method, ...args);
  }

  async connected() {
    this.onState("connected");
    try {
      await this.onConnected();
    } catch (error) {
      this.onState("connected", error);
    }
  }

  /** Starts the connection, retrying with a growing delay (cut short by the browser coming online). */
  async keepStarting() {
    if (this.starting) return this.starting;
    this.starting = (async () => {
      for (let attempt = 0; this.wanted; attempt++) {
        if (this.connection.state !== signalR().HubConnectionState.Disconnected) break;
        if (navigator.onLine === false) {
          this.onState("offline");
        } else {
          this.onState("connecting");
          try {
            await this.connection.start();
            await this.connected();
            return;
          } catch (error) {
            if (!this.wanted) return;
            this.onState("disconnected", error);
            // Refused for the token: a refresh either brings a good one or, revoked, signs the user out.
            // (Its failure is reported by the session, which stops this hub when it signs out.)
            if (error?.statusCode === 401) await this.refresh().catch(() => {});
            if (!this.wanted) return;
          }
        }
        await new Promise((resolve) => {
          const timeout = setTimeout(resolve, Math.min(1000 * 2 ** attempt, 15_000));
          this.wake = () => { clearTimeout(timeout); resolve(); };
        });
        this.wake = null;
      }
    })().finally(() => { this.starting = null; });
    return this.starting;
  }
}
