namespace Kayako.Harness.Checking.Rules;

/// <summary>One rule of the catalogue (docs/ARCHITECTURE.md): looks at what happened on a site and says what was wrong.</summary>
internal interface ISiteRule
{
    /// <summary>The finding id this rule reports (<see cref="RuleIds"/>).</summary>
    string Id { get; }

    /// <summary>The findings for one site; empty when the site follows the rule.</summary>
    IEnumerable<Finding> Evaluate(RuleContext context);
}
