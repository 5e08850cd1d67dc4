using System.Text.Json;
using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Tests.Checking;

/// <summary>Builds a hand-made call log and step results the way the stub and the runner would record them.</summary>
public sealed class HandMadeCallLog
{
    public const string Page = "https://staging.example.com/account";
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly List<CallLogEntry> entries = [];
    private readonly List<StepResult> steps = [];
    private TimeSpan elapsed;

    public IReadOnlyList<CallLogEntry> Entries => entries;

    public long Count => entries.Count;

    public HandMadeCallLog Add(CallLogEntryKind kind, string name = "", string arguments = "[]", string? detail = null, int afterMs = 5, string page = Page)
    {
        elapsed += TimeSpan.FromMilliseconds(afterMs);
        var parsed = JsonDocument.Parse(arguments).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        entries.Add(new CallLogEntry(entries.Count, kind, name, parsed, page, detail, Now + elapsed));
        return this;
    }

    /// <summary>A page that loads the messenger: navigation, script request, load.</summary>
    public HandMadeCallLog Loads(string page = Page) =>
        Add(CallLogEntryKind.Navigation, detail: page, page: page)
            .Add(CallLogEntryKind.ScriptRequested, detail: "https://cdn.kayakocdn.com/messenger.js", page: page)
            .Add(CallLogEntryKind.Loaded, page: page);

    public HandMadeCallLog Call(string method, string arguments = "[]", int afterMs = 5) =>
        Add(CallLogEntryKind.Call, method, arguments, afterMs: afterMs);

    public HandMadeCallLog Identify(string arguments) => Call("identify", arguments);

    /// <summary>Records a step around whatever <paramref name="play"/> adds to the log.</summary>
    public HandMadeCallLog Step(SiteStep step, Action<HandMadeCallLog>? play = null, StepOutcome outcome = StepOutcome.Passed,
        MessengerVisibility? observed = null, string? error = null)
    {
        var start = Count;
        play?.Invoke(this);
        steps.Add(new StepResult(step, outcome, error, start, Count, observed));
        return this;
    }

    internal RuleContext Context(string? token = null, IReadOnlyList<TokenExposure>? exposures = null,
        string? unreachable = null, int tolerance = 300, IReadOnlyList<EarlyClick>? earlyClicks = null) =>
        new(Site(steps.Select(s => s.Step).ToList()), MessengerSettings.Default with { TimestampToleranceSeconds = tolerance },
            entries, steps, exposures ?? [], token, unreachable, earlyClicks);

    public static SiteDefinition Site(IReadOnlyList<SiteStep> steps) => new("account", new Uri(Page), steps, "$.sites[0]");

    public static long Seconds => Now.ToUnixTimeSeconds();
}
