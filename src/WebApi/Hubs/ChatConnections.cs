using System.Collections.Concurrent;
using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>This instance's live hub connections, so they can be closed when their tokens expire or are revoked.</summary>
internal sealed class ChatConnections(ILogger<ChatConnections> logger)
{
    private readonly ConcurrentDictionary<string, ChatConnection> _connections = new(StringComparer.Ordinal);

    public void Add(ChatConnection connection) => _connections[connection.Context.ConnectionId] = connection;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Closes the connections whose session or access token the revocation covers.</summary>
    public void Close(Revocation revocation)
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.UserId == revocation.UserId
                && (revocation.SessionIds.Contains(connection.SessionId) || connection.TokenId == revocation.TokenId))
            {
                Abort(connection, "revoked");
            }
        }
    }

    /// <summary>Closes the connections matching <paramref name="isDead"/>; a safety net for revocations and expiry.</summary>
    public void CloseWhere(Func<ChatConnection, bool> isDead)
    {
        foreach (var connection in _connections.Values)
        {
            if (isDead(connection))
            {
                Abort(connection, "expired or revoked");
            }
        }
    }

    private void Abort(ChatConnection connection, string reason)
    {
        if (_connections.TryRemove(connection.Context.ConnectionId, out _))
        {
            logger.LogInformation(
                "Closing hub connection {ConnectionId} of user {UserId}: token {Reason}",
                connection.Context.ConnectionId, connection.UserId, reason);
            connection.Context.Abort();
        }
    }
}
