using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking.Rules;

/// <summary><c>logout-without-forget</c>: a step marked <c>"logout": true</c> signed out an identified user and no <c>forget</c> ran.</summary>
internal sealed class LogoutWithoutForgetRule : ISiteRule
{
    public string Id => RuleIds.LogoutWithoutForget;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var result in context.Steps.Where(s => s.Step.IsLogout && s.Outcome == StepOutcome.Passed))
        {
            var lastIdentify = context.IdentifyCalls.LastOrDefault(c => c.Entry.Sequence < result.LogEnd);
            if (lastIdentify is null)
            {
                continue;
            }

            var forgot = context.Entries.Any(e =>
                e is MessengerCall { Method: "forget" } &&
                e.Sequence > lastIdentify.Entry.Sequence && e.Sequence < result.LogEnd);
            if (!forgot)
            {
                yield return new Finding(Id, Severity.Error,
                    $"{result.Step.Describe()} at {result.Step.JsonPath} signs the user out, but the page never called kayako.forget after " +
                    $"{CallFormatter.Call(lastIdentify.Entry)}; the messenger keeps the signed-out user's identity and conversations. " +
                    "Call forget first and sign out in its callback: kayako.forget(function () { window.location.href = '/logout'; });",
                    Step: result.Step.Index);
            }
        }
    }
}
