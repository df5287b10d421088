// Used by scripts/compose-smoke.sh: joins ROOM through the official @microsoft/signalr client on
// HUB_URL, posts CONTENT through the REST API on REST_URL (another instance in the cluster profile),
// and exits 0 once ReceiveMessage brings it, or 1 after 15 s.
// Usage: node compose-smoke.mjs HUB_URL REST_URL ACCESS_TOKEN ROOM CONTENT
import * as signalR from "@microsoft/signalr";

const [hubUrl, restUrl, token, room, content] = process.argv.slice(2);
const deadline = setTimeout(() => fail(`no ReceiveMessage with the posted content within 15 s on ${hubUrl}`), 15000);

function fail(reason) {
  console.error(`hub smoke: ${reason}`);
  process.exit(1);
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${hubUrl}/hubs/chat`, { accessTokenFactory: () => token })
  .configureLogging(signalR.LogLevel.Warning)
  .build();
const received = new Promise((resolve) =>
  connection.on("ReceiveMessage", (message) => message.content === content && resolve(message)));

try {
  await connection.start();
  await connection.invoke("JoinRoom", room);
  const response = await fetch(`${restUrl}/api/rooms/${room}/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ content }),
  });
  if (response.status !== 201) fail(`POST ${restUrl}/api/rooms/${room}/messages answered ${response.status}: ${await response.text()}`);
  const message = await received;
  clearTimeout(deadline);
  console.log(`hub smoke: posted through ${restUrl}, received through ${hubUrl}: message ${message.id} in ${message.room}`);
  await connection.stop();
} catch (error) {
  fail(error.message);
}
