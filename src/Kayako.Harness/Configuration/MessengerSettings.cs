namespace Kayako.Harness.Configuration;

/// <summary>The <c>messenger</c> section: how the messenger script is recognised and how identify calls are judged.</summary>
/// <param name="ScriptUrl">
/// Glob patterns (Playwright's syntax: <c>*</c> within a path segment, <c>**</c> across segments) for the
/// messenger script URL the site's snippet loads; requests that match are answered with the stub.
/// </param>
/// <param name="TokenEnv">
/// The environment variable holding the identity-verification token, or <see langword="null"/>. When it is
/// unset, signatures are checked for form only and token exposure cannot be checked; reports say so.
/// </param>
/// <param name="TimestampToleranceSeconds">How far an identify timestamp may be from the browser's clock.</param>
/// <param name="ForgetLatencyMs">How long the fake API takes to answer <c>forget</c>, so pages that do not wait for it are caught.</param>
/// <param name="ClicksBeforeLoad">
/// Whether a site with click steps is also played on a slow network: its clicks while the messenger script is
/// held back, then the script, so a control that calls the messenger outside <c>ready</c> is caught
/// (<c>control-before-load</c>).
/// </param>
public sealed record MessengerSettings(
    IReadOnlyList<string> ScriptUrl,
    string? TokenEnv,
    int TimestampToleranceSeconds,
    int ForgetLatencyMs,
    bool ClicksBeforeLoad = true)
{
    /// <summary>The defaults: Kayako's CDN, <c>KAYAKO_MESSENGER_TOKEN</c>, 300 s, 200 ms, clicks before load played.</summary>
    public static MessengerSettings Default { get; } =
        new(["https://*.kayakocdn.com/messenger**"], "KAYAKO_MESSENGER_TOKEN", 300, 200);
}
