using Kayako.Harness.Messenger;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking;

/// <summary>What happened when a step was played, and which part of the call log it covers.</summary>
/// <param name="Step">The step.</param>
/// <param name="Outcome">How it went.</param>
/// <param name="Error">Why it failed, for <see cref="StepOutcome.Failed"/>.</param>
/// <param name="LogStart">The call log length when the step started: entries with a lower sequence came before it.</param>
/// <param name="LogEnd">The call log length when the step (and what it set off) settled.</param>
/// <param name="ObservedVisibility">For an expect step on visibility: the state the messenger was in, or <see langword="null"/> when it was not loaded.</param>
/// <param name="Screenshot">A PNG of the page when the step failed, for the HTML report.</param>
public sealed record StepResult(
    SiteStep Step,
    StepOutcome Outcome,
    string? Error,
    long LogStart,
    long LogEnd,
    MessengerVisibility? ObservedVisibility = null,
    ReadOnlyMemory<byte>? Screenshot = null)
{
    /// <summary>
    /// Where the screenshot was kept (<c>report.dir/screenshots/</c>, relative to the working folder when under it), as the
    /// JSON report records it; <see langword="null"/> when none was kept. A report read back from JSON has this and no
    /// <see cref="Screenshot"/>: the HTML report reads the file.
    /// </summary>
    public string? ScreenshotPath { get; init; }
}
