namespace ChatPlatform.WebApi.Controllers;

/// <summary>The body of <c>PUT /api/users/{id}/roles</c>; the user comes from the route only.</summary>
public sealed record SetUserRolesRequest(IReadOnlyList<string> Roles);
