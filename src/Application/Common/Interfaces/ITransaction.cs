namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>A database transaction a use case opened; disposing it without a commit rolls it back.</summary>
public interface ITransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}
