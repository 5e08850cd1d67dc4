namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// One progress line on standard error, for a phase of a run: on a terminal, redrawn in place every second and after
/// each change, and cleared around anything else printed to the same terminal; under CI or into a file, written once
/// per finished item. Every change and print goes through its lock, so callers on worker threads never interleave.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private const int LiveWidth = 79;
    private const string ClearLine = "\r\u001b[2K";

    private readonly TextWriter progress;
    private readonly bool live;
    private readonly TimeProvider time;
    private readonly long started;
    private readonly Func<TimeSpan, string> text;
    private readonly ITimer? ticker;
    private readonly Lock gate = new();
    private bool disposed;

    /// <param name="progress">Where the line goes: standard error.</param>
    /// <param name="live">A live line (a terminal), or plain lines.</param>
    /// <param name="time">The clock.</param>
    /// <param name="text">The line, given the time elapsed; called under the lock, so it may read what the changes change.</param>
    public ProgressLine(TextWriter progress, bool live, TimeProvider time, Func<TimeSpan, string> text)
    {
        this.progress = progress;
        this.live = live;
        this.time = time;
        this.text = text;
        started = time.GetTimestamp();
        if (live)
        {
            ticker = time.CreateTimer(_ => Changed(() => { }), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Applies <paramref name="change"/>; a live line is redrawn, plain lines wait for <see cref="Finished"/>.</summary>
    public void Changed(Action change)
    {
        lock (gate)
        {
            change();
            if (live && !disposed)
            {
                progress.Write(ClearLine + Line());
                progress.Flush();
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/>, runs <paramref name="print"/> when given (a line of its own on the same
    /// terminal, with a live line cleared first and redrawn after), then writes a plain line.
    /// </summary>
    public void Finished(Action change, Action? print = null)
    {
        lock (gate)
        {
            change();
            if (live && !disposed)
            {
                if (print is not null)
                {
                    progress.Write(ClearLine);
                    progress.Flush();
                    print();
                }

                progress.Write(ClearLine + Line());
            }
            else
            {
                print?.Invoke();
                if (!disposed)
                {
                    progress.WriteLine(Line());
                }
            }

            progress.Flush();
        }
    }

    /// <summary>Stops redrawing and clears a live line, before what follows the phase is written.</summary>
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

    /// <summary>"0:12", or "1:02:03" past an hour.</summary>
    public static string Clock(TimeSpan elapsed) => elapsed.TotalHours >= 1
        ? elapsed.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)
        : elapsed.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);

    // A live line is cut to the width of a narrow terminal, since a wrapped line could not be redrawn in place.
    private string Line()
    {
        var line = text(time.GetElapsedTime(started));
        return live && line.Length > LiveWidth ? line[..(LiveWidth - 1)] + "…" : line;
    }
}
