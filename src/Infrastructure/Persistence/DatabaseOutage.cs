using ChatPlatform.Application.Common.Exceptions;
using Npgsql;

namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>Tells a database that cannot be reached (down, restarting, out of connections, too slow) from a bug.</summary>
internal static class DatabaseOutage
{
    public static bool Is(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && Is(inner),
    };

    public static UnavailableException ToUnavailable(Exception exception) =>
        new("The database cannot be reached; retry shortly.", exception);
}
