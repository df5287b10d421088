using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatPlatform.Application.Common.AdminChanges;

/// <summary>
/// The open change of an <see cref="IAdminChange"/> request. The pipeline step begins it inside
/// the transaction; the handler asks it whether the caller may grant what it touches, and hands
/// it the revocations and catalogue changes, which go on the bus with the commit (so no instance
/// acts on a change that could still roll back), and the audit events and email notices, which
/// commit with it; the pipeline step logs what changed after commit.
/// </summary>
internal sealed class AdminChange(
    IApplicationDbContext db,
    ICurrentUser caller,
    SessionRevocation revocation,
    IEventBus bus,
    IAuditTrail audit,
    IEmailSender email,
    ILogger<AdminChange> logger)
{
    private readonly List<(string Type, Guid? SubjectId, string Details)> _changes = [];
    private AuditParty? _caller;
    private HashSet<string> _callerPermissions = [];
    private bool _callerIsAdmin;
    private bool _catalogueChanged;

    /// <summary>
    /// Takes the one lock of every admin change, then reads the caller's effective permissions
    /// from the tables (not the token), so the check sees what the caller holds now.
    /// </summary>
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        await db.LockRoleCatalogueAsync(cancellationToken);
        var self = await db.Users
            .Where(u => u.Id == caller.Id && !u.IsLocked)
            .Select(u => new
            {
                u.UserName,
                Roles = u.Roles.Select(r => new { r.NormalizedName, Codes = r.Permissions.Select(p => p.Code).ToList() }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        _caller = new AuditParty(caller.Id, self?.UserName ?? caller.UserName);
        var roles = self?.Roles ?? [];
        _callerIsAdmin = roles.Exists(r => Role.GrantsEverythingByKey(r.NormalizedName));
        _callerPermissions = _callerIsAdmin
            ? (await db.Permissions.Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal)
            : roles.SelectMany(r => r.Codes).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Putting these permissions into a role, or taking them out, needs the caller to hold every one.</summary>
    public void EnsureCallerHolds(IEnumerable<string> permissionCodes)
    {
        var missing = permissionCodes.Where(code => !_callerPermissions.Contains(code)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ForbiddenException($"You cannot grant or take away permissions you do not hold: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>Giving or taking these roles needs all their permissions; <c>admin</c> needs the caller to be an admin.</summary>
    public void EnsureCallerMayAssign(IEnumerable<Role> roles)
    {
        foreach (var role in roles)
        {
            if (role.GrantsEverything)
            {
                EnsureCallerIsAdmin("Only an admin can give or take the admin role.");
            }

            EnsureCallerHolds(role.Permissions.Select(p => p.Code));
        }
    }

    /// <summary>The system roles (<c>admin</c>, and <c>user</c>, which every account holds) change only by an admin.</summary>
    public void EnsureCallerMayEdit(Role role)
    {
        if (role.IsSystem)
        {
            EnsureCallerIsAdmin($"Only an admin can change the '{role.Name}' role.");
        }
    }

    /// <summary>Locking, unlocking or otherwise acting on an admin needs the caller to be an admin.</summary>
    public void EnsureCallerMayManage(User user)
    {
        if (user.Roles.Any(r => r.GrantsEverything))
        {
            EnsureCallerIsAdmin("Only an admin can do this to an admin.");
        }
    }

    /// <summary>Ends every session of these users when the change commits.</summary>
    public async Task RevokeSessionsAsync(IReadOnlyCollection<Guid> userIds, string reason, CancellationToken cancellationToken)
    {
        if (userIds.Count > 0)
        {
            await revocation.RevokeAllAsync(userIds, reason, cancellationToken);
        }
    }

    /// <summary>The roles or permissions changed: every instance reloads its catalogue when the change commits.</summary>
    public void CatalogueChanged()
    {
        if (!_catalogueChanged)
        {
            _catalogueChanged = true;
            bus.Enqueue(new PermissionsChanged());
        }
    }

    /// <summary>Records what changed: an audit event by the caller, committed with the change, and a log line after.</summary>
    public void Record(string auditEventType, AuditParty? subject, IReadOnlyDictionary<string, string>? details = null)
    {
        audit.Add(auditEventType, _caller, subject, details);
        _changes.Add((auditEventType, subject?.Id, string.Join(", ", (details ?? new Dictionary<string, string>()).Select(d => $"{d.Key}={d.Value}"))));
    }

    /// <summary>Emails a notice through the outbox: stored with the change, so no one is told of a change that rolled back.</summary>
    public void Notify(EmailMessage notice) => email.Enqueue(notice);

    /// <summary>Logs what changed, once it has committed.</summary>
    public void LogCommitted()
    {
        foreach (var (type, subjectId, details) in _changes)
        {
            logger.LogInformation("Admin change by {ActorId}: {Change} of {SubjectId} ({Details})", caller.Id, type, subjectId, details);
        }
    }

    private void EnsureCallerIsAdmin(string message)
    {
        if (!_callerIsAdmin)
        {
            throw new ForbiddenException(message);
        }
    }
}
