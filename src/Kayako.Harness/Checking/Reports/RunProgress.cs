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
    private const int LiveWidth = 79;
    private const string ClearLine = "\r\u001b[2K";

    private readonly ICheckProgress inner;
    private readonly TextWriter progress;
    private readonly int total;
    private readonly bool live;
    private readonly TimeProvider time;
    private readonly long started;
    private readonly List<string> running = [];
    private readonly ITimer? ticker;
    private readonly Lock gate = new();
    private int done;
    private bool disposed;

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
        this.progress = progress;
        this.total = total;
        this.live = live;
        this.time = time ?? TimeProvider.System;
        started = this.time.GetTimestamp();
        if (live)
        {
            ticker = this.time.CreateTimer(_ => Redraw(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
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
    public void SiteStarted(string name)
    {
        lock (gate)
        {
            running.Add(name);
            inner.SiteStarted(name);
            if (live && !disposed)
            {
                progress.Write(ClearLine + Line());
                progress.Flush();
            }
        }
    }

    /// <inheritdoc />
    public void SiteFinished(SiteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (gate)
        {
            running.Remove(result.Name);
            done++;
            if (live && !disposed)
            {
                // The console's line goes to standard output, often the same terminal: clear ours first, redraw after.
                progress.Write(ClearLine);
                progress.Flush();
                inner.SiteFinished(result);
                progress.Write(ClearLine + Line());
            }
            else
            {
                inner.SiteFinished(result);
                if (!disposed)
                {
                    progress.WriteLine(Line());
                }
            }

            progress.Flush();
        }
    }

    /// <summary>Stops redrawing and clears the live line, before the summary is written.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            ticker?.Dispose();
            if (live)
            {
                progress.Write(ClearLine);
                progress.Flush();
            }
        }
    }

    private void Redraw()
    {
        lock (gate)
        {
            if (!disposed)
            {
                progress.Write(ClearLine + Line());
                progress.Flush();
            }
        }
    }

    // "3/10 site(s) done, 0:12 elapsed; running: home, account"; a live line is cut to the width of a narrow
    // terminal, since a wrapped line could not be redrawn in place.
    private string Line()
    {
        var elapsed = time.GetElapsedTime(started);
        var clock = elapsed.TotalHours >= 1
            ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);
        var line = string.Create(CultureInfo.InvariantCulture, $"{done}/{total} site(s) done, {clock} elapsed") +
            (running.Count == 0 ? "" : $"; running: {string.Join(", ", running)}");
        return live && line.Length > LiveWidth ? line[..(LiveWidth - 1)] + "…" : line;
    }
}
