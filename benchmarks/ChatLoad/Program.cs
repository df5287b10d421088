using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPlatform.ChatLoad;
using Npgsql;

// Chat load: N hub clients in one room under a sustained message rate (delivery latency from send
// to receipt at every member), then history-page latency over a room with many stored messages.
var options = ChatLoadOptions.Parse(args);
var run = Guid.NewGuid().ToString("N")[..6];
const string Password = "Passw0rd!";
using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(2) };

Console.WriteLine($"Signing in {options.Clients} users...");
var tokens = new string[options.Clients];
using (var gate = new SemaphoreSlim(4))
{
    await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            tokens[i] = await SignInAsync($"load{i}_{run}");
        }
        finally
        {
            gate.Release();
        }
    }));
}

var room = $"load_{run}";
await CreateRoomAsync(tokens[0], room);
Console.WriteLine($"Connecting {options.Clients} hub clients to {room}...");
var clients = new List<ChatLoadClient>();
foreach (var token in tokens)
{
    var client = new ChatLoadClient();
    await client.ConnectAndJoinAsync(options.Url, token, room);
    clients.Add(client);
}

var total = options.Rate * options.Seconds;
Console.WriteLine($"Sending {total} messages at {options.Rate}/s for {options.Seconds} s...");
var clock = Stopwatch.StartNew();
for (var i = 0; i < total; i++)
{
    var due = TimeSpan.FromSeconds((double)i / options.Rate);
    if (due > clock.Elapsed)
    {
        await Task.Delay(due - clock.Elapsed);
    }

    await clients[i % clients.Count].SendMessageAsync(room, i);
}

var sendSeconds = clock.Elapsed.TotalSeconds;
var expected = (long)total * clients.Count;
var drain = Stopwatch.StartNew();
while (clients.Sum(c => (long)c.LatenciesMs.Count) < expected && drain.Elapsed < TimeSpan.FromSeconds(30))
{
    await Task.Delay(100);
}

var latencies = clients.SelectMany(c => c.LatenciesMs).Order().ToArray();
var delivered = latencies.Length;
await using var db = NpgsqlDataSource.Create(options.Database);
var stored = await ScalarAsync<long>(
    """SELECT count(*) FROM messages m JOIN rooms r ON r."Id" = m."RoomId" WHERE r."Name" = @room""", ("room", room));
foreach (var client in clients)
{
    await client.DisposeAsync();
}

Console.WriteLine();
Console.WriteLine("## Live delivery");
Console.WriteLine($"clients: {clients.Count}, sent: {total} in {sendSeconds:F1} s ({total / sendSeconds:F1} msg/s), stored: {stored}");
Console.WriteLine($"deliveries: {delivered} of {expected} expected ({delivered / (double)expected:P2}), duplicates: {clients.Sum(c => c.Duplicates)}");
Console.WriteLine($"delivery rate: {delivered / (sendSeconds + drain.Elapsed.TotalSeconds):F0}/s");
Console.WriteLine($"latency ms: p50 {Percentile(latencies, 50):F1}, p90 {Percentile(latencies, 90):F1}, p99 {Percentile(latencies, 99):F1}, max {(latencies.Length > 0 ? latencies[^1] : 0):F1}");

var historyRoom = $"history_{run}";
await CreateRoomAsync(tokens[0], historyRoom);
Console.WriteLine();
Console.WriteLine($"Storing {options.History:N0} messages in {historyRoom} with generate_series...");
var insert = Stopwatch.StartNew();
await ExecuteAsync(
    """
    INSERT INTO messages ("Id", "RoomId", "AuthorId", "Content", "SentAt")
    SELECT gen_random_uuid(), r."Id", r."CreatedById", 'history message ' || g, now() - make_interval(secs => @n - g)
    FROM rooms r, generate_series(1, @n) g
    WHERE r."Name" = @room;
    ANALYZE messages;
    """,
    ("room", historyRoom),
    ("n", options.History));
Console.WriteLine($"stored in {insert.Elapsed.TotalSeconds:F1} s");

var befores = new List<string>();
await using (var command = db.CreateCommand(
    """
    SELECT m."Id" FROM messages m JOIN rooms r ON r."Id" = m."RoomId"
    WHERE r."Name" = @room ORDER BY random() LIMIT 200
    """))
{
    command.Parameters.AddWithValue("room", historyRoom);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        befores.Add(reader.GetGuid(0).ToString());
    }
}

await TimeHistoryAsync(tokens[0], $"/api/rooms/{historyRoom}/messages?limit=50", 20);
var newest = await TimeHistoryAsync(tokens[0], $"/api/rooms/{historyRoom}/messages?limit=50", 200);
var deep = new List<double>();
foreach (var before in befores)
{
    deep.AddRange(await TimeHistoryAsync(tokens[0], $"/api/rooms/{historyRoom}/messages?limit=50&before={before}", 1));
}

deep.Sort();
Console.WriteLine();
Console.WriteLine($"## History over {options.History:N0} stored messages (limit=50, one client, sequential)");
Console.WriteLine($"newest page ms: p50 {Percentile(newest, 50):F2}, p99 {Percentile(newest, 99):F2} ({newest.Length} requests)");
Console.WriteLine($"random 'before' page ms: p50 {Percentile(deep.ToArray(), 50):F2}, p99 {Percentile(deep.ToArray(), 99):F2} ({deep.Count} requests)");
return 0;

async Task<string> SignInAsync(string username)
{
    var email = $"{username}@example.com";
    using var registered = await http.PostAsJsonAsync("/api/auth/register", new { username, email, password = Password, confirmPassword = Password });
    registered.EnsureSuccessStatusCode();
    using var login = await http.PostAsJsonAsync("/api/auth/login", new { username, password = Password });
    login.EnsureSuccessStatusCode();
    var body = await login.Content.ReadFromJsonAsync<JsonElement>();
    return body.GetProperty("accessToken").GetString()!;
}

async Task CreateRoomAsync(string token, string name)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = JsonContent.Create(new { name }) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
}

async Task<double[]> TimeHistoryAsync(string token, string path, int times)
{
    var results = new double[times];
    for (var i = 0; i < times; i++)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        results[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
    }

    Array.Sort(results);
    return results;
}

async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
{
    await using var command = db.CreateCommand(sql);
    foreach (var (name, value) in parameters)
    {
        command.Parameters.AddWithValue(name, value);
    }

    return (T)(await command.ExecuteScalarAsync())!;
}

async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
{
    await using var command = db.CreateCommand(sql);
    command.CommandTimeout = 600;
    foreach (var (name, value) in parameters)
    {
        command.Parameters.AddWithValue(name, value);
    }

    await command.ExecuteNonQueryAsync();
}

static double Percentile(double[] sorted, int percentile) =>
    sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
