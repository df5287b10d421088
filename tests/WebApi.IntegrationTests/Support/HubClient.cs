using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// The official .NET SignalR client over WebSockets, with what tests need around it: every
/// server event kept in arrival order, invocation errors as <see cref="HubInvocationException"/>,
/// and <see cref="Closed"/> for a connection the server ended.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    // The server-to-client events of the contract (API.md, "Realtime").
    private static readonly string[] EventNames =
        ["ReceiveMessage", "MessageDeleted", "UserJoined", "UserLeft", "UserTyping", "RoomDeleted", "RoomCreated"];

    private readonly HubConnection _connection;
    private readonly List<HubEvent> _events = [];
    private readonly ArrivalSignal _eventArrived = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private HubClient(HubConnection connection)
    {
        _connection = connection;
        foreach (var name in EventNames)
        {
            connection.On(name, [typeof(JsonElement)], arguments =>
            {
                Record(name, (JsonElement)arguments[0]!);
                return Task.CompletedTask;
            });
        }

        connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <summary>Completes when the server has closed the connection.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Every event received so far, in arrival order.</summary>
    public IReadOnlyList<HubEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    /// <summary>
    /// Connects straight over WebSockets (no negotiate round trip), so a refused upgrade surfaces as the
    /// <see cref="System.Net.WebSockets.WebSocketException"/> that names the status code.
    /// </summary>
    public static async Task<HubClient> ConnectAsync(Uri server, string accessToken, string? origin = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/chat"), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                if (origin is not null)
                {
                    options.Headers["Origin"] = origin;
                }
            })
            .Build();
        var client = new HubClient(connection);
        try
        {
            using var timeout = new CancellationTokenSource(DefaultTimeout);
            await connection.StartAsync(timeout.Token);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return client;
    }

    /// <summary>Calls a hub method; throws <see cref="HubInvocationException"/> with the server's error message on failure.</summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        try
        {
            return await _connection.InvokeCoreAsync<JsonElement>(method, arguments).WaitAsync(DefaultTimeout);
        }
        catch (HubException e)
        {
            throw new HubInvocationException(e.Message);
        }
        catch (Exception e) when (_connection.State != HubConnectionState.Connected && e is not TimeoutException)
        {
            throw new HubInvocationException("connection closed");
        }
    }

    /// <summary>Waits for the next not yet taken event named <paramref name="target"/> and returns its first argument.</summary>
    public async Task<JsonElement> WaitForEventAsync(string target, TimeSpan? timeout = null)
    {
        HubEvent? found = null;
        await _eventArrived.WaitUntilAsync(() => (found = TakeNext(target)) is not null, timeout ?? DefaultTimeout, $"a '{target}' event");
        return found!.Argument;
    }

    /// <summary>
    /// Waits until the events named <paramref name="target"/> received so far satisfy <paramref name="enough"/>
    /// (checked on every arrival) and returns them all, taken or not.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForEventsAsync(
        string target, Func<IReadOnlyList<JsonElement>, bool> enough, string what, TimeSpan? timeout = null)
    {
        IReadOnlyList<JsonElement> received = [];
        await _eventArrived.WaitUntilAsync(() => enough(received = EventsNamed(target)), timeout ?? DefaultTimeout, what);
        return received;
    }

    /// <summary>Waits until at least <paramref name="count"/> events named <paramref name="target"/> have arrived; returns them all.</summary>
    public Task<IReadOnlyList<JsonElement>> WaitForEventsAsync(string target, int count, TimeSpan? timeout = null) =>
        WaitForEventsAsync(target, events => events.Count >= count, $"{count} '{target}' events", timeout);

    public IReadOnlyList<JsonElement> EventsNamed(string target) =>
        Events.Where(e => e.Target == target).Select(e => e.Argument).ToList();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _connection.DisposeAsync();
    }

    private HubEvent? TakeNext(string target)
    {
        lock (_events)
        {
            var found = _events.FirstOrDefault(e => e.Target == target && !e.Taken);
            if (found is not null)
            {
                found.Taken = true;
            }

            return found;
        }
    }

    private void Record(string target, JsonElement argument)
    {
        lock (_events)
        {
            _events.Add(new HubEvent(target, argument.Clone()));
        }

        _eventArrived.Raise();
    }
}
