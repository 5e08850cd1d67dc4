using Kayako.Harness.Checking;

namespace Kayako.Harness.Cli.Commands;

/// <summary>The <c>check</c> command line, parsed: each value as typed, or <see langword="null"/> when not given.</summary>
internal sealed record CheckArguments(
    string? Url,
    FileInfo? Config,
    string? Site,
    FileInfo? Json,
    FileInfo? JUnit,
    FileInfo? Html,
    int? Workers,
    Shard? Shard = null,
    string? Connect = null,
    FileInfo? Sarif = null,
    CrawlArguments? Crawl = null)
{
    /// <summary><c>--base-url</c>: overrides the configuration's <c>baseUrl</c> and <c>KAYAKO_HARNESS_BASE_URL</c>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary><c>--repeat-each</c>: how many times each site is played (each run in a fresh context).</summary>
    public int? RepeatEach { get; init; }
}

/// <summary>The crawl options of <c>check</c>, as typed: <c>--crawl</c> and the options that only mean something with it.</summary>
internal sealed record CrawlArguments(bool Crawl, int? MaxPages, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, bool RequireMessenger, bool FollowLogout)
{
    /// <summary>The crawl-only options given, by name, for the message when <c>--crawl</c> is not.</summary>
    public IEnumerable<string> CrawlOnlyGiven()
    {
        if (MaxPages is not null)
        {
            yield return "--max-pages";
        }

        if (Include.Count > 0)
        {
            yield return "--include";
        }

        if (Exclude.Count > 0)
        {
            yield return "--exclude";
        }

        if (RequireMessenger)
        {
            yield return "--require-messenger";
        }

        if (FollowLogout)
        {
            yield return "--follow-logout";
        }
    }
}
