using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>Credential operations backed by ASP.NET Core Identity (hashing, lockout, normalisation).</summary>
public interface IIdentityService
{
    /// <summary>Creates the user with the password; throws a validation or conflict exception when refused.</summary>
    Task CreateAsync(User user, string password, CancellationToken cancellationToken);

    Task<User?> FindByUserNameOrEmailAsync(string userNameOrEmail, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a password, counting failures towards lockout. An unknown user (null) costs the
    /// same work as a known one and answers <see cref="PasswordCheckResult.WrongPassword"/>.
    /// </summary>
    Task<PasswordCheck> CheckPasswordAsync(User? user, string password, CancellationToken cancellationToken);
}
