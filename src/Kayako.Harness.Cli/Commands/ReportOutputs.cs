using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// The report files <c>check</c> writes (<c>--json</c>, <c>--junit</c>, <c>--html</c>, <c>--sarif</c>): every path checked before
/// a browser starts, each report written whole (<see cref="AtomicFile"/>), and one that cannot be written at the
/// end does not stop the others.
/// </summary>
internal sealed class ReportOutputs
{
    private readonly string verb;
    private readonly IReadOnlyList<Output> outputs;

    public ReportOutputs(CheckArguments arguments)
        : this("check", arguments?.Json, arguments?.JUnit, arguments?.Html, arguments?.Sarif)
    {
        ArgumentNullException.ThrowIfNull(arguments);
    }

    /// <param name="verb">The verb writing them (<c>check</c>, <c>merge</c>), for messages.</param>
    /// <param name="json">Where the JSON report goes (<c>--json</c>), or <see langword="null"/>.</param>
    /// <param name="junit">Where the JUnit report goes (<c>--junit</c>), or <see langword="null"/>.</param>
    /// <param name="html">Where the HTML report goes (<c>--html</c>), or <see langword="null"/>.</param>
    /// <param name="sarif">Where the SARIF report goes (<c>--sarif</c>), or <see langword="null"/>.</param>
    public ReportOutputs(string verb, FileInfo? json, FileInfo? junit, FileInfo? html, FileInfo? sarif)
    {
        this.verb = verb;
        outputs =
        [
            .. Given("--json", "JSON", json?.ToString(), Synchronous(JsonReportWriter.Write)),
            .. Given("--junit", "JUnit", junit?.ToString(), Synchronous(JUnitReportWriter.Write)),
            .. Given("--html", "HTML", html?.ToString(), HtmlReportWriter.WriteAsync),
            .. Given("--sarif", "SARIF", sarif?.ToString(), Synchronous(SarifReportWriter.Write)),
        ];
    }

    /// <summary>Every reason the reports, or traces under <paramref name="reportDir"/>, could not be written; empty when they can.</summary>
    /// <param name="reportDir">The configuration's <c>report.dir</c>, or <see langword="null"/> when the verb keeps no traces.</param>
    public IReadOnlyList<string> Problems(string? reportDir)
    {
        var problems = outputs.Select(o => OutputPath.FileProblem(o.Option, o.Path)).OfType<string>().ToList();
        problems.AddRange(outputs
            .GroupBy(o => Path.GetFullPath(o.Path), StringComparer.Ordinal)
            .Where(same => same.Count() > 1)
            .Select(same => $"{string.Join(" and ", same.Select(o => o.Option))} name the same file, {same.First().Path}; give each report its own file."));
        if (reportDir is not null && OutputPath.FolderProblem("report.dir", reportDir) is { } folder)
        {
            problems.Add($"{folder} (report.dir is where traces of failing sites go.)");
        }

        return problems;
    }

    /// <summary>Every report that would be written over a file the verb reads (<c>merge</c>'s shard reports), as a problem.</summary>
    /// <param name="inputs">The files read, as given.</param>
    public IReadOnlyList<string> Overwriting(IEnumerable<string> inputs)
    {
        var read = inputs.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        return [.. outputs
            .Where(o => read.Contains(Path.GetFullPath(o.Path)))
            .Select(o => $"{o.Option} {o.Path} is also one of the reports to merge; write the merged report to a file of its own, or the shard's report would be lost.")];
    }

    /// <summary>Writes every report; a failure is one line on <paramref name="error"/> and the others are still written.</summary>
    /// <returns>Whether every report was written.</returns>
    public async Task<bool> WriteAsync(CheckReport report, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var written = true;
        foreach (var output in outputs)
        {
            try
            {
                await AtomicFile.WriteAsync(output.Path, (stream, cancellationToken) => output.Write(report, stream, cancellationToken));
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                written = false;
                await error.WriteLineAsync(
                    $"kayako-harness {verb}: could not write the {output.Kind} report ({output.Option} {output.Path}): {failure.Message} " +
                    "Nothing was left half-written; the other reports were still written. Free some space, or give a path in a folder you can write.");
            }
        }

        return written;
    }

    private static IEnumerable<Output> Given(string option, string kind, string? path, WriteReport write) =>
        path is null ? [] : [new Output(option, kind, path, write)];

    private static WriteReport Synchronous(Action<CheckReport, Stream> write) => (report, stream, _) =>
    {
        write(report, stream);
        return Task.CompletedTask;
    };

    private delegate Task WriteReport(CheckReport report, Stream stream, CancellationToken cancellationToken);

    private sealed record Output(string Option, string Kind, string Path, WriteReport Write);
}
