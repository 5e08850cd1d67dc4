using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>called-before-ready</c>: the page called a messenger method on the snippet's <c>window.kayako</c>
/// before the messenger script loaded. In production that call throws and does nothing.
/// </summary>
internal sealed class CalledBeforeReadyRule : ISiteRule
{
    public string Id => RuleIds.CalledBeforeReady;

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.Entries
            .OfType<CallBeforeReady>()
            .Select(e => new Finding(Id, Severity.Error,
                $"{CallFormatter.Describe(e)} ran before the messenger loaded, so it threw (\"{e.Thrown}\") and did nothing. Call it inside ready: " +
                $"kayako.ready(function () {{ {CallFormatter.Call(e)}; }});" +
                (MessengerSurface.UndocumentedMethods.Contains(e.Method)
                    ? $" (kayako.{e.Method} works once the messenger loaded, but Kayako's public docs do not list it.)"
                    : "")));
}
