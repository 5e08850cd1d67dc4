using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kayako.Harness.Bench;

/// <summary>The results table, for the console and for <c>bench/RESULTS.md</c> (with the date, machine and commit).</summary>
internal static class ResultsReport
{
    public static string Markdown(IReadOnlyList<ResultRow> rows, string repositoryRoot, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Machine()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- commit: {Commit(repositoryRoot)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- whole run: {elapsed.TotalMinutes:0.0} min; figures are median (min–max) over the runs; made by `./kayako-harness bench`");
        text.AppendLine();
        var targets = rows.Select(row => row.Target).OfType<Target>().OrderBy(target => target.Order).ToList();
        if (targets.Count > 0)
        {
            text.AppendLine("## Issue 13 targets");
            text.AppendLine();
            text.AppendLine("| what | figure: median (min–max) | target | met? |");
            text.AppendLine("|---|---|---|---|");
            foreach (var target in targets)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {target.What} | {target.Figure} | {target.Bar} | {(target.Met ? "met" : "missed")} |");
            }

            text.AppendLine();
        }

        foreach (var section in rows.GroupBy(row => row.Section))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## {section.Key}");
            text.AppendLine();
            text.AppendLine("| case | figure | comparison |");
            text.AppendLine("|---|---|---|");
            foreach (var row in section)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.What} | {row.Figure} | {row.Comparison} |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var gibibytes = long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {gibibytes:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average at the end {load}");
    }

    private static string Commit(string repositoryRoot)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", repositoryRoot, "describe", "--always", "--dirty"]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var git = Process.Start(start)!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown (not a git checkout)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (git is not installed)";
        }
    }
}
