using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>
/// Issues and redeems the emailed codes that reset a password or confirm an email address:
/// 256 random bits, URL-safe, stored only as a hash, single use, with a lifetime judged by the
/// injected clock, bound to the user, the purpose and the address. Only the user's newest code of
/// a purpose counts, and it dies after <see cref="AccountCode.MaxAttempts"/> tries.
/// </summary>
internal sealed class AccountCodes(IApplicationDbContext db, IEmailSender email, IOptions<AccountSettings> settings, TimeProvider clock)
{
    /// <summary>Adds a new code and its email to the unit of work: both are stored, or neither, by the caller's next save.</summary>
    public void Issue(User user, AccountCodePurpose purpose, string address)
    {
        var now = clock.GetUtcNow();
        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var lifetime = purpose == AccountCodePurpose.PasswordReset
            ? settings.Value.PasswordResetLifetime
            : settings.Value.EmailConfirmationLifetime;
        db.AccountCodes.Add(AccountCode.Issue(Guid.CreateVersion7(now), user.Id, purpose, Hash(code), address, now, lifetime));
        email.Enqueue(purpose == AccountCodePurpose.PasswordReset
            ? AccountEmails.PasswordResetCode(user, code, lifetime)
            : AccountEmails.EmailConfirmationCode(user, address, code, lifetime));
    }

    /// <summary>
    /// Spends the user's newest code of the purpose when <paramref name="code"/> is it and it was
    /// sent to <paramref name="address"/>. Every try first takes one of the code's attempts in one
    /// atomic update, so concurrent guesses cannot pass the cap. False when wrong, dead, or spent
    /// first by a concurrent request.
    /// </summary>
    public async Task<bool> RedeemAsync(Guid userId, AccountCodePurpose purpose, string address, string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var newest = await db.AccountCodes.AsNoTracking()
            .Where(c => c.UserId == userId && c.Purpose == purpose)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (newest is null || !string.Equals(newest.Email, address, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var tried = await db.AccountCodes
            .Where(c => c.Id == newest.Id && c.UsedAt == null && c.ExpiresAt > now && c.Attempts < AccountCode.MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        if (tried == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(newest.CodeHash), Encoding.ASCII.GetBytes(Hash(code))))
        {
            return false;
        }

        var spent = await db.AccountCodes
            .Where(c => c.Id == newest.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        return spent == 1;
    }

    // 256 random bits need no salt: no table of precomputed hashes can cover them.
    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
