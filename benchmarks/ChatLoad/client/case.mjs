// One case of scripts/bench-chat.sh on the official SignalR JavaScript client: members join one
// room, the first 10 send at a fixed total rate without waiting for answers (as independent users
// would), then receipts of every acknowledged message are awaited (at most 15 s) and checked.
//
// Input on stdin, JSON: { servers: [url], tokens: [token per member, senders first], room, rate,
// seconds, senders }. Output on stdout, a line each: "sending" when every member has joined,
// "drained" when the receipts are in (the caller meters server CPU between the two), then the
// result as one JSON line. A single-threaded client cannot take more than one of the machine's
// cores from the servers it measures.
import { HubConnectionBuilder, HttpTransportType, LogLevel } from "@microsoft/signalr";
import { performance } from "node:perf_hooks";
import { setTimeout as pause } from "node:timers/promises";

const ackGraceMs = 1000;
const drainLimitMs = 15000;
const joinConcurrency = 32;

const input = JSON.parse(await readStdin());
const total = input.rate * input.seconds;
const latencies = new Float64Array(total * input.tokens.length);
let receipts = 0;

// Per message n (its content starts with n): when it was sent, and when it was acknowledged
// (-1: not). Receipts are checked against these arrays rather than kept by id, so the client
// holds no per-receipt objects for its garbage collector to trace.
const sentAt = new Float64Array(total);
const acknowledgedAt = new Float64Array(total).fill(-1);
let acknowledged = 0;

const members = new Array(input.tokens.length);
let next = 0;
await Promise.all(Array.from({ length: joinConcurrency }, async () => {
  while (next < members.length) {
    const i = next++;
    members[i] = await join(input.servers[i % input.servers.length], input.tokens[i]);
  }
}));

const ackLatencies = [];
let failed = 0;
console.log("sending");
const start = performance.now();
const sends = [];
for (let i = 0; i < total;) {
  const due = Math.min(total, Math.floor(((performance.now() - start) * input.rate) / 1000) + 1);
  for (; i < due; i++) {
    sends.push(send(members[i % input.senders], i % input.senders, i));
  }

  if (i < total) {
    // Pacing of the senders (every due message goes out on each tick), not a wait for an event.
    await pause(1);
  }
}

const window = performance.now() - start + ackGraceMs;
await Promise.all(sends);
const expected = acknowledged * members.length;
const receivedOfAcknowledged = () => members.reduce((sum, m) => sum + m.receivedOfAcknowledged(), 0);
const drainStart = performance.now();
while ((members.reduce((sum, m) => sum + m.received, 0) < expected || receivedOfAcknowledged() < expected) && performance.now() - drainStart < drainLimitMs) {
  // Receipts arrive on this same thread: yield to them, then count again.
  await pause(100);
}

console.log("drained");
const sorted = latencies.subarray(0, receipts).sort();
const cpu = process.cpuUsage();
const result = {
  sent: total,
  acknowledged,
  acknowledgedInTime: acknowledgedAt.filter((at) => at >= 0 && at <= window).length,
  failed,
  deliveredPercent: acknowledged === 0 ? 0 : (100 * receivedOfAcknowledged()) / expected,
  duplicates: members.reduce((sum, m) => sum + m.duplicates, 0),
  outOfOrder: members.reduce((sum, m) => sum + m.outOfOrder, 0),
  p50Ms: percentile(sorted, 50),
  p99Ms: percentile(sorted, 99),
  ackP99Ms: percentile(Float64Array.from(ackLatencies).sort(), 99),
  clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
};
await Promise.all(members.map((m) => m.connection.stop()));
console.log(JSON.stringify(result));

async function join(server, token) {
  const connection = new HubConnectionBuilder()
    .withUrl(new URL("/hubs/chat", server).href, {
      accessTokenFactory: () => token,
      transport: HttpTransportType.WebSockets,
      skipNegotiation: true,
    })
    .configureLogging(LogLevel.None)
    .build();
  connection.serverTimeoutInMilliseconds = 120000;
  const member = {
    connection,
    seen: new Uint8Array(total),
    received: 0,
    lastSequence: 0,
    duplicates: 0,
    outOfOrder: 0,
    receivedOfAcknowledged() {
      let count = 0;
      for (let n = 0; n < total; n++) {
        count += this.seen[n] & (acknowledgedAt[n] >= 0);
      }

      return count;
    },
  };
  connection.on("ReceiveMessage", (message) => {
    const now = performance.now();
    const n = parseInt(message.content, 10);
    if (member.seen[n]) {
      member.duplicates++;
      return;
    }

    member.seen[n] = 1;
    member.received++;
    if (message.sequence <= member.lastSequence) {
      member.outOfOrder++;
    }

    member.lastSequence = Math.max(member.lastSequence, message.sequence);
    latencies[receipts++] = now - sentAt[n];
  });
  await connection.start();
  await connection.invoke("JoinRoom", input.room);
  return member;
}

async function send(member, sender, n) {
  const at = performance.now();
  sentAt[n] = at;
  try {
    await member.connection.invoke("SendMessage", input.room, `${n} load message from sender ${sender}`);
    const now = performance.now();
    acknowledgedAt[n] = now - start;
    acknowledged++;
    ackLatencies.push(now - at);
  } catch {
    failed++;
  }
}

function percentile(sorted, p) {
  return sorted.length === 0 ? 0 : sorted[Math.min(Math.max(Math.ceil((p / 100) * sorted.length) - 1, 0), sorted.length - 1)];
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }

  return Buffer.concat(chunks).toString("utf8");
}
