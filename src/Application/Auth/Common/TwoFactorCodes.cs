using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>
/// Issues emailed 6-digit codes and redeems them once. Codes and challenge tokens are stored
/// only as hashes; expiry is judged by the injected clock.
/// </summary>
internal sealed class TwoFactorCodes(IApplicationDbContext db, IEmailSender email, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Stores a new code with its email (one save); for a login, returns the challenge token the client must present with it.</summary>
    public async Task<string?> SendAsync(User user, TwoFactorPurpose purpose, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var challenge = purpose == TwoFactorPurpose.Login ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : null;
        db.TwoFactorCodes.Add(TwoFactorCode.Issue(
            id, user.Id, purpose, HashCode(id, code), challenge is null ? null : Hash(challenge), clock.GetUtcNow(), Lifetime));
        email.Enqueue(
            new EmailMessage(
                user.Email,
                "Your two-factor code",
                $"Your ChatPlatform two-factor code expires in {Lifetime.TotalMinutes:0} minutes.\r\n\r\n" +
                $"Code: {code}\r\n\r\n" +
                "If you did not ask for it, someone may know your password: change it."));
        await db.SaveChangesAsync(cancellationToken);
        return challenge;
    }

    /// <summary>The unspent, unexpired login code bound to the challenge token, or null.</summary>
    public async Task<TwoFactorCode?> FindLoginChallengeAsync(string challengeToken, CancellationToken cancellationToken)
    {
        var hash = Hash(challengeToken);
        var entry = await db.TwoFactorCodes.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ChallengeHash == hash && c.Purpose == TwoFactorPurpose.Login, cancellationToken);
        return entry is not null && entry.IsUsable(clock.GetUtcNow()) ? entry : null;
    }

    /// <summary>The user's newest unspent, unexpired code of the purpose (even one out of attempts, which stays dead until a new one is sent), or null.</summary>
    public async Task<TwoFactorCode?> FindLatestAsync(Guid userId, TwoFactorPurpose purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.TwoFactorCodes.AsNoTracking()
            .Where(c => c.UserId == userId && c.Purpose == purpose && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Spends the code when <paramref name="code"/> is its code. Every try, right or wrong, first
    /// takes one of the code's <see cref="TwoFactorCode.MaxAttempts"/> in one atomic update, so
    /// concurrent guesses cannot exceed the cap; after it, even the right code is refused. False
    /// when the code is wrong, dead, or spent first by a concurrent request.
    /// </summary>
    public async Task<RedeemResult> RedeemAsync(TwoFactorCode entry, string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tried = await db.TwoFactorCodes
            .Where(c => c.Id == entry.Id && c.UsedAt == null && c.ExpiresAt > now && c.Attempts < TwoFactorCode.MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        if (tried == 0)
        {
            return RedeemResult.Dead;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry.CodeHash), Encoding.ASCII.GetBytes(HashCode(entry.Id, code))))
        {
            return RedeemResult.WrongCode;
        }

        var spent = await db.TwoFactorCodes
            .Where(c => c.Id == entry.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        return spent == 1 ? RedeemResult.Redeemed : RedeemResult.Dead;
    }

    // Salting with the code's id stops one precomputed table from covering every stored code.
    private static string HashCode(Guid id, string code) => Hash($"{id:N}:{code.Trim()}");

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
