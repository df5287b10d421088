namespace ChatPlatform.WebApi.Controllers;

/// <summary>The body of <c>POST /api/rooms/{name}/messages</c>; the room comes from the route, the author from the token.</summary>
public sealed record PostMessageRequest(string Content);
