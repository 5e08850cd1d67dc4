namespace Kayako.Harness.Checking.Rules;

/// <summary><c>step-failed</c>: a step could not be played (its selector matched nothing, or it timed out).</summary>
internal sealed class StepFailedRule : ISiteRule
{
    public string Id => RuleIds.StepFailed;

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.Steps
            .Where(s => s.Outcome == StepOutcome.Failed)
            .Select(s => new Finding(Id, Severity.Error,
                $"{s.Step.Describe()} at {s.Step.JsonPath} on {context.Site.Name} failed: {s.Error} " +
                "Fix the selector or the page, or the step in the configuration.",
                Step: s.Step.Index));
}
