using System.Text.Json;

namespace Kayako.Harness.Checking.Rules;

/// <summary><c>identify-timestamp-not-number</c>: the timestamp argument is a string (or anything else), not a number.</summary>
internal sealed class IdentifyTimestampNotNumberRule : ISiteRule
{
    public string Id => RuleIds.IdentifyTimestampNotNumber;

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.IdentifyCalls
            .Where(c => c.Timestamp is { ValueKind: not JsonValueKind.Number })
            .Select(c => new Finding(Id, Severity.Warning,
                $"{c.Describe()}: the timestamp is {Kind(c.Timestamp!.Value)}, not a number. Print it unquoted: " +
                "kayako.identify(name, email, signature, <?= $timestamp ?>) in PHP, or ${timestamp} without quotes in a Node template."));

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
