using System.Globalization;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Merges the reports of every shard of one run (<c>check --shard I/N</c>, read by <see cref="JsonReportReader"/>)
/// into the report an unsharded run would have given: the sites in configuration order (by
/// <see cref="SiteResult.Index"/>), the same findings and summary, so the same exit code. It refuses anything else,
/// with every problem at once.
/// </summary>
public static class ReportMerger
{
    /// <summary>Merges shard reports.</summary>
    /// <param name="reports">Each report with the file it came from (named in problems), in any order.</param>
    /// <returns>
    /// The merged report: not a shard's (<see cref="CheckReport.Shard"/> is <see langword="null"/>), from the first
    /// shard's start to the last one's end, its notes those of the shards (once each) and one saying it was merged.
    /// Its sites have what the shards' JSON reports recorded: findings, steps, timelines, the screenshot and trace files.
    /// </returns>
    /// <exception cref="ReportMergeException">The reports are not exactly the shards of one run; every problem is listed.</exception>
    public static CheckReport Merge(IReadOnlyList<(string Source, CheckReport Report)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentOutOfRangeException.ThrowIfZero(reports.Count);
        var problems = new List<string>();
        var notShards = reports.Where(r => r.Report.Shard is null).Select(r => r.Source).ToList();
        if (notShards.Count > 0)
        {
            problems.Add($"{Files(notShards)} {(notShards.Count == 1 ? "was" : "were")} not written by a sharded run; merge takes the JSON reports of every shard of one run (check --shard I/N --json FILE).");
        }

        Same(problems, reports, r => r.ConfigurationHash ?? "(none)", "configurations",
            "each shard must check the same configuration file; run every shard again from one commit");
        Same(problems, reports, r => r.HarnessVersion, "harness versions",
            "build kayako-harness once and run every shard with it");
        Same(problems, reports, r => r.RepeatEach.ToString(CultureInfo.InvariantCulture), "repeat counts (--repeat-each)",
            "give every shard the same --repeat-each N");
        var shards = reports.Where(r => r.Report.Shard is not null).ToList();
        Same(problems, shards, r => r.Shard!.Count.ToString(CultureInfo.InvariantCulture), "shard counts",
            "give every shard the same N in --shard I/N");
        if (shards.Count > 0 && shards.All(r => r.Report.Shard!.Count == shards[0].Report.Shard!.Count))
        {
            var count = shards[0].Report.Shard!.Count;
            foreach (var twice in shards.GroupBy(r => r.Report.Shard!.Index).Where(g => g.Count() > 1).OrderBy(g => g.Key))
            {
                problems.Add($"shard {twice.First().Report.Shard} is in more than one report: {Files(twice.Select(r => r.Source))}; give each shard's report once.");
            }

            var given = shards.Select(r => r.Report.Shard!.Index).ToHashSet();
            var missing = Enumerable.Range(1, count).Where(i => !given.Contains(i)).ToList();
            if (missing.Count > 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"shard {string.Join(", ", missing.Select(i => $"{i}/{count}"))} {(missing.Count == 1 ? "is" : "are")} missing: the merged report would lack {(missing.Count == 1 ? "its" : "their")} sites; give the JSON reports of all {count} shards."));
            }
        }

        foreach (var twice in reports.SelectMany(r => r.Report.Sites.Select(site => (Site: site, r.Source)))
                     .GroupBy(s => s.Site.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"the site \"{twice.Key}\" is in more than one report: {Files(twice.Select(s => s.Source))}; a site belongs to one shard, so these are not the shards of one run.");
        }

        foreach (var twice in reports.SelectMany(r => r.Report.Sites.Select(site => (Site: site, r.Source)))
                     .GroupBy(s => s.Site.Index).Where(g => g.Select(s => s.Site.Name).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"the sites {string.Join(" and ", twice.Select(s => $"\"{s.Site.Name}\" ({s.Source})").Distinct())} both claim place {twice.Key} in the configuration; these are not the shards of one run."));
        }

        if (problems.Count > 0)
        {
            throw new ReportMergeException(problems);
        }

        var sites = reports.SelectMany(r => r.Report.Sites).OrderBy(s => s.Index).ToList();
        var shardOnly = reports.Select(r => CheckRunner.EmptyShardNote(r.Report.Shard!, sites.Count)).ToHashSet(StringComparer.Ordinal);
        var notes = reports.SelectMany(r => r.Report.Notes).Where(n => !shardOnly.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Merged from the reports of {reports.Count} shard(s): {Files(reports.OrderBy(r => r.Report.Shard!.Index).Select(r => r.Source))}."));
        var started = reports.All(r => r.Report.StartedAt is not null) ? reports.Min(r => r.Report.StartedAt) : null;
        var ended = reports.All(r => r.Report.EndedAt is not null) ? reports.Max(r => r.Report.EndedAt) : null;
        var first = reports[0].Report;
        return new CheckReport(
            sites,
            reports.All(r => r.Report.TokenChecked),
            notes,
            started is { } from && ended is { } to ? to - from : reports.Max(r => r.Report.Duration))
        {
            HarnessVersion = first.HarnessVersion,
            ConfigurationHash = first.ConfigurationHash,
            Shard = null,
            StartedAt = started,
            EndedAt = ended,
            RepeatEach = first.RepeatEach,
        };
    }

    // One problem when the reports disagree on a value, naming which files have which.
    private static void Same(List<string> problems, IEnumerable<(string Source, CheckReport Report)> reports, Func<CheckReport, string> value, string what, string fix)
    {
        var groups = reports.GroupBy(r => value(r.Report), StringComparer.Ordinal).ToList();
        if (groups.Count > 1)
        {
            problems.Add($"the reports are of different {what}: {string.Join("; ", groups.Select(g => $"{Files(g.Select(r => r.Source))} {(g.Count() == 1 ? "has" : "have")} {g.Key}"))}. {char.ToUpperInvariant(fix[0])}{fix[1..]}.");
        }
    }

    private static string Files(IEnumerable<string> sources) => string.Join(", ", sources);
}
