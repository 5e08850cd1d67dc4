using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking;

/// <summary>Renders call log entries the way a developer would write them, for messages and the HTML timeline.</summary>
internal static class CallFormatter
{
    /// <summary><c>kayako.identify("Ann", "ann@example.com", "…", 1700000000) on https://…/account</c>.</summary>
    public static string Describe(CallLogEntry entry) => $"{Call(entry)} on {entry.PageUrl}";

    /// <summary>
    /// <c>kayako.identify("Ann", "ann@example.com", "…", 1700000000)</c>; functions show as <c>function</c>. A call
    /// made before load is known only from the error it threw, so its arguments show as <c>…</c>.
    /// </summary>
    public static string Call(CallLogEntry entry) => entry.Kind == CallLogEntryKind.CallBeforeReady
        ? $"kayako.{entry.Name}(…)"
        : $"kayako.{entry.Name}({string.Join(", ", entry.Arguments.Select(Argument))})";

    private static string Argument(System.Text.Json.JsonElement argument) =>
        argument.ValueKind == System.Text.Json.JsonValueKind.Object && argument.TryGetProperty("$type", out var type)
            ? type.GetString() ?? "?"
            : argument.GetRawText();
}
