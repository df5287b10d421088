using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Interfaces;
using MediatR;

namespace ChatPlatform.Application.Common.Behaviours;

/// <summary>
/// The frame of every <see cref="IAdminChange"/>: one transaction under one lock with the caller's
/// permissions read, the handler's rule, and commit, which sends the change's events on the bus.
/// A refusal anywhere rolls back, so nothing changes, nothing is sent and nothing is recorded.
/// </summary>
internal sealed class AdminChangeBehaviour<TRequest, TResponse>(IApplicationDbContext db, AdminChange change)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IAdminChange
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        TResponse response;
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            await change.BeginAsync(cancellationToken);
            response = await next();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        change.LogCommitted();
        return response;
    }
}
