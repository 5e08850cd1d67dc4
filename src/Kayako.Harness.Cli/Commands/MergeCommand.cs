using System.CommandLine;
using System.Globalization;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>merge SHARD.json... [--json F] [--junit F] [--html F] [--sarif F]</c>: reads the JSON reports of every shard of one
/// <c>check --shard I/N</c> run and writes the reports an unsharded run would have written. Exit 0 no errors, 1 errors
/// found, 2 usage or reports that are not the shards of one run (every problem named, with its files).
/// </summary>
internal static class MergeCommand
{
    /// <summary>The largest report read: a run of thousands of sites with long findings, far less than a wrong path can hold.</summary>
    private const int MaxReportBytes = 256 * 1024 * 1024;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("SHARD.json") { Arity = ArgumentArity.ZeroOrMore, Description = "The JSON report of each shard (check --shard I/N --json FILE)." };
        var json = File("--json", "Write the merged JSON report to this file.", "give a file name, like --json report.json");
        var junit = File("--junit", "Write the merged JUnit XML report to this file.", "give a file name, like --junit report.xml");
        var html = File("--html", "Write the merged HTML report to this file.", "give a file name, like --html report.html");
        var sarif = File("--sarif", "Write the merged SARIF 2.1.0 report (for GitHub code scanning) to this file.", "give a file name, like --sarif report.sarif");
        var command = new Command("merge", "Merge the JSON reports of every shard of a check --shard run into the reports of one run.")
        {
            files, json, junit, html, sarif,
        };
        CommandAction.Set(command, (parse, _) => ExecuteAsync(
            parse.GetValue(files) ?? [], new ReportOutputs("merge", parse.GetValue(json), parse.GetValue(junit), parse.GetValue(html), parse.GetValue(sarif)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static async Task<ExitCode> ExecuteAsync(IReadOnlyList<FileInfo> files, ReportOutputs outputs, TextWriter output, TextWriter error)
    {
        if (files.Count == 0)
        {
            throw new BadInputException(
                "no reports were given; give the JSON report of every shard, like: kayako-harness merge shard-1.json shard-2.json --junit report.xml");
        }

        if (outputs.Problems(reportDir: null).Concat(outputs.Overwriting(files.Select(f => f.ToString()))).ToList() is { Count: > 0 } problems)
        {
            throw new BadInputException(problems);
        }

        // Every file is read before any is refused, so one run of merge names every bad file.
        var reports = new List<(string Source, CheckReport Report)>();
        var unreadable = new List<string>();
        foreach (var path in files.Select(f => f.ToString()))
        {
            try
            {
                var text = InputFile.ReadText(path, $"the report '{path}'", MaxReportBytes, "a JSON report of check is far smaller; is this the right file?");
                reports.Add((path, JsonReportReader.Read(text, path)));
            }
            catch (Exception problem) when (problem is BadInputException or ReportFormatException)
            {
                unreadable.Add(problem.Message);
            }
        }

        if (unreadable.Count > 0)
        {
            throw new BadInputException(unreadable);
        }

        var merged = ReportMerger.Merge(reports);
        var console = new ConsoleReporter(output, ConsoleReporter.ColourSuitsConsole() && output == Console.Out);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Merged {reports.Count} shard report(s): {merged.Sites.Count} site(s)"));
        console.WriteSummary(merged);
        if (GitHubAnnotations.Enabled(Environment.GetEnvironmentVariable))
        {
            GitHubAnnotations.Write(merged, output);
        }

        if (!await outputs.WriteAsync(merged, error))
        {
            return ExitCode.Usage;
        }

        return merged.Errors > 0 ? ExitCode.Findings : ExitCode.Ok;
    }

    private static ValueOption<FileInfo?> File(string name, string description, string fix) =>
        new(name, "FILE", description, OptionValues.File(), "a file", fix);
}
