namespace Kayako.Harness.Configuration;

/// <summary>
/// A validated <c>playwright.config.json</c>: which browser to drive, how the messenger is recognised and
/// checked, the sites to play and where reports go. Built only by <see cref="HarnessConfigurationReader"/>,
/// so every instance has passed validation.
/// </summary>
/// <param name="Browser">The browser to launch.</param>
/// <param name="Messenger">How the messenger script is recognised and identify calls are judged.</param>
/// <param name="Sites">The sites to check, in the order the file lists them.</param>
/// <param name="Report">Where reports and traces are written.</param>
/// <param name="SiteBudgetSeconds">
/// The wall-clock budget of each site: a site still running after it is stopped and reported as
/// <c>site-timed-out</c>, with what it found so far, and the run goes on.
/// </param>
public sealed record HarnessConfiguration(
    BrowserOptions Browser,
    MessengerSettings Messenger,
    IReadOnlyList<SiteDefinition> Sites,
    ReportOptions Report,
    int SiteBudgetSeconds = HarnessConfiguration.DefaultSiteBudgetSeconds)
{
    /// <summary>A minute per site unless the configuration says otherwise.</summary>
    public const int DefaultSiteBudgetSeconds = 60;

    /// <summary>
    /// The URL relative site and <c>goto</c> URLs were resolved against (<c>baseUrl</c>, or its override), or
    /// <see langword="null"/> when none was given.
    /// </summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Steps played once per worker before its sites, whose storage state starts them (<c>setup</c>), or <see langword="null"/>.</summary>
    public SetupDefinition? Setup { get; init; }

    /// <summary>
    /// Where the configuration came from (the file path given to <see cref="HarnessConfigurationReader"/>), for problems
    /// found only when the run starts (a device name Playwright does not know); or <see langword="null"/>.
    /// </summary>
    public string? Source { get; init; }
}
