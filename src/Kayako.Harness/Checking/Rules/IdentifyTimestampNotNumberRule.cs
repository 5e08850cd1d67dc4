using System.Text.Json;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>identify-timestamp-not-number</c>: the timestamp argument is a string (or anything else), not a number;
/// or a number that is not a whole number of seconds.
/// </summary>
internal sealed class IdentifyTimestampNotNumberRule : ISiteRule
{
    public string Id => RuleIds.IdentifyTimestampNotNumber;

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.IdentifyCalls
            .Where(c => c.Timestamp is { ValueKind: not JsonValueKind.Number } || IsFraction(c.Timestamp))
            .Select(c => new Finding(Id, Severity.Warning, $"{c.Describe()}: " + (IsFraction(c.Timestamp)
                ? $"the timestamp {c.Timestamp!.Value.GetRawText()} is a fraction, not a whole number of seconds. " +
                  "Round it down where it is made, and sign that same number: Math.floor(Date.now() / 1000) in Node, time() in PHP."
                : $"the timestamp is {Kind(c.Timestamp!.Value)}, not a number. Print it unquoted: " +
                  "kayako.identify(name, email, signature, <?= $timestamp ?>) in PHP, or ${timestamp} without quotes in a Node template.")));

    // Date.now() / 1000 without Math.floor: a number, but not the whole Unix seconds Kayako signs and checks.
    private static bool IsFraction(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } n && !n.TryGetInt64(out _);

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
