namespace ChatPlatform.Application.Auth.Queries.HasRole;

public sealed record HasRoleResult(string Role, bool HasRole);
