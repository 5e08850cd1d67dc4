namespace Kayako.Harness.Checking;

/// <summary>One way a site misuses the messenger, with the evidence and the fix.</summary>
/// <param name="Rule">The rule id (<see cref="RuleIds"/>), stable across versions: CI filters on it.</param>
/// <param name="Severity">Whether the finding fails the check.</param>
/// <param name="Message">What happened, where (page, step, call and arguments) and how to fix it. Never contains the token.</param>
/// <param name="Cause">For <see cref="RuleIds.IdentifySignatureInvalid"/> and <see cref="RuleIds.IdentifySignatureMalformed"/>: the diagnosed cause (<c>field-order</c>, <c>uppercase-hex</c>, ...), when known.</param>
/// <param name="Step">The index of the step the finding is about, when it is about one (for a repeated finding, its first occurrence's).</param>
public sealed record Finding(string Rule, Severity Severity, string Message, string? Cause = null, int? Step = null)
{
    /// <summary>
    /// How many times it happened on the site: the same rule with the same message is reported once, with its count
    /// (a page throwing in a loop is one <c>script-error</c>, not twenty thousand). 1 for a finding seen once.
    /// </summary>
    public int Count { get; init; } = 1;

    /// <summary>
    /// For a repeated finding, the steps it happened in, the first few in the order it first happened in each
    /// (<see langword="null"/>: while the site was opening); empty for a finding seen once, whose step is <see cref="Step"/>.
    /// </summary>
    public IReadOnlyList<int?> OccurrenceSteps { get; init; } = [];

    /// <summary>
    /// With <see cref="CheckOptions.RepeatEach"/> above 1: in how many of the site's runs this finding appeared
    /// (<see cref="SiteResult.Repeat"/> says how many runs there were); <see langword="null"/> for a site played once.
    /// </summary>
    public int? Runs { get; init; }
}
