namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>The authenticated caller of the current request, read from its access token.</summary>
public interface ICurrentUser
{
    Guid Id { get; }
    string UserName { get; }
    IReadOnlyList<string> Roles { get; }
    Guid SessionId { get; }
    string TokenId { get; }
    DateTimeOffset TokenExpiresAt { get; }
}
