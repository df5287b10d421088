using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatPlatform.Infrastructure.Chat;

/// <summary>
/// Keeps this instance's presence alive, and lets the users of instances that stopped answering
/// leave their rooms: whichever instance sweeps first removes their rows and tells the rooms.
/// </summary>
internal sealed class PresenceHeartbeat(
    NpgsqlDataSource database,
    ApiInstance instance,
    IServiceScopeFactory scopes,
    IOptions<PresenceSettings> settings,
    ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    private const string Beat = """
        INSERT INTO api_instances ("Id", "SeenAt") VALUES ($1, now())
        ON CONFLICT ("Id") DO UPDATE SET "SeenAt" = now()
        """;

    private const string Sweep = """
        WITH dead AS (
            DELETE FROM room_presence p USING api_instances i
            WHERE p."InstanceId" = i."Id" AND i."SeenAt" < now() - $1::interval
            RETURNING p."RoomId", p."UserName")
        SELECT DISTINCT r."Name", d."UserName"
        FROM dead d JOIN rooms r ON r."Id" = d."RoomId"
        WHERE NOT EXISTS (
            SELECT 1 FROM room_presence p
            WHERE p."RoomId" = d."RoomId" AND p."UserName" = d."UserName"
              AND NOT EXISTS (SELECT 1 FROM api_instances i WHERE i."Id" = p."InstanceId" AND i."SeenAt" < now() - $1::interval))
        """;

    private const string Forget = """DELETE FROM api_instances WHERE "SeenAt" < now() - interval '1 day'""";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.Heartbeat);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception e) when (DatabaseOutage.Is(e))
            {
                logger.LogWarning("Presence heartbeat skipped while the database is unreachable: {Reason}", e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Presence heartbeat failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        await using (var beat = database.CreateCommand(Beat))
        {
            beat.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = instance.Id });
            await beat.ExecuteNonQueryAsync(cancellationToken);
        }

        var departures = new List<UserLeftRoom>();
        await using (var sweep = database.CreateCommand(Sweep))
        {
            sweep.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = settings.Value.Timeout });
            await using var reader = await sweep.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                departures.Add(new UserLeftRoom(reader.GetString(0), reader.GetString(1)));
            }
        }

        if (departures.Count > 0)
        {
            logger.LogInformation("{Count} user(s) of unresponsive instances left their rooms", departures.Count);
            await using var scope = scopes.CreateAsyncScope();
            var bus = scope.ServiceProvider.GetRequiredService<IEventBus>();
            foreach (var departure in departures)
            {
                await bus.SendAsync(departure, cancellationToken);
            }
        }

        await using var forget = database.CreateCommand(Forget);
        await forget.ExecuteNonQueryAsync(cancellationToken);
    }
}
