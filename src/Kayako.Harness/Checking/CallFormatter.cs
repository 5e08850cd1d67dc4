using System.Text.Json;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking;

/// <summary>Renders messenger calls the way a developer would write them, for messages and the HTML timeline.</summary>
internal static class CallFormatter
{
    /// <summary><c>kayako.identify("Ann", "ann@example.com", "…", 1700000000) on https://…/account</c>.</summary>
    public static string Describe(MessengerCall call) => $"{Call(call)} on {call.PageUrl}";

    /// <summary><c>kayako.maximize(…) on https://…/account</c>: a call made before load is known only from the error it threw.</summary>
    public static string Describe(CallBeforeReady call) => $"{Call(call)} on {call.PageUrl}";

    /// <summary><c>kayako.identify("Ann", "ann@example.com", "…", 1700000000)</c>; functions show as <c>function</c>.</summary>
    public static string Call(MessengerCall call) => $"kayako.{call.Method}({string.Join(", ", call.Arguments.Select(Value))})";

    /// <summary><c>kayako.maximize(…)</c>: a call made before load is known only from the error it threw, so its arguments are unknown.</summary>
    public static string Call(CallBeforeReady call) => $"kayako.{call.Method}(…)";

    /// <summary>A value as logged: JSON, or the <c>$type</c> of a value JSON cannot hold (<c>function</c>, <c>undefined</c>).</summary>
    public static string Value(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("$type", out var type)
            ? type.GetString() ?? "?"
            : value.GetRawText();
}
