using System.Text.Json.Serialization;

namespace ChatPlatform.Application.Auth.Common;

public sealed record TokenPairDto(
    string TokenType,
    string AccessToken,
    int ExpiresIn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    int RefreshExpiresIn,
    TokenUserDto User);
