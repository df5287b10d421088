namespace ChatPlatform.Application.Common.Models;

/// <summary>Claim names and the token type of the platform's access tokens.</summary>
public static class AccessTokenClaims
{
    /// <summary>RFC 9068's type, so that no other JWT is ever accepted as an access token.</summary>
    public const string TokenType = "at+jwt";

    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Session = "sid";
    public const string TokenId = "jti";
    public const string Expires = "exp";
}
