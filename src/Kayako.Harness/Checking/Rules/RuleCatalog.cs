namespace Kayako.Harness.Checking.Rules;

/// <summary>Every rule, in the order findings are reported for a site.</summary>
internal static class RuleCatalog
{
    public static IReadOnlyList<ISiteRule> All { get; } =
    [
        new SiteUnreachableRule(),
        new MessengerNotLoadedRule(),
        new StepFailedRule(),
        new ScriptErrorRule(),
        new CalledBeforeReadyRule(),
        new ControlBeforeLoadRule(),
        new IdentifyNeverCalledRule(),
        new IdentifyMissingArgumentsRule(),
        new IdentifyTimestampNotNumberRule(),
        new IdentifyTimestampMillisecondsRule(),
        new IdentifyTimestampStaleRule(),
        new IdentifySignatureMalformedRule(),
        new IdentifySignatureInvalidRule(),
        new ForgetCallbackNotAwaitedRule(),
        new LogoutWithoutForgetRule(),
        new TokenExposedRule(),
        new ControlStateMismatchRule(),
        new UndocumentedApiRule(),
    ];

    /// <summary>Applies every rule to one site.</summary>
    public static IReadOnlyList<Finding> Evaluate(RuleContext context) =>
        [.. All.SelectMany(rule => rule.Evaluate(context))];
}
