using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Common.Models;

/// <summary>A user as an audit event names them: the id (which <c>userId</c> filters on) and the username at the time.</summary>
public sealed record AuditParty(Guid Id, string UserName)
{
    public static AuditParty Of(User user) => new(user.Id, user.UserName);

    public static AuditParty Of(ICurrentUser caller) => new(caller.Id, caller.UserName);
}
