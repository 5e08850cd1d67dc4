namespace Kayako.Harness.Checking.Rules;

/// <summary>What a finding id means and how to fix it, as the README's "What each finding means" table says it (Markdown).</summary>
/// <param name="Id">The finding id (<see cref="RuleIds"/>).</param>
/// <param name="Severity">The severity its findings have.</param>
/// <param name="Means">What happened on the page, in Markdown.</param>
/// <param name="Fix">How to fix it, in Markdown.</param>
internal sealed record RuleDescription(string Id, Severity Severity, string Means, string Fix);
