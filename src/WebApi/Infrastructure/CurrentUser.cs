using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>The caller, read from the validated access token's claims.</summary>
internal sealed class CurrentUser(CallerContext caller) : ICurrentUser
{
    public Guid Id => Guid.Parse(Claim(AccessTokenClaims.Subject));
    public string UserName => Claim(AccessTokenClaims.Name);
    public IReadOnlyList<string> Roles => caller.HttpContext?.User.FindAll(AccessTokenClaims.Role).Select(c => c.Value).ToList() ?? [];
    public Guid SessionId => Guid.Parse(Claim(AccessTokenClaims.Session));
    public string TokenId => Claim(AccessTokenClaims.TokenId);
    public DateTimeOffset TokenExpiresAt => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Claim(AccessTokenClaims.Expires), System.Globalization.CultureInfo.InvariantCulture));

    private string Claim(string type) =>
        caller.HttpContext?.User.FindFirst(type)?.Value
        ?? throw new InvalidOperationException($"The request has no authenticated '{type}' claim.");
}
