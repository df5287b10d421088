using ChatPlatform.Application.Common.Models;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>Identifies hub users by the token's <c>sub</c> (the user id), not by a name that can change.</summary>
internal sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirst(AccessTokenClaims.Subject)?.Value;
}
