using System.Threading.Channels;

namespace ChatPlatform.Infrastructure.Chat;

/// <summary>
/// One room's waiting messages and the single writer that stores them in batches. It ends
/// itself after a quiet minute, so only active rooms cost memory.
/// </summary>
internal sealed class RoomQueue
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(1);

    private readonly Channel<PendingMessage> _waiting;
    private readonly Lock _gate = new();
    private bool _closed;

    public RoomQueue(int capacity) =>
        _waiting = Channel.CreateBounded<PendingMessage>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue has ended (ask for a new one); throws when it is full.</summary>
    public bool TryAdd(PendingMessage message, Func<Exception> full)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            return _waiting.Writer.TryWrite(message) ? true : throw full();
        }
    }

    /// <summary>Hands out batches of up to <paramref name="maxBatch"/> messages in arrival order until the queue has been idle for a while.</summary>
    public async Task RunAsync(int maxBatch, Func<IReadOnlyList<PendingMessage>, Task> store, CancellationToken stoppingToken)
    {
        var batch = new List<PendingMessage>(maxBatch);
        while (true)
        {
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                idle.CancelAfter(IdleLifetime);
                try
                {
                    await _waiting.Reader.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested && TryClose())
                {
                    return;
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    continue;
                }
            }

            batch.Clear();
            while (batch.Count < maxBatch && _waiting.Reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            await store(batch);
        }
    }

    private bool TryClose()
    {
        lock (_gate)
        {
            _closed = _waiting.Reader.Count == 0;
            return _closed;
        }
    }
}
