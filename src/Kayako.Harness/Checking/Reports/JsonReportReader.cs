using System.Globalization;
using System.Text.Json;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Reads a JSON report back (the shape <see cref="JsonReportWriter"/> writes), as strictly as the configuration is
/// read: an unknown, repeated, missing or mistyped key is a problem with its JSON path, and every problem is reported
/// at once. The report read has what the reports show: findings, notes, traces, each step (its screenshot as the path of
/// the file it was kept in, <see cref="StepResult.ScreenshotPath"/>, which the HTML report reads), the timeline entries the
/// HTML report shows and how many there were, times and run metadata.
/// </summary>
public static class JsonReportReader
{
    private static readonly string[] RootKeys = ["sites", "summary", "notes", "run"];
    private static readonly string[] SiteKeys = ["name", "url", "findings", "index", "durationSeconds", "notes", "trace", "repeat", EmulationJson.Key, "steps", "timelineEntries", "timeline"];
    private static readonly string[] RepeatKeys = ["runs", "failedRuns", "flaky", "shownRun"];
    private static readonly string[] StepKeys = ["index", "jsonPath", "action", "logout", "outcome", "error", "screenshot"];
    private static readonly string[] TimelineKeys = ["sequence", "atMilliseconds", "step", "kind", "text", "pageUrl"];
    private static readonly string[] FindingKeys = ["rule", "severity", "message", "cause", "step", "count", "steps", "runs"];
    private static readonly string[] SummaryKeys = ["sites", "errors", "warnings"];
    private static readonly string[] RunKeys = ["harnessVersion", "configurationHash", "shard", "startedAt", "endedAt", "durationSeconds", "tokenChecked", "repeatEach"];
    private static readonly string[] ShardKeys = ["index", "count"];

    /// <summary>Reads a report.</summary>
    /// <param name="json">The report's text.</param>
    /// <param name="source">Where it came from (a file name), for messages.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ReportFormatException">The text is not a JSON report; every problem is listed.</exception>
    public static CheckReport Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" at line {line + 1}, column {error.BytePositionInLine + 1}" : "";
            throw new ReportFormatException(source, [$"$: not valid JSON{where}: {error.Message}"]);
        }

        using (document)
        {
            var reader = new Reader();
            var report = reader.Root(document.RootElement);
            return reader.Context.Problems.Count == 0 && report is not null
                ? report
                : throw new ReportFormatException(source, [.. reader.Context.Problems.Select(p => p.ToString())]);
        }
    }

    private sealed class Reader
    {
        public JsonReadContext Context { get; } = new();

        public CheckReport? Root(JsonElement root)
        {
            if (Context.Object(root, "$", RootKeys) is not { } properties)
            {
                return null;
            }

            var sites = Need(properties, "$", "sites") is { } sitesElement ? Items(sitesElement, "$.sites", Site) : null;
            var notes = properties.TryGetValue("notes", out var notesElement) ? Strings(notesElement, "$.notes") : [];
            var run = Need(properties, "$", "run") is { } runElement ? Run(runElement) : null;
            if (Need(properties, "$", "summary") is { } summaryElement && sites is not null)
            {
                Summary(summaryElement, sites);
            }

            return sites is null || notes is null || run is null
                ? null
                : run(sites, notes);
        }

        private Func<List<SiteResult>, List<string>, CheckReport>? Run(JsonElement element)
        {
            const string path = "$.run";
            if (Context.Object(element, path, RunKeys) is not { } properties)
            {
                return null;
            }

            var version = Need(properties, path, "harnessVersion") is { } v ? Context.NonEmptyString(v, path + ".harnessVersion") : null;
            var hash = Need(properties, path, "configurationHash") is { } h ? Context.String(h, path + ".configurationHash", allowNull: true) : null;
            Optional<Shard?>? shard = Need(properties, path, "shard") is { } s ? Shard(s, path + ".shard") : null;
            Optional<DateTimeOffset?>? started = Need(properties, path, "startedAt") is { } a ? Time(a, path + ".startedAt") : null;
            Optional<DateTimeOffset?>? ended = Need(properties, path, "endedAt") is { } e ? Time(e, path + ".endedAt") : null;
            var duration = Need(properties, path, "durationSeconds") is { } d ? Seconds(d, path + ".durationSeconds") : null;
            var tokenChecked = Need(properties, path, "tokenChecked") is { } t ? Context.Boolean(t, path + ".tokenChecked") : null;
            var repeatEach = properties.TryGetValue("repeatEach", out var re) ? Context.Integer(re, path + ".repeatEach", 2, CheckOptions.MaxRepeatEach) : 1;
            if (version is null || duration is null || tokenChecked is null || repeatEach is null || shard is { Failed: true } || started is { Failed: true } || ended is { Failed: true })
            {
                return null;
            }

            return (sites, notes) => new CheckReport(sites, tokenChecked.Value, notes, duration.Value)
            {
                HarnessVersion = version,
                ConfigurationHash = hash,
                Shard = shard?.Value,
                StartedAt = started?.Value,
                EndedAt = ended?.Value,
                RepeatEach = repeatEach.Value,
            };
        }

        private SiteResult? Site(JsonElement element, string path)
        {
            if (Context.Object(element, path, SiteKeys) is not { } properties)
            {
                return null;
            }

            var name = Need(properties, path, "name") is { } n ? Context.NonEmptyString(n, path + ".name") : null;
            var url = Need(properties, path, "url") is { } u ? Url(u, path + ".url") : null;
            var findings = Need(properties, path, "findings") is { } f ? Items(f, path + ".findings", Finding) : null;
            var index = Need(properties, path, "index") is { } i ? Context.Integer(i, path + ".index", 0, int.MaxValue) : null;
            var duration = Need(properties, path, "durationSeconds") is { } d ? Seconds(d, path + ".durationSeconds") : null;
            var notes = properties.TryGetValue("notes", out var notesElement) ? Strings(notesElement, path + ".notes") : [];
            var trace = properties.TryGetValue("trace", out var traceElement) ? Context.NonEmptyString(traceElement, path + ".trace") : null;
            var repeat = properties.TryGetValue("repeat", out var repeatElement) ? Repeat(repeatElement, path + ".repeat") : null;
            var repeatFailed = repeat is null && properties.ContainsKey("repeat");
            var emulation = properties.TryGetValue(EmulationJson.Key, out var em) ? EmulationJson.Read(em, path + "." + EmulationJson.Key, Context) : null;
            var steps = Need(properties, path, "steps") is { } st ? Items(st, path + ".steps", Step) : null;
            var timelineEntries = Need(properties, path, "timelineEntries") is { } te ? Context.Integer(te, path + ".timelineEntries", 0, int.MaxValue) : null;
            var timeline = Need(properties, path, "timeline") is { } tl ? Items(tl, path + ".timeline", Entry) : null;
            if (timeline is not null && timelineEntries is not null && timelineEntries.Value < timeline.Count)
            {
                Context.Report(path + ".timelineEntries", string.Create(CultureInfo.InvariantCulture,
                    $"is {timelineEntries.Value}, fewer than the {timeline.Count} entries of \"timeline\"; the file was changed after check wrote it. Run check again."));
                timelineEntries = null;
            }

            return name is null || url is null || findings is null || index is null || duration is null || notes is null
                   || steps is null || timelineEntries is null || timeline is null || repeatFailed || (properties.ContainsKey(EmulationJson.Key) && emulation is null)
                ? null
                : new SiteResult(name, url, findings, steps, timeline, trace, notes, duration.Value) { Index = index.Value, TimelineCount = timelineEntries.Value, Repeat = repeat, Emulation = emulation };
        }

        // A site played several times: how many runs, which failed, whether they disagreed, which one the site shows.
        private RepeatOutcome? Repeat(JsonElement element, string path)
        {
            if (Context.Object(element, path, RepeatKeys) is not { } properties)
            {
                return null;
            }

            var runs = Need(properties, path, "runs") is { } r ? Context.Integer(r, path + ".runs", 2, CheckOptions.MaxRepeatEach) : null;
            var failed = Need(properties, path, "failedRuns") is { } f && Context.Array(f, path + ".failedRuns") is { } items
                ? items.Select((item, i) => Context.Integer(item, JsonReadContext.Item(path + ".failedRuns", i), 1, runs ?? CheckOptions.MaxRepeatEach)).ToList()
                : null;
            var flaky = Need(properties, path, "flaky") is { } fl ? Context.Boolean(fl, path + ".flaky") : null;
            var shown = Need(properties, path, "shownRun") is { } s ? Context.Integer(s, path + ".shownRun", 1, runs ?? CheckOptions.MaxRepeatEach) : null;
            return runs is null || failed is null || failed.Contains(null) || flaky is null || shown is null
                ? null
                : new RepeatOutcome(runs.Value, [.. failed.Select(run => run!.Value)], flaky.Value, shown.Value);
        }

        private StepResult? Step(JsonElement element, string path)
        {
            if (Context.Object(element, path, StepKeys) is not { } properties)
            {
                return null;
            }

            var index = Need(properties, path, "index") is { } i ? Context.Integer(i, path + ".index", 0, int.MaxValue) : null;
            var jsonPath = Need(properties, path, "jsonPath") is { } j ? Context.NonEmptyString(j, path + ".jsonPath") : null;
            var action = Need(properties, path, "action") is { } a ? Context.NonEmptyString(a, path + ".action") : null;
            var logout = properties.TryGetValue("logout", out var l) ? Context.Boolean(l, path + ".logout") : false;
            var outcome = Need(properties, path, "outcome") is { } o ? Outcome(o, path + ".outcome") : null;
            var error = properties.TryGetValue("error", out var e) ? Context.String(e, path + ".error") : null;
            var screenshot = properties.TryGetValue("screenshot", out var sc) ? Context.NonEmptyString(sc, path + ".screenshot") : null;
            return index is null || jsonPath is null || action is null || logout is null || outcome is null
                   || (properties.ContainsKey("error") && error is null) || (properties.ContainsKey("screenshot") && screenshot is null)
                ? null
                : new StepResult(new ReportedStep(index.Value, jsonPath, logout.Value, action), outcome.Value, error, 0, 0) { ScreenshotPath = screenshot };
        }

        private TimelineEntry? Entry(JsonElement element, string path)
        {
            if (Context.Object(element, path, TimelineKeys) is not { } properties)
            {
                return null;
            }

            var sequence = Need(properties, path, "sequence") is { } s ? Context.Integer(s, path + ".sequence", 0, int.MaxValue) : null;
            var at = Need(properties, path, "atMilliseconds") is { } a ? Milliseconds(a, path + ".atMilliseconds") : null;
            int? step = null;
            var stepRead = Need(properties, path, "step") is { } st
                && (st.ValueKind == JsonValueKind.Null || (step = Context.Integer(st, path + ".step", 0, int.MaxValue)) is not null);
            var kind = Need(properties, path, "kind") is { } k ? Context.NonEmptyString(k, path + ".kind") : null;
            var text = Need(properties, path, "text") is { } t ? Context.String(t, path + ".text") : null;
            var pageUrl = Need(properties, path, "pageUrl") is { } p ? Context.String(p, path + ".pageUrl") : null;
            return sequence is null || at is null || !stepRead || kind is null || text is null || pageUrl is null
                ? null
                : new TimelineEntry(sequence.Value, at.Value, kind, text, pageUrl, step);
        }

        private StepOutcome? Outcome(JsonElement element, string path)
        {
            var text = Context.String(element, path);
            StepOutcome? outcome = text switch
            {
                "passed" => StepOutcome.Passed,
                "failed" => StepOutcome.Failed,
                "not-run" => StepOutcome.NotRun,
                _ => null,
            };
            if (text is not null && outcome is null)
            {
                Context.Report(path, $"must be \"passed\", \"failed\" or \"not-run\", not {JsonReadContext.Describe(element)}.");
            }

            return outcome;
        }

        private double? Milliseconds(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var milliseconds) && milliseconds >= 0)
            {
                return milliseconds;
            }

            Context.Report(path, $"must be a number of milliseconds, 0 or more, not {JsonReadContext.Describe(element)}.");
            return null;
        }

        private Finding? Finding(JsonElement element, string path)
        {
            if (Context.Object(element, path, FindingKeys) is not { } properties)
            {
                return null;
            }

            var rule = Need(properties, path, "rule") is { } r ? Context.NonEmptyString(r, path + ".rule") : null;
            var severity = Need(properties, path, "severity") is { } s ? Severity(s, path + ".severity") : null;
            var message = Need(properties, path, "message") is { } m ? Context.String(m, path + ".message") : null;
            var cause = properties.TryGetValue("cause", out var c) ? Context.NonEmptyString(c, path + ".cause") : null;
            var step = properties.TryGetValue("step", out var st) ? Context.Integer(st, path + ".step", 0, int.MaxValue) : null;
            var count = properties.TryGetValue("count", out var co) ? Context.Integer(co, path + ".count", 2, int.MaxValue) : 1;
            List<int?>? steps = [];
            if (properties.TryGetValue("steps", out var stepsElement))
            {
                steps = Items(stepsElement, path + ".steps", (item, itemPath) =>
                    item.ValueKind == JsonValueKind.Null ? new int?[] { null } : Context.Integer(item, itemPath, 0, int.MaxValue) is { } value ? [value] : null)
                    ?.Select(box => box[0]).ToList();
            }

            if (properties.ContainsKey("count") != properties.ContainsKey("steps"))
            {
                Context.Report(path, "has one of \"count\" and \"steps\" without the other; a repeated finding has both, a finding seen once neither.");
                return null;
            }

            var runs = properties.TryGetValue("runs", out var ru) ? Context.Integer(ru, path + ".runs", 1, CheckOptions.MaxRepeatEach) : null;
            var runsFailed = runs is null && properties.ContainsKey("runs");
            return rule is null || severity is null || message is null || count is null || steps is null || runsFailed
                ? null
                : new Finding(rule, severity.Value, message, cause, step) { Count = count.Value, OccurrenceSteps = steps, Runs = runs };
        }

        // The summary is derived from the sites; one that disagrees means the file was edited or cut.
        private void Summary(JsonElement element, List<SiteResult> sites)
        {
            const string path = "$.summary";
            if (Context.Object(element, path, SummaryKeys) is not { } properties)
            {
                return;
            }

            var expected = new Dictionary<string, int>
            {
                ["sites"] = sites.Count,
                ["errors"] = sites.Sum(s => s.Errors),
                ["warnings"] = sites.Sum(s => s.Warnings),
            };
            foreach (var (key, value) in expected)
            {
                if (Need(properties, path, key) is { } e && Context.Integer(e, $"{path}.{key}", 0, int.MaxValue) is { } read && read != value)
                {
                    Context.Report($"{path}.{key}", string.Create(CultureInfo.InvariantCulture,
                        $"is {read}, but the sites have {value}; the file was changed or cut after check wrote it. Run check again."));
                }
            }
        }

        private JsonElement? Need(Dictionary<string, JsonElement> properties, string path, string key)
        {
            if (properties.TryGetValue(key, out var value))
            {
                return value;
            }

            Context.Report(path, $"has no \"{key}\".");
            return null;
        }

        private List<T>? Items<T>(JsonElement element, string path, Func<JsonElement, string, T?> read)
            where T : class
        {
            if (Context.Array(element, path) is not { } items)
            {
                return null;
            }

            var values = items.Select((item, i) => read(item, JsonReadContext.Item(path, i))).ToList();
            return values.Contains(null) ? null : [.. values.OfType<T>()];
        }

        private List<string>? Strings(JsonElement element, string path) =>
            Items(element, path, (item, itemPath) => Context.String(item, itemPath));

        private Uri? Url(JsonElement element, string path)
        {
            if (Context.String(element, path) is not { } text)
            {
                return null;
            }

            if (Uri.TryCreate(text, UriKind.Absolute, out var url))
            {
                return url;
            }

            Context.Report(path, "must be an absolute URL.");
            return null;
        }

        private Severity? Severity(JsonElement element, string path)
        {
            var text = Context.String(element, path);
            Severity? severity = text switch
            {
                "error" => Checking.Severity.Error,
                "warning" => Checking.Severity.Warning,
                _ => null,
            };
            if (text is not null && severity is null)
            {
                Context.Report(path, $"must be \"error\" or \"warning\", not {JsonReadContext.Describe(element)}.");
            }

            return severity;
        }

        private TimeSpan? Seconds(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            Context.Report(path, $"must be a number of seconds, 0 or more, not {JsonReadContext.Describe(element)}.");
            return null;
        }

        private Optional<DateTimeOffset?> Time(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return new(null, Failed: false);
            }

            if (element.ValueKind == JsonValueKind.String &&
                DateTimeOffset.TryParseExact(element.GetString(), "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return new(time, Failed: false);
            }

            Context.Report(path, $"must be a time like 2026-01-31T09:30:00.0000000+00:00, or null, not {JsonReadContext.Describe(element)}.");
            return new(null, Failed: true);
        }

        private Optional<Shard?> Shard(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return new(null, Failed: false);
            }

            if (Context.Object(element, path, ShardKeys) is not { } properties)
            {
                return new(null, Failed: true);
            }

            var count = Need(properties, path, "count") is { } c ? Context.Integer(c, path + ".count", 1, int.MaxValue) : null;
            var index = Need(properties, path, "index") is { } i && count is not null ? Context.Integer(i, path + ".index", 1, count.Value) : null;
            return index is null || count is null ? new(null, Failed: true) : new(new Checking.Shard(index.Value, count.Value), Failed: false);
        }
    }

    // A value that may rightly be null, told apart from one that could not be read.
    private readonly record struct Optional<T>(T Value, bool Failed);
}
