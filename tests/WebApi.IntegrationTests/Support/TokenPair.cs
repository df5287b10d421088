using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

public sealed record TokenPair(string AccessToken, string RefreshToken, JsonElement Body);
