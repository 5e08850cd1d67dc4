using Kayako.Harness.Messenger;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>control-state-mismatch</c>: an expect step saw the messenger in another state than it names
/// (<c>visibility</c>), an identified user where <c>identified: false</c> expects none, or an identity that is
/// not verified (an empty signature, or no token to verify with) where <c>identified: "verified"</c> demands one.
/// A signature that does not verify is reported by its own rules.
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

            if (step.Identified == ExpectedIdentity.Verified && IdentifiedAt(context, result.LogEnd) is { } identified &&
                UnverifiedBecause(context, identified) is { } reason)
            {
                yield return new Finding(Id, Severity.Error,
                    $"{step.Describe()} at {step.JsonPath}: expected a verified identity, but {identified.Describe()} {reason}",
                    Step: step.Index);
            }

            if (step.Identified == ExpectedIdentity.NotIdentified && IdentifiedAt(context, result.LogEnd) is { } call)
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
            e is MessengerCall { Method: "forget" } && e.Sequence > last.Entry.Sequence && e.Sequence < logEnd)
            ? null
            : last;
    }

    private static string? UnverifiedBecause(RuleContext context, IdentifyCall call) => call.SignatureText switch
    {
        "" => "passed an empty signature: the user is identified without their conversation history. " +
              "Sign name + email + token + timestamp on the server and pass the hex digest.",
        not null when context.Token is not { Length: > 0 } => "cannot be verified: the messenger token is not set. " +
              (context.Options.TokenEnv is { } variable
                  ? $"Set {variable} (messenger.tokenEnv) to the identity-verification token."
                  : "Name the environment variable that holds the identity-verification token in messenger.tokenEnv."),
        _ => null,
    };

    private static string Method(MessengerVisibility visibility) => visibility switch
    {
        MessengerVisibility.Maximized => "kayako.maximize() (and kayako.show() if it was hidden)",
        MessengerVisibility.Minimized => "kayako.minimize() (and kayako.show() if it was hidden)",
        _ => "kayako.hide()",
    };
}
