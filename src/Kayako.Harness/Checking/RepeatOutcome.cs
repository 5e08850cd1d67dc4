namespace Kayako.Harness.Checking;

/// <summary>What playing one site several times gave (<see cref="CheckOptions.RepeatEach"/>).</summary>
/// <param name="Runs">How many runs gave the verdict, each in a fresh context.</param>
/// <param name="FailedRuns">The runs (numbered from 1) that found an error, in order; empty when every run passed.</param>
/// <param name="Flaky">
/// Whether the runs disagreed: some found what others did not. Every run finding the same errors is a plain failure,
/// every run clean a pass.
/// </param>
/// <param name="ShownRun">
/// The run whose steps, timeline and failed-step screenshots the site shows: the first failing run, else the first with
/// any finding, else run 1. Its trace, when kept, is of a replay made after the runs, to show that run's failure.
/// </param>
public sealed record RepeatOutcome(int Runs, IReadOnlyList<int> FailedRuns, bool Flaky, int ShownRun)
{
    /// <summary>"in 2 of 6 runs": how a report says in how many runs a finding appeared.</summary>
    /// <param name="finding">A finding of this site.</param>
    /// <returns>The phrase, or <see langword="null"/> when the finding does not carry its run count.</returns>
    public string? InRuns(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Runs is { } runs ? FormattableString.Invariant($"in {runs} of {Runs} runs") : null;
    }

    /// <summary>"flaky: 2 of 6 runs failed" or "6 of 6 runs failed" or "all 6 runs passed": the site's verdict over its runs.</summary>
    /// <returns>The phrase.</returns>
    public string Describe() => (Flaky ? "flaky: " : "") + (FailedRuns.Count == 0
        ? Flaky ? FormattableString.Invariant($"{Runs} runs passed with different warnings") : FormattableString.Invariant($"all {Runs} runs passed")
        : FormattableString.Invariant($"{FailedRuns.Count} of {Runs} runs failed"));
}
