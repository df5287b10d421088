using System.Collections.Frozen;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.Infrastructure.Identity;

/// <summary>
/// An immutable snapshot of role key (<see cref="Role.KeyOf"/>) → permissions, swapped atomically
/// on reload: at start-up, on every <see cref="PermissionsChanged"/> from the bus, and after the
/// bus missed some.
/// </summary>
internal sealed class PermissionCatalogue(IServiceScopeFactory scopes) : IPermissionCatalogue, IBusEventHandler
{
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public bool Grants(IEnumerable<string> roles, string permission)
    {
        var snapshot = _snapshot;
        foreach (var role in roles)
        {
            var key = Role.KeyOf(role);
            if (Role.GrantsEverythingByKey(key) && snapshot.All.Contains(permission))
            {
                return true;
            }

            if (snapshot.ByRole.TryGetValue(key, out var granted) && granted.Contains(permission))
            {
                return true;
            }
        }

        return false;
    }

    public Task HandleAsync(BusEvent busEvent, CancellationToken cancellationToken) =>
        busEvent is PermissionsChanged ? ReloadAsync(cancellationToken) : Task.CompletedTask;

    public Task CatchUpAsync(DateTimeOffset since, CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var roles = await db.Roles.AsNoTracking()
            .Select(r => new { r.NormalizedName, Codes = r.Permissions.Select(p => p.Code).ToList() })
            .ToListAsync(cancellationToken);
        var all = await db.Permissions.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken);

        _snapshot = new Snapshot(
            roles.ToFrozenDictionary(r => r.NormalizedName, r => (IReadOnlySet<string>)r.Codes.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal),
            all.ToFrozenSet(StringComparer.Ordinal));
    }

    private sealed record Snapshot(FrozenDictionary<string, IReadOnlySet<string>> ByRole, FrozenSet<string> All)
    {
        public static readonly Snapshot Empty = new(FrozenDictionary<string, IReadOnlySet<string>>.Empty, FrozenSet<string>.Empty);
    }
}
