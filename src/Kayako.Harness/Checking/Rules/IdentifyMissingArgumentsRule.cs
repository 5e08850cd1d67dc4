namespace Kayako.Harness.Checking.Rules;

/// <summary><c>identify-missing-arguments</c>: fewer than four arguments, or a name or email that is not a string.</summary>
internal sealed class IdentifyMissingArgumentsRule : ISiteRule
{
    public string Id => RuleIds.IdentifyMissingArguments;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var call in context.IdentifyCalls)
        {
            var problems = new List<string>();
            if (call.Entry.Arguments.Count < 4)
            {
                problems.Add($"it got {call.Entry.Arguments.Count} argument{(call.Entry.Arguments.Count == 1 ? "" : "s")}, not 4");
            }

            if (call.Entry.Arguments.Count > 0 && call.Name is null)
            {
                problems.Add("the name is not a string");
            }

            if (call.Entry.Arguments.Count > 1 && call.Email is null)
            {
                problems.Add("the email is not a string");
            }

            if (problems.Count > 0)
            {
                yield return new Finding(Id, Severity.Warning,
                    $"{call.Describe()}: {string.Join("; ", problems)}. Pass all four, name and email as strings: " +
                    "kayako.identify(name, email, signature, timestamp).");
            }
        }
    }
}
