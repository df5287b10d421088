using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// Tells every running instance of the API about a revocation that has been committed to the
/// database, so that their <see cref="IRevocationList"/> and hub connections follow at once.
/// </summary>
public interface IRevocationPublisher
{
    Task PublishAsync(Revocation revocation, CancellationToken cancellationToken);
}
