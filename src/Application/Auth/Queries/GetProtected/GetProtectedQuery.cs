using ChatPlatform.Application.Common.Interfaces;
using MediatR;

namespace ChatPlatform.Application.Auth.Queries.GetProtected;

/// <summary>Proves the caller is authenticated; answered from the token alone, without the database.</summary>
public sealed record GetProtectedQuery : IRequest<ProtectedResult>;

internal sealed class GetProtectedQueryHandler(ICurrentUser caller) : IRequestHandler<GetProtectedQuery, ProtectedResult>
{
    public Task<ProtectedResult> Handle(GetProtectedQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new ProtectedResult("You are authenticated.", caller.UserName));
}
