namespace ChatPlatform.BareJwtApi;

/// <summary>The real API's GET /api/auth/protected body, so both servers serialise the same bytes.</summary>
public sealed record ProtectedResponse(string Message, string Username);
