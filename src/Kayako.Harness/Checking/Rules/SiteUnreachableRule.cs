namespace Kayako.Harness.Checking.Rules;

/// <summary><c>site-unreachable</c>: the site's URL could not be opened, so nothing else was checked.</summary>
internal sealed class SiteUnreachableRule : ISiteRule
{
    public string Id => RuleIds.SiteUnreachable;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (context.UnreachableReason is { } reason)
        {
            yield return new Finding(Id, Severity.Error,
                $"Could not open {context.Site.Url} ({context.Site.JsonPath}): {reason.TrimEnd('.')}. Nothing else was checked on this site. " +
                "Check that the server is running and the URL is right.");
        }
    }
}
