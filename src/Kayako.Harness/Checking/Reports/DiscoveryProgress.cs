using System.Globalization;
using Kayako.Harness.Checking.Crawling;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Progress of a crawl's discovery on standard error, before its pages are checked: on a terminal, one live line,
/// "pages read of found, elapsed, the pages being read", redrawn every second; under CI or into a file, a plain line
/// after each page read. Standard output stays the report.
/// </summary>
public sealed class DiscoveryProgress : IProgress<CrawlProgress>, IDisposable
{
    private readonly ProgressLine line;
    private CrawlProgress latest = new(0, 1, []);

    /// <summary>Creates the progress display; a live one starts redrawing at once.</summary>
    /// <param name="progress">Where progress goes: standard error.</param>
    /// <param name="live">A live line (a terminal, see <see cref="RunProgress.LiveSuits"/>), or plain lines.</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public DiscoveryProgress(TextWriter progress, bool live, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        line = new ProgressLine(progress, live, time ?? TimeProvider.System, Line);
    }

    /// <inheritdoc />
    /// <remarks>A crawl reports one change at a time: as a page starts being read (a live line is redrawn) and as it has
    /// been read (a plain line too).</remarks>
    public void Report(CrawlProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.PagesRead > latest.PagesRead)
        {
            line.Finished(() => latest = value);
        }
        else
        {
            line.Changed(() => latest = value);
        }
    }

    /// <summary>Stops redrawing and clears the live line, before the check of the pages starts.</summary>
    public void Dispose() => line.Dispose();

    // "crawl: 14 of 37 page(s) found read, 0:12 elapsed; reading: /p/15.html, /p/16.html".
    private string Line(TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"crawl: {latest.PagesRead} of {latest.PagesFound} page(s) found read, {ProgressLine.Clock(elapsed)} elapsed") +
        (latest.Reading.Count == 0 ? "" : $"; reading: {string.Join(", ", latest.Reading.Select(page => page.PathAndQuery))}");
}
