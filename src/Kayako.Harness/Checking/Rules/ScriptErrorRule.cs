using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>script-error</c>: an uncaught error in the page. The TypeError a call before ready throws is already
/// reported as <c>called-before-ready</c> and is not repeated here.
/// </summary>
internal sealed class ScriptErrorRule : ISiteRule
{
    public string Id => RuleIds.ScriptError;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var beforeReady = context.Entries
            .Where(e => e.Kind == CallLogEntryKind.CallBeforeReady)
            .Select(e => (e.PageUrl, Message: $"kayako.{e.Name} is not a function"))
            .ToList();

        return context.Entries
            .Where(e => e.Kind == CallLogEntryKind.PageError)
            .Where(e => !beforeReady.Any(b => b.PageUrl == e.PageUrl && (e.Detail ?? "").Contains(b.Message, StringComparison.Ordinal)))
            .Select(e => new Finding(Id, Severity.Error,
                $"Uncaught error on {e.PageUrl}: {e.Detail ?? "(no message)"}. Any script after it on the page did not run, " +
                "which can include the messenger snippet or identify. A common cause is a value printed into an inline script " +
                "without escaping (a name like O'Brien); print it with json_encode($name) in PHP or JSON.stringify(name) in Node."));
    }
}
