using System.Collections.Frozen;
using ChatPlatform.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace ChatPlatform.Infrastructure.Identity;

/// <summary>
/// Refuses a password that is one of the 10,000 most common (compared ignoring case), or that
/// contains the username or the email's part before '@' (when 3 characters or more). Runs for
/// every password Identity sets: register, change, reset.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    private const string ResourceName = "ChatPlatform.CommonPasswords.txt";
    private const int MinPersonalLength = 3;

    // Loaded once per process, on first use.
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (Common.Value.Contains(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "This password is one of the most common ones; choose another." });
        }

        if (Contains(password, user.UserName) || Contains(password, LocalPart(user.Email)))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsAccountName", Description = "The password may not contain the username or the email's name." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool Contains(string password, string? part) =>
        part is { Length: >= MinPersonalLength } && password.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static string? LocalPart(string? email)
    {
        var at = email?.IndexOf('@') ?? -1;
        return at > 0 ? email![..at] : null;
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
