namespace ChatPlatform.Application.Auth.Common;

public sealed record TokenUserDto(Guid Id, string Username, IReadOnlyList<string> Roles);
