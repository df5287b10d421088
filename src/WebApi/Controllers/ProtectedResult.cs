namespace ChatPlatform.WebApi.Controllers;

public sealed record ProtectedResult(string Message, string Username);
