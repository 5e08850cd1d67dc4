using System.Globalization;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking.Crawling;

/// <summary>What a crawl found: the pages to check, in the order they were found (breadth-first), and what it left out and why.</summary>
public sealed class CrawlResult
{
    internal CrawlResult(Uri start, CrawlOptions options, IReadOnlyList<Uri> pages, IReadOnlyDictionary<CrawlSkipReason, int> skipped, HarnessConfiguration configuration)
    {
        Start = start;
        Options = options;
        Pages = pages;
        Skipped = skipped;
        Configuration = configuration;
    }

    /// <summary>The page the crawl started from.</summary>
    public Uri Start { get; }

    /// <summary>The options it ran with.</summary>
    public CrawlOptions Options { get; }

    /// <summary>The same-origin pages to check, the start page first, then breadth-first in link order; at most <see cref="CrawlOptions.MaxPages"/>.</summary>
    public IReadOnlyList<Uri> Pages { get; }

    /// <summary>How many distinct links were not followed, by reason (reasons with none are left out).</summary>
    public IReadOnlyDictionary<CrawlSkipReason, int> Skipped { get; }

    /// <summary>
    /// The configuration checked: the given one's browser, messenger and report sections, and one site with no steps
    /// per page (named by its path and query), so each page is judged by the page-level rules.
    /// </summary>
    public HarnessConfiguration Configuration { get; }

    /// <summary>Same-origin pages found: the ones to check and the ones skipped for max-pages, exclusion, nofollow or logout.</summary>
    public int Found => Pages.Count + Count(CrawlSkipReason.MaxPages) + Count(CrawlSkipReason.Excluded) + Count(CrawlSkipReason.NoFollow) + Count(CrawlSkipReason.Logout);

    /// <summary>The sentence every report's notes carry: pages found, checked, and skipped, with why.</summary>
    public string Summary
    {
        get
        {
            var skipped = new List<string>();
            Add(CrawlSkipReason.MaxPages, n => $"{n} beyond --max-pages {Options.MaxPages}");
            Add(CrawlSkipReason.Excluded, n => $"{n} excluded by --include/--exclude");
            Add(CrawlSkipReason.NoFollow, n => $"{n} only linked with rel=nofollow");
            Add(CrawlSkipReason.Logout, n => $"{n} that look like a logout (--follow-logout follows them)");
            var others = new List<string>();
            if (Count(CrawlSkipReason.Download) is > 0 and var downloads)
            {
                others.Add($"{downloads} download(s)");
            }

            if (Count(CrawlSkipReason.OtherOrigin) is > 0 and var external)
            {
                others.Add($"{external} link(s) to other origins");
            }

            var skippedText = skipped.Count == 0 ? "none skipped" : $"{Found - Pages.Count} skipped: {string.Join(", ", skipped)}";
            var othersText = others.Count == 0 ? "" : $"; not followed: {string.Join(", ", others)}";
            return string.Create(CultureInfo.InvariantCulture,
                $"Crawl of {Start} (same-origin links, breadth-first): {Found} page(s) found, {Pages.Count} checked, {skippedText}{othersText}.");

            void Add(CrawlSkipReason reason, Func<int, string> text)
            {
                if (Count(reason) > 0)
                {
                    skipped.Add(text(Count(reason)));
                }
            }
        }
    }

    private int Count(CrawlSkipReason reason) => Skipped.TryGetValue(reason, out var n) ? n : 0;
}
