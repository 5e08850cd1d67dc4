using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking;

/// <summary>Everything the rules judge for one site: the call log, the steps played and what the browser could see.</summary>
internal sealed record RuleContext(
    SiteDefinition Site,
    MessengerSettings Options,
    IReadOnlyList<CallLogEntry> Entries,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<TokenExposure> Exposures,
    string? Token,
    ISignatureDiagnoser? Diagnoser = null,
    string? UnreachableReason = null,
    IReadOnlyList<EarlyClick>? EarlyClicksPlayed = null)
{
    /// <summary>The clicks played before the messenger loaded (none when the site has no clicks or the pass is off).</summary>
    public IReadOnlyList<EarlyClick> EarlyClicks => EarlyClicksPlayed ?? [];

    /// <summary>The <c>identify</c> calls that ran after the messenger loaded, in order.</summary>
    public IEnumerable<IdentifyCall> IdentifyCalls =>
        Entries.OfType<MessengerCall>().Where(c => c.Method == "identify").Select(IdentifyCall.From);

    /// <summary>Whether the site was opened at all; most rules have nothing to say otherwise.</summary>
    public bool Opened => UnreachableReason is null;
}
