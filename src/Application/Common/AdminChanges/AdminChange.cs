using ChatPlatform.Application.Auth.Common;
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
/// it the revocations and catalogue changes to publish; the pipeline step publishes them after
/// commit, from <see cref="PublishAsync"/> only.
/// </summary>
internal sealed class AdminChange(
    IApplicationDbContext db,
    ICurrentUser caller,
    SessionRevocation revocation,
    IRevocationPublisher revocations,
    IPermissionCatalogue catalogue,
    ILogger<AdminChange> logger)
{
    private readonly List<Revocation> _revocations = [];
    private readonly List<string> _changes = [];
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
        var roles = await db.Users
            .Where(u => u.Id == caller.Id && !u.IsLocked)
            .SelectMany(u => u.Roles)
            .Select(r => new { r.NormalizedName, Codes = r.Permissions.Select(p => p.Code).ToList() })
            .ToListAsync(cancellationToken);
        _callerIsAdmin = roles.Exists(r => r.NormalizedName == SystemRoles.Admin);
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
        if (user.HasRole(SystemRoles.Admin))
        {
            EnsureCallerIsAdmin("Only an admin can do this to an admin.");
        }
    }

    /// <summary>Ends every session of these users once the change commits.</summary>
    public async Task RevokeSessionsAsync(IReadOnlyCollection<Guid> userIds, string reason, CancellationToken cancellationToken)
    {
        if (userIds.Count > 0)
        {
            _revocations.AddRange(await revocation.StageAllAsync(userIds, reason, cancellationToken));
        }
    }

    /// <summary>The roles or permissions changed: every instance reloads its catalogue after commit.</summary>
    public void CatalogueChanged() => _catalogueChanged = true;

    /// <summary>Notes what changed, for the record written after commit.</summary>
    public void Record(string change) => _changes.Add(change);

    /// <summary>
    /// The one place an admin change leaves the transaction: called after commit, never before,
    /// so no instance acts on a change that could still roll back.
    /// </summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        foreach (var change in _changes)
        {
            logger.LogInformation("Admin change by {ActorId}: {Change}", caller.Id, change);
        }

        if (_catalogueChanged)
        {
            await catalogue.ReloadAsync(cancellationToken);
        }

        foreach (var entry in _revocations)
        {
            await revocations.PublishAsync(entry, cancellationToken);
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
