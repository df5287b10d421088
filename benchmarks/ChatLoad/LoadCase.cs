using System.Globalization;

namespace ChatPlatform.ChatLoad;

/// <summary>One room with <paramref name="Members"/> connections (spread over <paramref name="Instances"/>), <paramref name="Rate"/> messages/s from 10 of them.</summary>
internal sealed record LoadCase(int Members, int Rate, int Instances)
{
    public const int Senders = 10;

    /// <summary>Reads <c>MEMBERS:RATE</c> or <c>MEMBERS:RATExINSTANCES</c>.</summary>
    public static LoadCase Parse(string text)
    {
        var parts = text.Split(':', 'x');
        return new LoadCase(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 1);
    }

    public override string ToString() => $"{Members} : {Rate}" + (Instances > 1 ? $" ({Instances} instances)" : string.Empty);
}
