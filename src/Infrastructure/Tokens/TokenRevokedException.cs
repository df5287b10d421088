using Microsoft.IdentityModel.Tokens;

namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>A well-formed, unexpired token whose session or id has been revoked.</summary>
public sealed class TokenRevokedException() : SecurityTokenException("The token has been revoked.");
