namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>identify-timestamp-stale</c>: the timestamp (in seconds) is further from the browser's clock at the
/// call than <c>messenger.timestampToleranceSeconds</c>. Millisecond timestamps have their own rule.
/// </summary>
internal sealed class IdentifyTimestampStaleRule : ISiteRule
{
    public string Id => RuleIds.IdentifyTimestampStale;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var call in context.IdentifyCalls)
        {
            if (call.TimestampValue is not { } timestamp || TimestampScale.IsMilliseconds(timestamp))
            {
                continue;
            }

            var skew = timestamp - call.Entry.Timestamp.ToUnixTimeSeconds();
            if (Math.Abs(skew) > context.Options.TimestampToleranceSeconds)
            {
                var direction = skew < 0 ? "behind" : "ahead of";
                yield return new Finding(Id, Severity.Error,
                    $"{call.Describe()}: the timestamp {timestamp} is {Math.Abs(skew)} s {direction} the clock when identify ran " +
                    $"(tolerance {context.Options.TimestampToleranceSeconds} s), so Kayako rejects it as expired. Compute the timestamp " +
                    "and signature on each page render (not once per session or from a cached page), and keep the server clock in sync (NTP).");
            }
        }
    }
}
