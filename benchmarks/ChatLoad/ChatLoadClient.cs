using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChatPlatform.ChatLoad;

/// <summary>
/// One hub connection over a plain WebSocket (SignalR JSON protocol). Messages carry their send
/// time (Stopwatch ticks of this process) so each receipt yields a send-to-delivery latency.
/// </summary>
internal sealed class ChatLoadClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<double> _latenciesMs = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;

    public int Duplicates { get; private set; }

    public IReadOnlyList<double> LatenciesMs
    {
        get
        {
            lock (_latenciesMs)
            {
                return _latenciesMs.ToList();
            }
        }
    }

    public async Task ConnectAndJoinAsync(Uri api, string accessToken, string room)
    {
        var uri = new UriBuilder(api) { Scheme = "ws", Path = "/hubs/chat", Query = "access_token=" + Uri.EscapeDataString(accessToken) }.Uri;
        await _socket.ConnectAsync(uri, CancellationToken.None);
        await SendAsync("{\"protocol\":\"json\",\"version\":1}");
        _receiving = ReceiveAsync();
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "join", target = "JoinRoom", arguments = new[] { room } }));
        await _joined.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends without waiting for the result (a non-blocking invocation), stamped with the current time.</summary>
    public Task SendMessageAsync(string room, int number) =>
        SendAsync(JsonSerializer.Serialize(new
        {
            type = 1,
            target = "SendMessage",
            arguments = new[] { room, $"{Stopwatch.GetTimestamp()}|{number}" },
        }));

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendAsync(string json)
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

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var received = Stopwatch.GetTimestamp();
                pending.Append(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length));
                frame.SetLength(0);
                var text = pending.ToString();
                var end = text.LastIndexOf(RecordSeparator);
                if (end < 0)
                {
                    continue;
                }

                pending.Clear().Append(text, end + 1, text.Length - end - 1);
                foreach (var record in text[..end].Split(RecordSeparator))
                {
                    Handle(record, received);
                }
            }
        }
        catch (WebSocketException)
        {
            // The run is over or the server went away; what was measured stands.
        }
    }

    private void Handle(string record, long received)
    {
        using var json = JsonDocument.Parse(record);
        var root = json.RootElement;
        if (!root.TryGetProperty("type", out var type))
        {
            return;
        }

        if (type.GetInt32() == 3 && root.GetProperty("invocationId").GetString() == "join")
        {
            _joined.TrySetResult();
        }
        else if (type.GetInt32() == 1 && root.GetProperty("target").GetString() == "ReceiveMessage")
        {
            var message = root.GetProperty("arguments")[0];
            var content = message.GetProperty("content").GetString()!;
            var sent = long.Parse(content[..content.IndexOf('|', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            lock (_latenciesMs)
            {
                if (!_seen.Add(message.GetProperty("id").GetString()!))
                {
                    Duplicates++;
                    return;
                }

                _latenciesMs.Add(Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds);
            }
        }
    }
}
