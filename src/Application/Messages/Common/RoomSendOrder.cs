namespace ChatPlatform.Application.Messages.Common;

/// <summary>
/// Serialises store-then-broadcast per room within this instance, so that clients receive a
/// room's messages in the order they were stored. Rooms share a fixed set of locks by hash,
/// which bounds memory however many rooms exist.
/// </summary>
internal sealed class RoomSendOrder : IDisposable
{
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> EnterAsync(Guid roomId, CancellationToken cancellationToken)
    {
        var gate = _locks[(roomId.GetHashCode() & int.MaxValue) % _locks.Length];
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _locks)
        {
            gate.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
