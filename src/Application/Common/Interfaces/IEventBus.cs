using ChatPlatform.Application.Common.Events;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// Sends events to every API instance, this one included; each applies them through its
/// <see cref="IBusEventHandler"/>s. Implemented with PostgreSQL NOTIFY, so no server beyond the
/// database is needed.
/// </summary>
public interface IEventBus
{
    /// <summary>
    /// Adds the event to the current unit of work: it is sent inside the transaction that commits
    /// the change (the next save, or the open transaction), so it exists only if that commits. The
    /// instance that commits waits, briefly, until it has applied the event itself, so the caller
    /// reads its own change.
    /// </summary>
    void Enqueue(BusEvent busEvent);

    /// <summary>Sends at once an event that stores nothing (presence, typing).</summary>
    Task SendAsync(BusEvent busEvent, CancellationToken cancellationToken);
}
