namespace ChatPlatform.Application.Common.Models;

/// <summary>
/// A committed revocation: sessions whose tokens are dead, and optionally one access token by
/// its id. Entries can be forgotten after <paramref name="Until"/>, when every token they cover
/// has expired anyway.
/// </summary>
public sealed record Revocation(Guid UserId, IReadOnlyList<Guid> SessionIds, string? TokenId, DateTimeOffset Until);
