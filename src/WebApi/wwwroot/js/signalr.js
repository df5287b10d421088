// The official @microsoft/signalr browser bundle (lib/signalr.min.js, copied from npm by the build)
// defines the global `signalR`; this module hands it to the others.
export function signalR() {
  if (!globalThis.signalR) {
    throw new Error("The SignalR client (lib/signalr.min.js) did not load; build the WebApi project to fetch it from npm.");
  }
  return globalThis.signalR;
}
