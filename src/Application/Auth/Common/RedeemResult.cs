namespace ChatPlatform.Application.Auth.Common;

/// <summary>What presenting a two-factor code did.</summary>
public enum RedeemResult
{
    Redeemed,
    WrongCode,

    /// <summary>Expired, spent, or out of attempts: nothing was compared.</summary>
    Dead,
}
