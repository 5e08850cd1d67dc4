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

    /// <summary>Appends an entry, stamped as the log would: the next sequence, <paramref name="afterMs"/> after the last.</summary>
    public HandMadeCallLog Add(CallLogEntry entry, int afterMs = 5)
    {
        elapsed += TimeSpan.FromMilliseconds(afterMs);
        entries.Add(entry with { Sequence = entries.Count, Timestamp = Now + elapsed });
        return this;
    }

    /// <summary>A page that loads the messenger: navigation, script request, load.</summary>
    public HandMadeCallLog Loads(string page = Page) => Navigate(page).ScriptRequested(page).Loaded(page);

    public HandMadeCallLog Navigate(string url = Page) => Add(new Navigation(url) { PageUrl = url });

    public HandMadeCallLog ScriptRequested(string page = Page) => Add(new ScriptRequested(ScriptUrl) { PageUrl = page });

    public HandMadeCallLog Loaded(string page = Page) =>
        Add(new MessengerLoaded(ScriptUrl, "https://acme.kayako.com/api/v1", ScriptUrl, MessengerEmbedForm.InPage) { PageUrl = page });

    public HandMadeCallLog Call(string method, string arguments = "[]", int afterMs = 5) =>
        Add(new MessengerCall(method, Json(arguments)) { PageUrl = Page }, afterMs);

    public HandMadeCallLog Identify(string arguments) => Call("identify", arguments);

    public HandMadeCallLog CallBeforeReady(string method, int line, int column) =>
        Add(new CallBeforeReady(method, $"TypeError: kayako.{method} is not a function", new ScriptLocation(Page, line, column)) { PageUrl = Page });

    public HandMadeCallLog ReadyCallback() => Add(new ReadyCallbackRan(null, null) { PageUrl = Page });

    public HandMadeCallLog Config(string json) => Add(new ConfigRead(JsonDocument.Parse(json).RootElement.Clone()) { PageUrl = Page });

    public HandMadeCallLog Request(string operation) =>
        Add(new ApiRequest(operation, "POST", $"https://acme.kayako.com/api/v1/messenger/{operation}", "{}") { PageUrl = Page });

    public HandMadeCallLog Response(string operation, int afterMs = 5) =>
        Add(new ApiResponse(operation, 200, operation == "forget" ? """{"forgotten":true}""" : "{}") { PageUrl = Page }, afterMs);

    public HandMadeCallLog ForgetCallback(string page = Page) => Add(new ForgetCallbackRan(CallbackGiven: true) { PageUrl = page });

    public HandMadeCallLog Leaving() => Add(new PageLeaving { PageUrl = Page });

    public HandMadeCallLog PageError(string message) => Add(new PageError(message, null) { PageUrl = Page });

    public HandMadeCallLog ErrorLocation(string message, int line, int column, bool inline) =>
        Add(new ErrorLocation(message, new ScriptLocation(Page, line, column), inline) { PageUrl = Page });

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

    private const string ScriptUrl = "https://acme.kayakocdn.com/messenger";

    private static List<JsonElement> Json(string arguments) =>
        [.. JsonDocument.Parse(arguments).RootElement.EnumerateArray().Select(e => e.Clone())];
}
