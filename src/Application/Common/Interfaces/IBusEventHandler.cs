using ChatPlatform.Application.Common.Events;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>Applies bus events on this instance, in the order the database committed them.</summary>
public interface IBusEventHandler
{
    Task HandleAsync(BusEvent busEvent, CancellationToken cancellationToken);

    /// <summary>
    /// The bus was disconnected since <paramref name="since"/> and is listening again: events of
    /// that time may have been missed, so read the state they carried back from the tables.
    /// Runs before any event that arrives after the reconnect.
    /// </summary>
    Task CatchUpAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
