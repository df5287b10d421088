using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>A live hub connection and the token facts needed to end it when the token dies.</summary>
internal sealed record ChatConnection(
    HubCallerContext Context, Guid UserId, string UserName, Guid SessionId, string TokenId, DateTimeOffset ExpiresAt);
