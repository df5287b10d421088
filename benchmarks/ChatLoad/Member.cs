using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatPlatform.ChatLoad;

/// <summary>
/// One hub connection (the official .NET SignalR client) in the room. A message's content carries
/// its send time (Stopwatch ticks of this process), so every receipt yields a send-to-receipt
/// latency; receipts are checked for duplicates and sequence order.
/// </summary>
internal sealed class Member : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _received = [];
    private readonly List<double> _latenciesMs = [];
    private long _lastSequence;

    private Member(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>("ReceiveMessage", OnMessage);
    }

    public int Duplicates { get; private set; }
    public int OutOfOrder { get; private set; }

    public static async Task<Member> JoinAsync(Uri server, string accessToken, string room)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        var member = new Member(connection);
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("JoinRoom", room);
        return member;
    }

    public Task<JsonElement> SendAsync(string room, string content) => _connection.InvokeAsync<JsonElement>("SendMessage", room, content);

    public bool HasReceived(Guid id)
    {
        lock (_gate)
        {
            return _received.Contains(id);
        }
    }

    public int ReceivedOf(IReadOnlySet<Guid> ids)
    {
        lock (_gate)
        {
            return _received.Count(ids.Contains);
        }
    }

    public double[] LatenciesMs()
    {
        lock (_gate)
        {
            return [.. _latenciesMs];
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public static string Content(int sender, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetTimestamp()} load message {sender}-{n}");

    private void OnMessage(JsonElement message)
    {
        var now = Stopwatch.GetTimestamp();
        var content = message.GetProperty("content").GetString()!;
        var sent = long.Parse(content.AsSpan(0, content.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        var id = message.GetProperty("id").GetGuid();
        var sequence = message.GetProperty("sequence").GetInt64();
        lock (_gate)
        {
            if (!_received.Add(id))
            {
                Duplicates++;
                return;
            }

            if (sequence <= _lastSequence)
            {
                OutOfOrder++;
            }

            _lastSequence = Math.Max(_lastSequence, sequence);
            _latenciesMs.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
        }
    }
}
