namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>control-before-load</c>: clicked before the messenger loaded (a slow network, see
/// <see cref="ClicksBeforeLoadPass"/>), a control's handler called the messenger outside <c>ready</c>, which
/// threw: the visitor's click did nothing.
/// </summary>
internal sealed class ControlBeforeLoadRule : ISiteRule
{
    public string Id => RuleIds.ControlBeforeLoad;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var click in context.EarlyClicks)
        {
            foreach (var failure in click.Failures)
            {
                var call = CallFormatter.Call(failure);
                yield return new Finding(Id, Severity.Error,
                    $"{click.Step.Describe()} at {click.Step.JsonPath}, clicked before the messenger loaded (as on a slow network), " +
                    $"ran {call}, which threw (\"{failure.Thrown}\"): the click did nothing. " +
                    $"Wrap the call, kayako.ready(function () {{ {call}; }}), or keep the control disabled until a kayako.ready callback enables it.",
                    Step: click.Step.Index);
            }
        }
    }
}
