namespace Kayako.Harness.Checking;

/// <summary>The outcome of a check run: every site, in configuration order.</summary>
/// <param name="Sites">The sites' results.</param>
/// <param name="TokenChecked">
/// Whether the token was known: signatures were verified and token exposure was looked for. When
/// <see langword="false"/>, signatures were checked for form only; <see cref="Notes"/> says so.
/// </param>
/// <param name="Notes">Run-wide notes for every report (the token not being set, say).</param>
/// <param name="Duration">The wall time of the run, browser start included.</param>
public sealed record CheckReport(IReadOnlyList<SiteResult> Sites, bool TokenChecked, IReadOnlyList<string> Notes, TimeSpan Duration)
{
    /// <summary>The version of Kayako.Harness that ran the check; <c>merge</c> refuses reports of different versions.</summary>
    public string HarnessVersion { get; init; } = CurrentHarnessVersion;

    /// <summary>
    /// The fingerprint of the configuration checked (SHA-256 of its normalised messenger and sites sections, see README
    /// "Reports"), or <see langword="null"/> when not known; <c>merge</c> refuses reports of different configurations.
    /// </summary>
    public string? ConfigurationHash { get; init; }

    /// <summary>The share of the sites this run checked (<c>--shard</c>), or <see langword="null"/> for all of them.</summary>
    public Shard? Shard { get; init; }

    /// <summary>
    /// How many times each site was played (<see cref="CheckOptions.RepeatEach"/>; 1 when once); <c>merge</c> refuses
    /// shards of different repeat counts.
    /// </summary>
    public int RepeatEach { get; init; } = 1;

    /// <summary>When the run started, or <see langword="null"/> when not known.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the run ended, or <see langword="null"/> when not known.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>This library's version, as reports record it: the informational version (with the source revision when built from git).</summary>
    public static string CurrentHarnessVersion { get; } =
        typeof(CheckReport).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
        ?? typeof(CheckReport).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Error findings over all sites.</summary>
    public int Errors => Sites.Sum(s => s.Errors);

    /// <summary>Sites whose runs disagreed (<see cref="SiteResult.Flaky"/>).</summary>
    public int Flaky => Sites.Count(s => s.Flaky);

    /// <summary>Warning findings over all sites.</summary>
    public int Warnings => Sites.Sum(s => s.Warnings);
}
