using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;
using Kayako.Harness.Signing.Diagnosis;

namespace Kayako.Harness.Checking;

/// <summary>Everything the rules judge for one site: the call log, the steps played and what the browser could see.</summary>
internal sealed record RuleContext(
    SiteDefinition Site,
    MessengerSettings Options,
    IReadOnlyList<CallLogEntry> Entries,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<TokenExposure> Exposures,
    string? Token,
    string? UnreachableReason = null,
    IReadOnlyList<EarlyClick>? EarlyClicksPlayed = null)
{
    /// <summary>The clicks played before the messenger loaded (none when the site has no clicks or the pass is off).</summary>
    public IReadOnlyList<EarlyClick> EarlyClicks => EarlyClicksPlayed ?? [];

    /// <summary>The <c>identify</c> calls that ran after the messenger loaded, in order.</summary>
    public IEnumerable<IdentifyCall> IdentifyCalls =>
        Entries.OfType<MessengerCall>().Where(c => c.Method == "identify").Select(IdentifyCall.From);

    /// <summary>
    /// The cause <see cref="SignatureDiagnosis"/> (the search <c>diagnose</c> runs) finds for a call's signature
    /// (<c>field-order</c>, <c>uppercase-hex</c>, <c>no-match</c>...), or <see langword="null"/> when it cannot be
    /// diagnosed: no token, or the name, email, signature or timestamp missing.
    /// </summary>
    public string? DiagnosedCause(IdentifyCall call) =>
        Token is { Length: > 0 } token &&
        call is { Name: { } name, Email: { } email, SignatureText: { Length: > 0 } signature, TimestampValue: { } timestamp }
            ? SignatureDiagnosis.Diagnose(new SignatureReport(name, email, token, timestamp, signature)).Cause
            : null;

    /// <summary>Whether the site was opened at all; most rules have nothing to say otherwise.</summary>
    public bool Opened => UnreachableReason is null;
}
