namespace Kayako.Harness.Checking;

/// <summary>One way a site misuses the messenger, with the evidence and the fix.</summary>
/// <param name="Rule">The rule id (<see cref="RuleIds"/>), stable across versions: CI filters on it.</param>
/// <param name="Severity">Whether the finding fails the check.</param>
/// <param name="Message">What happened, where (page, step, call and arguments) and how to fix it. Never contains the token.</param>
/// <param name="Cause">For <see cref="RuleIds.IdentifySignatureInvalid"/> and <see cref="RuleIds.IdentifySignatureMalformed"/>: the diagnosed cause (<c>field-order</c>, <c>uppercase-hex</c>, ...), when known.</param>
/// <param name="Step">The index of the step the finding is about, when it is about one.</param>
public sealed record Finding(string Rule, Severity Severity, string Message, string? Cause = null, int? Step = null);
