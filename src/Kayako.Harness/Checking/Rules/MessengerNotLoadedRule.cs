using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>messenger-not-loaded</c>: the site never requested a script matching <c>messenger.scriptUrl</c> (no
/// embed snippet, a snippet that broke, a Content-Security-Policy that refused the script, or a script URL the
/// patterns do not match), or requested it and the messenger never took over.
/// </summary>
internal sealed class MessengerNotLoadedRule : ISiteRule
{
    public string Id => RuleIds.MessengerNotLoaded;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (!context.Opened)
        {
            yield break;
        }

        var patterns = string.Join(", ", context.Options.ScriptUrl);
        if (!context.Entries.OfType<ScriptRequested>().Any() && context.Entries.OfType<ScriptRefused>().FirstOrDefault() is { } refused)
        {
            yield return new Finding(Id, Severity.Error,
                $"{context.Site.Url}'s Content-Security-Policy refused the messenger script {refused.ScriptUrl} (directive \"{refused.Directive}\"), " +
                $"so the browser never loaded it and no visitor sees the messenger. Allow it in script-src: add {Origin(refused.ScriptUrl)} " +
                "(or, with a nonce on the snippet's script, 'strict-dynamic').");
        }
        else if (!context.Entries.OfType<ScriptRequested>().Any())
        {
            yield return new Finding(Id, Severity.Error,
                $"{context.Site.Url} never requested the messenger script (no request matched messenger.scriptUrl: {patterns}). " +
                "Add Kayako's embed snippet to the page, check the browser console for an error that stopped it, " +
                "or add the script URL your snippet loads to messenger.scriptUrl.");
        }
        else if (!context.Entries.OfType<MessengerLoaded>().Any())
        {
            yield return new Finding(Id, Severity.Error,
                $"{context.Site.Url} requested the messenger script but the messenger never loaded. The snippet must create " +
                "window.kayako (with readyQueue and ready) before the script runs; paste Kayako's embed snippet unchanged.");
        }
    }

    // https://tenant.kayakocdn.com for a script there; the whole URL when it has no origin to allow.
    private static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.GetLeftPart(UriPartial.Authority) : url;
}
