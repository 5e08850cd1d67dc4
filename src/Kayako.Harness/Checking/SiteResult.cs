namespace Kayako.Harness.Checking;

/// <summary>The outcome of checking one site. Every string in it is free of the messenger token.</summary>
/// <param name="Name">The site's name from the configuration.</param>
/// <param name="Url">The URL it opened.</param>
/// <param name="Findings">What was wrong, in rule order; empty for a clean site.</param>
/// <param name="Steps">The steps as played (screenshots of failed ones included).</param>
/// <param name="Timeline">Every messenger call, event, request, error and navigation, in order.</param>
/// <param name="TracePath">The Playwright trace kept for a failing site, or <see langword="null"/>.</param>
/// <param name="Notes">Things the reader should know that are not findings (a trace not kept, say).</param>
/// <param name="Duration">How long the site took.</param>
public sealed record SiteResult(
    string Name,
    Uri Url,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<TimelineEntry> Timeline,
    string? TracePath,
    IReadOnlyList<string> Notes,
    TimeSpan Duration)
{
    /// <summary>
    /// The site's position among the configuration's sites (0 for the first), whatever share of them the run checked:
    /// <c>merge</c> puts the sites of every shard back in configuration order by it.
    /// </summary>
    public int Index { get; init; }

    private readonly int? timelineCount;

    /// <summary>
    /// How many entries the timeline had: <see cref="Timeline"/>'s count, unless the result was read back from a JSON
    /// report, which keeps only the first <see cref="Reports.HtmlReportWriter.MaxTimelineEntries"/> entries the HTML report shows.
    /// </summary>
    public int TimelineCount
    {
        get => timelineCount ?? Timeline.Count;
        init => timelineCount = value;
    }

    /// <summary>
    /// Whether the messenger did not load on this site while <see cref="CheckOptions.RequireMessenger"/> was off, so
    /// that is not a finding here (a crawl's notes count such pages). Not kept in the JSON report.
    /// </summary>
    public bool MessengerMissing { get; init; }

    /// <summary>
    /// For a site played more than once (<see cref="CheckOptions.RepeatEach"/>): how many runs, which failed, whether they
    /// disagreed, and which run the steps, timeline, screenshots and trace come from; <see langword="null"/> for a site played once.
    /// </summary>
    public RepeatOutcome? Repeat { get; init; }

    /// <summary>
    /// Whether the site's runs disagreed (a race: some runs found what others did not). A flaky site with an error in
    /// any run has that error among its <see cref="Findings"/>, so it does not pass.
    /// </summary>
    public bool Flaky => Repeat?.Flaky ?? false;

    /// <summary>
    /// What the site's browser pretended to be (device, viewport, locale, time zone, colour scheme), or
    /// <see langword="null"/> when the result does not say (a JSON report written before reports recorded it).
    /// </summary>
    public SiteEmulation? Emulation { get; init; }

    /// <summary>The number of error findings.</summary>
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    /// <summary>The number of warning findings.</summary>
    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);

    /// <summary>Whether the site passed: no error findings.</summary>
    public bool Passed => Errors == 0;
}
