using System.Globalization;
using System.Text.RegularExpressions;

namespace Kayako.Harness.Checking;

/// <summary>
/// The runs of one site played <see cref="CheckOptions.RepeatEach"/> times, gathered as they finish (on any worker, in
/// any order) and combined into one result: every finding any run gave, each with the number of runs it appeared in;
/// flaky when the runs disagree. Only the run to show is kept whole (its steps, timeline and failed-step screenshots);
/// of the others, only their findings, so memory and artifacts stay those of one run.
/// </summary>
internal sealed partial class RepeatedRuns(int runs)
{
    // Notes past this many different ones (a note per run that differs in a number, say) are not repeated.
    private const int MaxNotes = 20;

    private readonly Lock gate = new();
    private readonly IReadOnlyList<Finding>?[] findings = new IReadOnlyList<Finding>?[runs];
    private readonly List<string> notes = [];
    private SiteResult? shown;
    private (int Tier, int Run) shownRank = (int.MaxValue, int.MaxValue);
    private int finished;
    private bool messengerMissing;

    /// <summary>The number of runs.</summary>
    public int Runs => runs;

    /// <summary>The rules of the error findings of the run shown, which its traced replay tries to reproduce.</summary>
    public IReadOnlySet<string> ShownErrorRules { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Records run <paramref name="run"/> (from 1), its findings already grouped; <see langword="true"/> when it was the last.</summary>
    public bool Add(int run, SiteResult result)
    {
        lock (gate)
        {
            findings[run - 1] = result.Findings;
            messengerMissing |= result.MessengerMissing;
            foreach (var note in result.Notes.Where(note => !notes.Contains(note, StringComparer.Ordinal)).Take(MaxNotes - notes.Count))
            {
                notes.Add(note);
            }

            // Shown: the first failing run, else the first with any finding, else run 1.
            var rank = (result.Errors > 0 ? 0 : result.Findings.Count > 0 ? 1 : 2, run);
            if (rank.CompareTo(shownRank) < 0)
            {
                shown = result;
                shownRank = rank;
            }

            return ++finished == runs;
        }
    }

    /// <summary>The site's result over every run; call once every run was added.</summary>
    public SiteResult Combine(TimeSpan duration)
    {
        lock (gate)
        {
            var keys = findings.Select(list => list!.Select(Key).ToHashSet()).ToList();
            var flaky = keys.Skip(1).Any(set => !set.SetEquals(keys[0]));
            var failedRuns = Enumerable.Range(1, runs).Where(run => findings[run - 1]!.Any(f => f.Severity == Severity.Error)).ToList();
            var shownRun = shownRank.Run;

            // The shown run's findings in its order, then those only other runs gave, in the order they first appeared.
            // A run's findings are all kept, even two whose messages differ only in numbers ("widget 1 failed", "widget 2
            // failed"): numbers are ignored only to match a finding with earlier runs'.
            var union = new List<Finding>();
            var seen = new HashSet<FindingKey>();
            foreach (var run in findings.Index().OrderBy(run => run.Index != shownRun - 1).Select(run => run.Item!))
            {
                var fresh = run.Where(finding => !seen.Contains(Key(finding))).ToList();
                union.AddRange(fresh.Select(finding => finding with { Runs = keys.Count(set => set.Contains(Key(finding))) }));
                seen.UnionWith(fresh.Select(Key));
            }

            ShownErrorRules = findings[shownRun - 1]!.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
            var repeat = new RepeatOutcome(runs, failedRuns, flaky, shownRun);
            // A run that saw the token makes every screenshot suspect: the page may show it in the others too.
            var exposed = union.Any(f => f.Rule == RuleIds.TokenExposed);
            var steps = exposed ? [.. shown!.Steps.Select(step => step with { Screenshot = null })] : shown!.Steps;
            return shown with
            {
                Findings = union,
                Steps = steps,
                // A clean site needs no word on its runs: the console line and every report's verdict say "all N runs passed".
                Notes = union.Count == 0 ? notes : [Summary(repeat), .. notes],
                TracePath = null,
                Duration = duration,
                Repeat = repeat,
                MessengerMissing = messengerMissing,
            };
        }
    }

    // What the reports say of the runs, before the site's other notes.
    private static string Summary(RepeatOutcome repeat)
    {
        var failed = repeat.FailedRuns.Count == 0
            ? "none failed"
            : string.Create(CultureInfo.InvariantCulture, $"{repeat.FailedRuns.Count} failed (run{(repeat.FailedRuns.Count == 1 ? "" : "s")} {string.Join(", ", repeat.FailedRuns)})");
        var verdict = repeat.Flaky
            ? "The runs disagree: flaky, a race between the page's scripts (or a server that answers differently) decides the outcome. "
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Played {repeat.Runs} times, each in a fresh context: {failed}. {verdict}Each finding says in how many runs it appeared; the steps, timeline and screenshots are run {repeat.ShownRun}'s.");
    }

    // Two runs gave the same finding when rule, severity, cause, step and message agree, numbers in the message aside
    // (a timestamp's age, a duration): those differ from run to run without the page behaving differently.
    private static FindingKey Key(Finding finding) =>
        new(finding.Rule, finding.Severity, finding.Cause, finding.Step, Digits().Replace(finding.Message, "#"));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private readonly record struct FindingKey(string Rule, Severity Severity, string? Cause, int? Step, string Message);
}
