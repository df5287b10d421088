namespace ChatPlatform.Application.Common.Models;

/// <summary>One page of a list, in the contract's paged shape.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int TotalPages => (TotalCount + PageSize - 1) / PageSize;
}
