using Kayako.Harness.Messenger;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>control-state-mismatch</c>: an expect step saw the messenger in another state than it names
/// (<c>visibility</c>), or an identified user where <c>identified: false</c> expects none.
/// </summary>
internal sealed class ControlStateMismatchRule : ISiteRule
{
    public string Id => RuleIds.ControlStateMismatch;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var result in context.Steps)
        {
            if (result.Step is not ExpectStep step || result.Outcome == StepOutcome.NotRun)
            {
                continue;
            }

            if (step.Visibility is { } expected && result.ObservedVisibility != expected)
            {
                var seen = result.ObservedVisibility is { } observed ? $"'{observed.ToWireName()}'" : "no messenger at all (it never loaded)";
                yield return new Finding(Id, Severity.Error,
                    $"{step.Describe()} at {step.JsonPath}: expected visibility() to be '{expected.ToWireName()}' but it was {seen}. " +
                    $"Check the control before this step calls {Method(expected)} inside kayako.ready, and that nothing later undoes it.",
                    Step: step.Index);
            }

            if (step.Identified == false && context.IdentifyCalls.FirstOrDefault(c => c.Entry.Sequence < result.LogEnd) is { } call)
            {
                yield return new Finding(Id, Severity.Error,
                    $"{step.Describe()} at {step.JsonPath}: expected no identified user, but {call.Describe()} ran. " +
                    "Only call identify for a signed-in user, and call kayako.forget on sign-out.",
                    Step: step.Index);
            }
        }
    }

    private static string Method(MessengerVisibility visibility) => visibility switch
    {
        MessengerVisibility.Maximized => "kayako.maximize() (and kayako.show() if it was hidden)",
        MessengerVisibility.Minimized => "kayako.minimize() (and kayako.show() if it was hidden)",
        _ => "kayako.hide()",
    };
}
