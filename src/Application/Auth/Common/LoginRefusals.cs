using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>Refuses logins on the record: each refusal of the password and two-factor steps is a <c>login_failed</c> event.</summary>
internal sealed class LoginRefusals(IApplicationDbContext db, IAuditTrail audit)
{
    /// <summary>
    /// Records a refused login. Its failed attempt, if any, has been counted already: that count
    /// must stand whatever happens to the record, so the event is saved after it.
    /// </summary>
    public async Task RecordAsync(User? user, string reason, CancellationToken cancellationToken)
    {
        audit.Add(
            AuditEventTypes.LoginFailed,
            null,
            user is null ? null : AuditParty.Of(user),
            new Dictionary<string, string> { ["reason"] = reason });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Only asked after a correct password, so the answer does not reveal which accounts are locked.</summary>
    public async Task EnsureNotLockedByAdminAsync(User user, CancellationToken cancellationToken)
    {
        if (user.IsLocked)
        {
            await RecordAsync(user, LoginFailures.LockedByAdmin, cancellationToken);
            throw new ForbiddenException("This account has been locked by an administrator.", ErrorCodes.AccountLocked);
        }
    }
}
