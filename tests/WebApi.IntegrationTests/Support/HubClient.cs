using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// A minimal SignalR client over a plain WebSocket speaking the JSON hub protocol, so tests see
/// exactly what goes over the wire: invocations with results or errors, and server events in order.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private const char RecordSeparator = '\u001e';

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<HubEvent> _events = [];
    private readonly SemaphoreSlim _eventArrived = new(0);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _buffer = new();
    private int _nextInvocationId;
    private int _disposed;
    private Task _receiving = Task.CompletedTask;

    private HubClient(ClientWebSocket socket) => _socket = socket;

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

    public static async Task<HubClient> ConnectAsync(Uri server, string accessToken, string? origin = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        var uri = new UriBuilder(server) { Scheme = "ws", Path = "/hubs/chat", Query = "access_token=" + Uri.EscapeDataString(accessToken) }.Uri;
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await socket.ConnectAsync(uri, timeout.Token);

        var client = new HubClient(socket);
        await client.SendRawAsync("{\"protocol\":\"json\",\"version\":1}");
        var handshake = await client.ReadRecordsAsync(timeout.Token);
        if (handshake.Count == 0)
        {
            throw new InvalidOperationException("The server closed the connection during the handshake.");
        }

        if (JsonDocument.Parse(handshake[0]).RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"Handshake failed: {error}");
        }

        client._receiving = client.ReceiveLoopAsync();
        return client;
    }

    /// <summary>Calls a hub method; throws <see cref="HubInvocationException"/> with the server's error message on failure.</summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var message = new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = method,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments),
        };
        await SendRawAsync(message.ToJsonString());
        return await completion.Task.WaitAsync(DefaultTimeout);
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

        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server may already be gone; nothing is left to release but the socket.
            }
        }

        await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task SendRawAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var records = await ReadRecordsAsync(_stop.Token);
                if (records.Count == 0)
                {
                    break;
                }

                foreach (var record in records)
                {
                    Dispatch(JsonDocument.Parse(record).RootElement.Clone());
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // An aborted connection ends the loop the same way as a close.
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new HubInvocationException("connection closed"));
            }

            _closed.TrySetResult();
        }
    }

    private void Dispatch(JsonElement message)
    {
        switch (message.GetProperty("type").GetInt32())
        {
            case 1:
                lock (_events)
                {
                    var arguments = message.GetProperty("arguments");
                    _events.Add(new HubEvent(message.GetProperty("target").GetString()!, arguments.GetArrayLength() > 0 ? arguments[0] : default));
                }

                _eventArrived.Release();
                break;
            case 3 when _pending.TryRemove(message.GetProperty("invocationId").GetString()!, out var completion):
                if (message.TryGetProperty("error", out var error))
                {
                    completion.TrySetException(new HubInvocationException(error.GetString()!));
                }
                else
                {
                    completion.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
                }

                break;
            case 7:
                _stop.Cancel();
                break;
        }
    }

    /// <summary>Reads frames until at least one whole record has arrived; an empty list means the socket closed.</summary>
    private async Task<List<string>> ReadRecordsAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var text = _buffer.ToString();
            var end = text.LastIndexOf(RecordSeparator);
            if (end >= 0)
            {
                _buffer.Clear().Append(text, end + 1, text.Length - end - 1);
                return text[..end].Split(RecordSeparator).ToList();
            }

            var result = await _socket.ReceiveAsync(chunk, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return [];
            }

            // Decode whole frames only, so a character split across reads stays intact.
            frame.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                _buffer.Append(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length));
                frame.SetLength(0);
            }
        }
    }
}
