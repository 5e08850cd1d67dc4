using Kayako.Harness.Signing;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking;

/// <summary>Turns a call log into timeline lines for reports, with the token blanked out.</summary>
internal static class TimelineBuilder
{
    public static IReadOnlyList<TimelineEntry> Build(IReadOnlyList<CallLogEntry> entries, IReadOnlyList<StepResult> steps, TokenRedactor redactor)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var origin = entries[0].Timestamp;
        return [.. entries.Select(e => new TimelineEntry(
            e.Sequence,
            Math.Round((e.Timestamp - origin).TotalMilliseconds, 1),
            e.Kind.ToString(),
            redactor.Redact(Text(e)),
            redactor.Redact(e.PageUrl),
            steps.FirstOrDefault(s => s.LogStart <= e.Sequence && e.Sequence < s.LogEnd)?.Step.Index))];
    }

    // Calls read as the page wrote them (kayako.identify(...)); every other entry reads as it does in the log.
    private static string Text(CallLogEntry entry) => entry switch
    {
        MessengerCall call => CallFormatter.Call(call) + (call.Returned is { } returned ? $" returned {CallFormatter.Value(returned)}" : ""),
        CallBeforeReady call => $"{CallFormatter.Call(call)} threw {call.Thrown}",
        _ => entry.Summary,
    };
}
