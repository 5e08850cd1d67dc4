namespace Kayako.Harness.Checking.Rules;

/// <summary><c>identify-timestamp-milliseconds</c>: the timestamp is in milliseconds; Kayako expects Unix seconds.</summary>
internal sealed class IdentifyTimestampMillisecondsRule : ISiteRule
{
    public string Id => RuleIds.IdentifyTimestampMilliseconds;

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.IdentifyCalls
            .Where(c => c.TimestampValue is { } t && TimestampScale.IsMilliseconds(t))
            .Select(c => new Finding(Id, Severity.Error,
                $"{c.Describe()}: the timestamp {c.TimestampValue} is in milliseconds; Kayako expects Unix seconds, so the identity is rejected. " +
                "Sign and pass seconds: time() in PHP, Math.floor(Date.now() / 1000) in Node."));
}
