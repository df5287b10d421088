namespace ChatPlatform.WebApi.Controllers;

/// <summary>The body of <c>PUT /api/roles/{name}</c>; the role comes from the route only.</summary>
public sealed record UpdateRoleRequest(string? Description, IReadOnlyList<string> Permissions);
