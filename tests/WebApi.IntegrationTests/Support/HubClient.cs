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
    private readonly SemaphoreSlim _eventArrived = new(0);
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
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            lock (_events)
            {
                var found = _events.FirstOrDefault(e => e.Target == target && !e.Taken);
                if (found is not null)
                {
                    found.Taken = true;
                    return found.Argument;
                }
            }

            try
            {
                await _eventArrived.WaitAsync(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No '{target}' event arrived in time.");
            }
        }
    }

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

    private void Record(string target, JsonElement argument)
    {
        lock (_events)
        {
            _events.Add(new HubEvent(target, argument.Clone()));
        }

        _eventArrived.Release();
    }
}
