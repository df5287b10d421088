namespace ChatPlatform.WebApi.Endpoints;

public sealed record ProtectedResult(string Message, string Username);
