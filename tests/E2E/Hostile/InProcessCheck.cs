using System.Collections.Concurrent;
using System.Diagnostics;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.E2E.Tests.Hostile;

/// <summary>
/// One check run in this process (<see cref="CheckRunner.RunAsync"/>), as the CLI does it: console output through
/// <see cref="ConsoleReporter"/>, then the JSON, JUnit and HTML reports written to files. Times each site from
/// outside (from its start to its finish as the run reports them), and gives up on a run that does not end by a
/// deadline, naming the sites still running, so a hang fails the tests instead of hanging them.
/// </summary>
internal sealed class InProcessCheck
{
    private InProcessCheck(CheckReport report, string console, string folder, IReadOnlyDictionary<string, TimeSpan> wallTimes, TimeSpan runTime)
    {
        Report = report;
        Console = console;
        Folder = folder;
        WallTimes = wallTimes;
        RunTime = runTime;
    }

    public CheckReport Report { get; }

    /// <summary>What the console reporter printed: a line per site, findings, the summary table.</summary>
    public string Console { get; }

    /// <summary>Where the reports are (<c>report.json</c>, <c>report.xml</c>, <c>report.html</c>) and <c>report.dir</c> points.</summary>
    public string Folder { get; }

    public string JsonPath => Path.Combine(Folder, "report.json");

    public string JUnitPath => Path.Combine(Folder, "report.xml");

    public string HtmlPath => Path.Combine(Folder, "report.html");

    /// <summary>The report.dir of the run (traces go to its <c>traces/</c>).</summary>
    public string ReportDir => Path.Combine(Folder, "artifacts");

    /// <summary>Per site, from the run saying it started to the run saying it finished.</summary>
    public IReadOnlyDictionary<string, TimeSpan> WallTimes { get; }

    public TimeSpan RunTime { get; }

    public SiteResult Site(string name) => Report.Sites.Single(s => s.Name == name);

    public static async Task<InProcessCheck> RunAsync(HarnessConfiguration configuration, CheckOptions options, string folder, TimeSpan deadline)
    {
        configuration = configuration with { Report = new ReportOptions(Path.Combine(folder, "artifacts")) };
        var console = new StringWriter();
        var reporter = new ConsoleReporter(console, colour: false);
        var progress = new Timing(reporter);
        using var stop = new CancellationTokenSource(deadline);
        var started = Stopwatch.GetTimestamp();
        var run = CheckRunner.RunAsync(configuration, options with { Progress = progress }, stop.Token);
        CheckReport report;
        try
        {
            // The run is asked to stop at the deadline; one that does not even then is abandoned a little later.
            report = await run.WaitAsync(deadline + TimeSpan.FromSeconds(15));
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException)
        {
            throw new AssertionException(
                $"The check run did not end within {deadline.TotalSeconds:0} s. Still running: {string.Join(", ", progress.Running)}; " +
                $"finished: {string.Join(", ", progress.Finished.Select(f => $"{f.Key} ({f.Value.TotalSeconds:0.0} s)"))}.");
        }

        var runTime = Stopwatch.GetElapsedTime(started);
        reporter.WriteSummary(report);
        Write(Path.Combine(folder, "report.json"), report, JsonReportWriter.Write);
        Write(Path.Combine(folder, "report.xml"), report, JUnitReportWriter.Write);
        await using (var html = File.Create(Path.Combine(folder, "report.html")))
        {
            await HtmlReportWriter.WriteAsync(report, html);
        }

        File.WriteAllText(Path.Combine(folder, "console.txt"), console.ToString());
        return new InProcessCheck(report, console.ToString(), folder, progress.Finished, runTime);
    }

    private static void Write(string path, CheckReport report, Action<CheckReport, Stream> write)
    {
        using var stream = File.Create(path);
        write(report, stream);
    }

    private sealed class Timing(ConsoleReporter console) : ICheckProgress
    {
        private readonly ConcurrentDictionary<string, long> started = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TimeSpan> finished = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, TimeSpan> Finished => finished;

        public IEnumerable<string> Running => started.Keys.Where(name => !finished.ContainsKey(name));

        public void SiteStarted(string name)
        {
            started[name] = Stopwatch.GetTimestamp();
        }

        public void SiteFinished(SiteResult result)
        {
            finished[result.Name] = Stopwatch.GetElapsedTime(started[result.Name]);
            console.SiteFinished(result);
        }
    }
}
