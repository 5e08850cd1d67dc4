using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>script-error</c>: an uncaught error in the page. Errors thrown by a call before ready are already
/// reported as <c>called-before-ready</c> and are not repeated here.
/// </summary>
internal sealed class ScriptErrorRule : ISiteRule
{
    public string Id => RuleIds.ScriptError;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var beforeReady = context.Entries
            .Where(e => e.Kind == CallLogEntryKind.CallBeforeReady && e.Detail is not null)
            .Select(e => (e.PageUrl, e.Detail!))
            .ToHashSet();

        return context.Entries
            .Where(e => e.Kind == CallLogEntryKind.PageError)
            .Where(e => e.Detail is null || !beforeReady.Any(b => b.PageUrl == e.PageUrl && e.Detail.Contains(b.Item2, StringComparison.Ordinal)))
            .Select(e => new Finding(Id, Severity.Error,
                $"Uncaught error on {e.PageUrl}: {e.Detail ?? "(no message)"}. Any script after it on the page did not run, " +
                "which can include the messenger snippet or identify. A common cause is a value printed into an inline script " +
                "without escaping (a name like O'Brien); print it with json_encode($name) in PHP or JSON.stringify(name) in Node."));
    }
}
