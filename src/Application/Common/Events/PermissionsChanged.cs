namespace ChatPlatform.Application.Common.Events;

/// <summary>Roles, permissions or what a role grants changed: every instance reloads its permission catalogue.</summary>
public sealed record PermissionsChanged : BusEvent;
