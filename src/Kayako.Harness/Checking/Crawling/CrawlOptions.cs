using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking.Crawling;

/// <summary>How <c>check URL --crawl</c> walks a site: which links it follows, how far, and how it judges pages without the messenger.</summary>
public sealed record CrawlOptions
{
    /// <summary>The default of <see cref="MaxPages"/>.</summary>
    public const int DefaultMaxPages = 50;

    /// <summary>The largest <see cref="MaxPages"/>: a crawl is a check of every page, and each page is a browser context.</summary>
    public const int MaxMaxPages = 10_000;

    /// <summary>The most pages found and checked, the start page included (<c>--max-pages</c>); further links are counted as skipped.</summary>
    public int MaxPages { get; init; } = DefaultMaxPages;

    /// <summary>Path globs (<c>/blog/**</c>); when any are given, only pages whose path matches one are checked (<c>--include</c>).</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Path globs; pages whose path matches one are not checked (<c>--exclude</c>), even when included.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>
    /// Whether a page without the messenger is an error (<c>messenger-not-loaded</c>) as in any check
    /// (<c>--require-messenger</c>). Off by default: a site's pages need not all embed it, so the report's notes count
    /// them and name the first few instead.
    /// </summary>
    public bool RequireMessenger { get; init; }

    /// <summary>Whether links that look like a sign-out (logout, log-out, signout, sign-out, logoff) are followed (<c>--follow-logout</c>).</summary>
    public bool FollowLogout { get; init; }

    /// <summary>How long one page may take to load while links are collected; a page that does not load is still checked (and reported).</summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Hears how discovery goes, page by page (<c>check --crawl</c> shows it on standard error); called from worker
    /// threads. Discovery can be most of a crawl's time, and a run must not look stuck while it goes.
    /// </summary>
    public IProgress<CrawlProgress>? Progress { get; init; }

    /// <summary>Every problem with these options, each naming its option and value and how to fix it; empty when they can be used.</summary>
    /// <returns>The problems, as configuration problems whose path is the option (<c>--max-pages</c>).</returns>
    public IReadOnlyList<ConfigurationProblem> Problems()
    {
        var problems = new List<ConfigurationProblem>();
        if (MaxPages is < 1 or > MaxMaxPages)
        {
            problems.Add(new ConfigurationProblem("--max-pages",
                $"is {MaxPages}; give a whole number of pages from 1 to {MaxMaxPages} (default {DefaultMaxPages}), like --max-pages 200."));
        }

        foreach (var (option, globs) in new[] { ("--include", Include), ("--exclude", Exclude) })
        {
            foreach (var glob in globs ?? [])
            {
                if (PathGlob.TryParse(glob, out var problem) is null)
                {
                    problems.Add(new ConfigurationProblem(option, $"\"{glob}\" {problem}."));
                }
            }
        }

        if (PageTimeout <= TimeSpan.Zero)
        {
            problems.Add(new ConfigurationProblem(nameof(PageTimeout), $"is {PageTimeout}; give a positive time, like 15 seconds."));
        }

        return problems;
    }
}
