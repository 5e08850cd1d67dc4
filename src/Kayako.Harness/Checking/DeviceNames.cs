using System.Globalization;

namespace Kayako.Harness.Checking;

/// <summary>The message for a device name Playwright does not know: the value, the closest names it does know, and where to see them all.</summary>
internal static class DeviceNames
{
    /// <summary>How many close names a message suggests.</summary>
    public const int Suggestions = 3;

    public static string Unknown(string name, IEnumerable<string> known)
    {
        var names = known.ToList();
        var closest = Closest(name, names);
        var sameButCase = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        var hint = sameButCase is not null
            ? $"device names are case-sensitive: write \"{sameButCase}\""
            : "the closest are " + string.Join(", ", closest.Select(n => $"\"{n}\""));
        return string.Create(CultureInfo.InvariantCulture,
            $"\"{name}\" is not one of the {names.Count} device names this Playwright knows; {hint}. List them all with: kayako-harness devices");
    }

    /// <summary>The known names nearest to <paramref name="name"/>, ignoring case: fewest edits first, then alphabetical.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> known) =>
        [.. known.OrderBy(n => Distance(name.ToLowerInvariant(), n.ToLowerInvariant())).ThenBy(n => n, StringComparer.Ordinal).Take(Suggestions)];

    // Levenshtein distance: insertions, deletions and substitutions.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
