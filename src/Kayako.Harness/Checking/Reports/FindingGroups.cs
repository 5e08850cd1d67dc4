using System.Globalization;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Keeps a site's findings readable however often a page repeats itself: the same rule with the same message (and
/// cause) becomes one finding with a <see cref="Finding.Count"/> and the steps of its first occurrences; and past
/// <see cref="MaxPerRule"/> different messages of one rule, the rest become one finding that counts them. Nothing
/// is dropped without being counted.
/// </summary>
internal static class FindingGroups
{
    /// <summary>How many occurrence steps a repeated finding keeps.</summary>
    public const int MaxOccurrences = 5;

    /// <summary>How many different findings of one rule a site lists before counting the rest in one.</summary>
    public const int MaxPerRule = 50;

    /// <summary>The findings grouped, in the order each first occurred.</summary>
    public static IReadOnlyList<Finding> Group(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var groups = new List<Occurrences>();
        var byKey = new Dictionary<(string, Severity, string, string?), Occurrences>();
        foreach (var finding in findings)
        {
            var key = (finding.Rule, finding.Severity, finding.Message, finding.Cause);
            if (!byKey.TryGetValue(key, out var group))
            {
                group = new Occurrences(finding);
                byKey.Add(key, group);
                groups.Add(group);
            }

            group.Add(finding);
        }

        return [.. Capped(groups.Select(group => group.ToFinding()))];
    }

    // Each rule's first MaxPerRule findings as they are, then for each rule with more, one finding counting the rest.
    private static IEnumerable<Finding> Capped(IEnumerable<Finding> grouped)
    {
        var listed = new Dictionary<string, int>(StringComparer.Ordinal);
        var rest = new OrderedDictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var finding in grouped)
        {
            listed[finding.Rule] = listed.GetValueOrDefault(finding.Rule) + 1;
            if (listed[finding.Rule] <= MaxPerRule)
            {
                yield return finding;
            }
            else if (rest.TryGetValue(finding.Rule, out var more))
            {
                more.Add(finding);
            }
            else
            {
                rest.Add(finding.Rule, [finding]);
            }
        }

        foreach (var (rule, more) in rest)
        {
            yield return Remainder(rule, more);
        }
    }

    private static Finding Remainder(string rule, List<Finding> more)
    {
        var first = more[0];
        var count = more.Sum(f => f.Count);
        return new Finding(rule,
            more.Any(f => f.Severity == Severity.Error) ? Severity.Error : Severity.Warning,
            string.Create(CultureInfo.InvariantCulture,
                $"{count} more {rule} finding(s) with {more.Count} other message(s), not listed one by one; the first of them: {first.Message}"),
            first.Cause,
            first.Step)
        {
            Count = count,
            OccurrenceSteps = [.. more.SelectMany(Steps).Distinct().Take(MaxOccurrences)],
        };
    }

    /// <summary>How often and where a repeated finding happened, for people: <c>19871 times, at opening, step 2</c>; <see langword="null"/> for a finding seen once.</summary>
    public static string? Repetition(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Count <= 1)
        {
            return null;
        }

        var steps = finding.OccurrenceSteps.Select(step => step is { } index ? string.Create(CultureInfo.InvariantCulture, $"step {index}") : "opening").ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{finding.Count} times") + (steps.Count == 0 ? "" : $", at {string.Join(", ", steps)}");
    }

    private static IEnumerable<int?> Steps(Finding finding) => finding.Count > 1 ? finding.OccurrenceSteps : [finding.Step];

    private sealed class Occurrences(Finding first)
    {
        private readonly List<int?> steps = [];
        private int count;

        public void Add(Finding finding)
        {
            count += finding.Count;
            foreach (var step in Steps(finding))
            {
                if (steps.Count < MaxOccurrences && !steps.Contains(step))
                {
                    steps.Add(step);
                }
            }
        }

        public Finding ToFinding() => count == 1 ? first : first with { Count = count, OccurrenceSteps = steps };
    }
}
