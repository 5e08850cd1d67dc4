using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking.Rules;

/// <summary><c>identify-never-called</c>: an <c>expect: { identified: true }</c> (or <c>"verified"</c>) step came and no <c>identify</c> had run.</summary>
internal sealed class IdentifyNeverCalledRule : ISiteRule
{
    public string Id => RuleIds.IdentifyNeverCalled;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (!context.Opened)
        {
            yield break;
        }

        foreach (var result in context.Steps)
        {
            if (result.Step is ExpectStep { Identified: ExpectedIdentity.Identified or ExpectedIdentity.Verified } step && result.Outcome != StepOutcome.NotRun &&
                !context.IdentifyCalls.Any(c => c.Entry.Sequence < result.LogEnd))
            {
                yield return new Finding(Id, Severity.Error,
                    $"{step.Describe()} at {step.JsonPath} expected an identified user on {context.Site.Name}, but the page never called " +
                    "kayako.identify. Call it once the user is signed in: kayako.ready(function () { kayako.identify(name, email, signature, timestamp); });",
                    Step: step.Index);
            }
        }
    }
}
