namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// Which permissions each role grants, held in memory so authorising a request costs no database
/// round trip. Reloaded after every change to roles or permissions.
/// </summary>
public interface IPermissionCatalogue
{
    /// <summary>True when any of the roles grants the permission; <c>admin</c> grants every permission.</summary>
    bool Grants(IEnumerable<string> roles, string permission);

    Task ReloadAsync(CancellationToken cancellationToken);
}
