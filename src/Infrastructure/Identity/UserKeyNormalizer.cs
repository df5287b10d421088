using ChatPlatform.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace ChatPlatform.Infrastructure.Identity;

/// <summary>Identity's lookup keys are the domain's (<see cref="User.KeyOf"/>), so searches and limits that key by name or address match what is stored.</summary>
internal sealed class UserKeyNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : User.KeyOf(name);

    public string? NormalizeEmail(string? email) => email is null ? null : User.KeyOf(email);
}
