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

            if (step.Identified == false && IdentifiedAt(context, result.LogEnd) is { } call)
            {
                yield return new Finding(Id, Severity.Error,
                    $"{step.Describe()} at {step.JsonPath}: expected no identified user, but {call.Describe()} ran. " +
                    "Only call identify for a signed-in user, and call kayako.forget on sign-out.",
                    Step: step.Index);
            }
        }
    }

    // The identify that still holds at this point of the log: the last one, unless forget was called after it
    // (a sign-out that forgets correctly leaves no identified user, even on the same page).
    private static IdentifyCall? IdentifiedAt(RuleContext context, long logEnd)
    {
        var last = context.IdentifyCalls.LastOrDefault(c => c.Entry.Sequence < logEnd);
        return last is not null && context.Entries.Any(e =>
            e is { Kind: CallLogEntryKind.Call, Name: "forget" } && e.Sequence > last.Entry.Sequence && e.Sequence < logEnd)
            ? null
            : last;
    }

    private static string Method(MessengerVisibility visibility) => visibility switch
    {
        MessengerVisibility.Maximized => "kayako.maximize() (and kayako.show() if it was hidden)",
        MessengerVisibility.Minimized => "kayako.minimize() (and kayako.show() if it was hidden)",
        _ => "kayako.hide()",
    };
}
