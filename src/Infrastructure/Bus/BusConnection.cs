using Npgsql;

namespace ChatPlatform.Infrastructure.Bus;

/// <summary>Where the bus listener gets its one long-lived, unpooled connection.</summary>
internal sealed class BusConnection(NpgsqlDataSource source) : IAsyncDisposable
{
    public NpgsqlDataSource Source { get; } = source;

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
