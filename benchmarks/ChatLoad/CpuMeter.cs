using System.Globalization;

namespace ChatPlatform.ChatLoad;

/// <summary>
/// CPU time used by some processes of this machine (Linux <c>/proc</c>), with their children when
/// asked (PostgreSQL's backends): under a shared machine's noise, what a server spends per message
/// compares more steadily than its latency.
/// </summary>
internal sealed record CpuMeter(IReadOnlyList<int> Pids, bool WithChildren)
{
    private const double TicksPerSecond = 100;

    public static CpuMeter None { get; } = new([], false);

    /// <summary>Seconds used so far (a process that is gone counts nothing).</summary>
    public double Seconds()
    {
        if (Pids.Count == 0)
        {
            return 0;
        }

        long ticks = 0;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Stat(Path.GetFileName(d))).OfType<string[]>())
        {
            var pid = int.Parse(stat[0], CultureInfo.InvariantCulture);
            var parent = int.Parse(stat[3], CultureInfo.InvariantCulture);
            if (Pids.Contains(pid) || (WithChildren && Pids.Contains(parent)))
            {
                // utime, stime, cutime, cstime
                ticks += stat[13..17].Sum(field => long.Parse(field, CultureInfo.InvariantCulture));
            }
        }

        return ticks / TicksPerSecond;
    }

    private static string[]? Stat(string pid)
    {
        if (!int.TryParse(pid, out _))
        {
            return null;
        }

        try
        {
            // The command name (field 2) may hold spaces; it ends at the last ')'.
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var end = text.LastIndexOf(')');
            return [pid, "comm", .. text[(end + 2)..].Split(' ')];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
