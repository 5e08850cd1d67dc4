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

    private static string Text(CallLogEntry entry) => entry.Kind switch
    {
        CallLogEntryKind.Call or CallLogEntryKind.CallBeforeReady =>
            CallFormatter.Call(entry) + (entry.Detail is null ? "" : $" — {entry.Detail}"),
        CallLogEntryKind.Event => entry.Name + (entry.Detail is null ? "" : $" — {entry.Detail}"),
        CallLogEntryKind.Loaded => "the messenger loaded",
        CallLogEntryKind.Request or CallLogEntryKind.Response => $"{entry.Name}: {entry.Detail}",
        _ => entry.Detail ?? entry.Name,
    };
}
