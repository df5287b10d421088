using System.Diagnostics;
using Npgsql;

namespace ChatPlatform.ChatLoad;

/// <summary>History-page latency over a room holding many stored messages (bulk-inserted with generate_series).</summary>
internal static class HistoryBenchmark
{
    public static async Task RunAsync(Api api, string token, string connectionString, string room, int stored)
    {
        await api.CreateRoomAsync(token, room);
        await using var db = NpgsqlDataSource.Create(connectionString);
        Console.WriteLine($"Storing {stored:N0} messages in {room} with generate_series...");
        var insert = Stopwatch.StartNew();
        await using (var command = db.CreateCommand(
            """
            INSERT INTO messages ("Id", "RoomId", "AuthorId", "Content", "SentAt")
            SELECT gen_random_uuid(), r."Id", r."CreatedById", 'history message ' || g, now() - make_interval(secs => $2 - g)
            FROM rooms r, generate_series(1, $2) g
            WHERE r."Name" = $1;
            """))
        {
            command.CommandTimeout = 600;
            command.Parameters.Add(new NpgsqlParameter { Value = room });
            command.Parameters.Add(new NpgsqlParameter { Value = stored });
            await command.ExecuteNonQueryAsync();
        }

        await using (var analyze = db.CreateCommand("ANALYZE messages"))
        {
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"stored in {insert.Elapsed.TotalSeconds:F1} s");
        var befores = new List<string>();
        await using (var command = db.CreateCommand(
            """SELECT m."Id" FROM messages m JOIN rooms r ON r."Id" = m."RoomId" WHERE r."Name" = $1 ORDER BY random() LIMIT 200"""))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = room });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                befores.Add(reader.GetGuid(0).ToString());
            }
        }

        await api.TimeAsync(token, $"/api/rooms/{room}/messages?limit=50", 20);
        var newest = await api.TimeAsync(token, $"/api/rooms/{room}/messages?limit=50", 200);
        var deep = new List<double>();
        foreach (var before in befores)
        {
            deep.AddRange(await api.TimeAsync(token, $"/api/rooms/{room}/messages?limit=50&before={before}", 1));
        }

        deep.Sort();
        Console.WriteLine();
        Console.WriteLine($"## History over {stored:N0} stored messages (limit=50, one client, sequential)");
        Console.WriteLine($"newest page ms: p50 {Percentile(newest, 50):F2}, p99 {Percentile(newest, 99):F2} ({newest.Length} requests)");
        Console.WriteLine($"random 'before' page ms: p50 {Percentile([.. deep], 50):F2}, p99 {Percentile([.. deep], 99):F2} ({deep.Count} requests)");
    }

    private static double Percentile(double[] sorted, int percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
