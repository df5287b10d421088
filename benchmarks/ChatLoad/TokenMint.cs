using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatPlatform.ChatLoad;

/// <summary>
/// Access tokens for listening members, signed with the servers' shared key. Both servers take
/// a listener's identity from its token alone, so a thousand listeners need no registrations
/// (which would cost minutes of password hashing); senders are real users of the API.
/// </summary>
internal sealed class TokenMint(string signingKey)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials = new(
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)) { KeyId = "chatplatform-hs256" }, SecurityAlgorithms.HmacSha256);

    public string Mint(string username)
    {
        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = "ChatPlatform",
            Audience = "ChatPlatform",
            IssuedAt = now,
            Expires = now.AddHours(1),
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Guid.NewGuid().ToString(),
                ["name"] = username,
                ["role"] = new[] { "user" },
                ["sid"] = Guid.NewGuid().ToString(),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
        });
    }
}
