namespace ChatPlatform.ChatLoad;

/// <summary>One room with <paramref name="Members"/> connections (spread over <paramref name="Instances"/>), <paramref name="Rate"/> messages/s from 10 of them.</summary>
internal sealed record LoadCase(int Members, int Rate, int Instances)
{
    public const int Senders = 10;

    public override string ToString() => $"{Members} : {Rate}" + (Instances > 1 ? $" ({Instances} instances)" : string.Empty);
}
