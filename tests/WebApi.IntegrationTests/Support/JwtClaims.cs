using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>Reads and forges JWTs for attack tests.</summary>
public static class JwtClaims
{
    public static JsonElement Payload(string jwt) => Part(jwt, 1);

    public static JsonElement Header(string jwt) => Part(jwt, 0);

    /// <summary>Signs the given payload with a key and algorithm of the test's choosing.</summary>
    public static string Sign(IDictionary<string, object> claims, string key = ApiFactory.SigningKey, string algorithm = SecurityAlgorithms.HmacSha256, string? type = "at+jwt")
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm);
        var descriptor = new SecurityTokenDescriptor { Claims = claims, SigningCredentials = credentials, TokenType = type };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The claims of a real token, to be altered and re-signed.</summary>
    public static Dictionary<string, object> ClaimsOf(string jwt) =>
        Payload(jwt).EnumerateObject().ToDictionary(p => p.Name, p => (object)(p.Value.ValueKind switch
        {
            JsonValueKind.Number => p.Value.GetInt64(),
            JsonValueKind.Array => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray(),
            _ => p.Value.GetString()!,
        }));

    public static string Encode(object part) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(part));

    private static JsonElement Part(string jwt, int index) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[index])).RootElement.Clone();
}
