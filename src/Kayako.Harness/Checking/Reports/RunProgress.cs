using System.Globalization;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Progress of a long run on standard error, around the console's line per finished site (which it passes on to
/// <c>inner</c> unchanged): on a terminal, one live line, "sites done/total, the sites running, elapsed", redrawn every
/// second and cleared before each of the console's lines; under CI or into a file, a plain line after each finished site.
/// Standard output stays the report.
/// </summary>
public sealed class RunProgress : ICheckProgress, IDisposable
{
    private readonly ICheckProgress inner;
    private readonly int total;
    private readonly List<string> running = [];
    private readonly ProgressLine line;
    private int done;

    /// <summary>Creates the progress display; a live one starts redrawing at once.</summary>
    /// <param name="inner">The console reporter (or any progress), told of every site first.</param>
    /// <param name="progress">Where progress goes: standard error.</param>
    /// <param name="total">How many sites the run checks.</param>
    /// <param name="live">A live line (a terminal, see <see cref="LiveSuits"/>), or plain lines.</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public RunProgress(ICheckProgress inner, TextWriter progress, int total, bool live, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(progress);
        this.inner = inner;
        this.total = total;
        line = new ProgressLine(progress, live, time ?? TimeProvider.System, Line);
    }

    /// <summary>Whether a live line suits standard error: a terminal, and not CI (<c>CI</c> unset, empty, <c>false</c> or <c>0</c>).</summary>
    /// <param name="errorIsTerminal">Whether standard error is a terminal (not <see cref="Console.IsErrorRedirected"/>).</param>
    /// <param name="environment">Reads an environment variable, or <see langword="null"/> when unset.</param>
    /// <returns><see langword="true"/> for a live line, <see langword="false"/> for plain lines.</returns>
    public static bool LiveSuits(bool errorIsTerminal, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return errorIsTerminal && environment("CI") is null or "" or "false" or "0";
    }

    /// <inheritdoc />
    public void SiteStarted(string name) => line.Changed(() =>
    {
        running.Add(name);
        inner.SiteStarted(name);
    });

    /// <inheritdoc />
    public void SiteFinished(SiteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // The console's line goes to standard output, often the same terminal: the live line is cleared around it.
        line.Finished(() =>
        {
            running.Remove(result.Name);
            done++;
        }, () => inner.SiteFinished(result));
    }

    /// <summary>Stops redrawing and clears the live line, before the summary is written.</summary>
    public void Dispose() => line.Dispose();

    // "3/10 site(s) done, 0:12 elapsed; running: home, account".
    private string Line(TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{done}/{total} site(s) done, {ProgressLine.Clock(elapsed)} elapsed") +
        (running.Count == 0 ? "" : $"; running: {string.Join(", ", running)}");
}
