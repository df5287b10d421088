namespace ChatPlatform.Application.Auth.Queries.GetProtected;

public sealed record ProtectedResult(string Message, string Username);
