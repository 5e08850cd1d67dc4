namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>token-exposed</c>: the identity-verification token is visible to the browser. Anyone can then sign
/// any identity. The finding says where, never the token.
/// </summary>
internal sealed class TokenExposedRule : ISiteRule
{
    public string Id => RuleIds.TokenExposed;

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.Exposures.Select(exposure => new Finding(Id, Severity.Error,
            $"The messenger token is visible to the browser in {exposure.Where}. Anyone who views the page can sign in as any user. " +
            "Keep the token on the server: compute the signature there and send only the signature and timestamp to the page; " +
            "then rotate the token in Kayako's messenger settings, since it has leaked."));
}
