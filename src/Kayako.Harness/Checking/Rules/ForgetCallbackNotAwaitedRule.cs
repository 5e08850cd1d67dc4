using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>forget-callback-not-awaited</c>: the page called <c>forget</c> and navigated away before forget's
/// callback ran, so the messenger session was never cleared and the next user may see the last one's chats.
/// The page left when it started to leave (<see cref="PageLeaving"/>) before the callback, even if a
/// slow navigation let the callback run in the old page meanwhile. A same-document navigation (a single-page
/// app's <c>history.pushState</c>) does not leave the page: forget's callback still runs after it, at the URL
/// navigated to, so it is not a finding.
/// </summary>
internal sealed class ForgetCallbackNotAwaitedRule : ISiteRule
{
    public string Id => RuleIds.ForgetCallbackNotAwaited;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var entries = context.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not MessengerCall { Method: "forget" } forget)
            {
                continue;
            }

            var after = entries.Skip(i + 1).TakeWhile(e => e is not MessengerCall { Method: "forget" }).ToList();
            var next = after.FirstOrDefault(e => e is PageLeaving or Navigation or ForgetCallbackRan);
            var left = next switch
            {
                PageLeaving => true,
                Navigation navigation => !after.Any(e => e is ForgetCallbackRan && e.Sequence > navigation.Sequence && e.PageUrl == navigation.Url),
                _ => false,
            };
            if (left)
            {
                var leaving = next is PageLeaving;
                var to = after.OfType<Navigation>().FirstOrDefault(e => e.Sequence >= next!.Sequence)?.Url;
                var waited = (next!.Timestamp - forget.Timestamp).TotalMilliseconds;
                yield return new Finding(Id, Severity.Error,
                    $"{CallFormatter.Describe(forget)}: the page {(leaving ? "started to leave" : "navigated")}" +
                    $"{(to is null ? "" : (leaving ? " for " : " to ") + to)} {waited:0} ms later, " +
                    "before forget's callback ran, so the messenger session was not cleared and the next user of this browser may see this user's conversations. " +
                    "Sign out inside the callback: kayako.forget(function () { window.location.href = '/logout'; });",
                    Step: StepAt(context, forget.Sequence));
            }
        }
    }

    internal static int? StepAt(RuleContext context, long sequence) =>
        context.Steps.FirstOrDefault(s => s.LogStart <= sequence && sequence < s.LogEnd)?.Step.Index;
}
