namespace Kayako.Harness.Checking;

/// <summary>
/// The finding ids: the messenger rules, and <see cref="StepFailed"/> and <see cref="SiteUnreachable"/>, which
/// report a site the harness could not play as configured. The README explains each with its fix.
/// </summary>
public static class RuleIds
{
    /// <summary>A messenger method other than <c>ready</c> ran before the messenger loaded.</summary>
    public const string CalledBeforeReady = "called-before-ready";

    /// <summary>An uncaught error in the page.</summary>
    public const string ScriptError = "script-error";

    /// <summary>A step expected an identified user and no <c>identify</c> came.</summary>
    public const string IdentifyNeverCalled = "identify-never-called";

    /// <summary>Fewer than four arguments, or name/email not strings.</summary>
    public const string IdentifyMissingArguments = "identify-missing-arguments";

    /// <summary>The timestamp is not a JSON number (a quoted timestamp, say).</summary>
    public const string IdentifyTimestampNotNumber = "identify-timestamp-not-number";

    /// <summary>The timestamp is in milliseconds, not seconds.</summary>
    public const string IdentifyTimestampMilliseconds = "identify-timestamp-milliseconds";

    /// <summary>The timestamp is further from the browser's clock than the tolerance.</summary>
    public const string IdentifyTimestampStale = "identify-timestamp-stale";

    /// <summary>The signature is neither <c>''</c> nor 64 lowercase hex digits.</summary>
    public const string IdentifySignatureMalformed = "identify-signature-malformed";

    /// <summary>The token is known and the signature does not verify.</summary>
    public const string IdentifySignatureInvalid = "identify-signature-invalid";

    /// <summary>The page left before <c>forget</c>'s callback ran.</summary>
    public const string ForgetCallbackNotAwaited = "forget-callback-not-awaited";

    /// <summary>A logout step with an identified user and no <c>forget</c>.</summary>
    public const string LogoutWithoutForget = "logout-without-forget";

    /// <summary>The token is visible to the browser.</summary>
    public const string TokenExposed = "token-exposed";

    /// <summary>An <c>expect</c> step saw another messenger state.</summary>
    public const string ControlStateMismatch = "control-state-mismatch";

    /// <summary>No embed snippet, or the messenger script was never requested or never loaded.</summary>
    public const string MessengerNotLoaded = "messenger-not-loaded";

    /// <summary>A click played before the messenger loaded (slow network) threw because its handler called the messenger outside <c>ready</c>.</summary>
    public const string ControlBeforeLoad = "control-before-load";

    /// <summary>The site uses a messenger member (method, event, <c>kayako.config</c>) Kayako's public docs do not list.</summary>
    public const string UndocumentedApi = "undocumented-api";

    /// <summary>The site did not finish within its wall-clock budget (<c>siteBudgetSeconds</c>); the harness stopped it.</summary>
    public const string SiteTimedOut = "site-timed-out";

    /// <summary>A step could not be played: its selector matched nothing, or it timed out.</summary>
    public const string StepFailed = "step-failed";

    /// <summary>The site's URL could not be opened (no server, DNS failure, HTTP error status).</summary>
    public const string SiteUnreachable = "site-unreachable";
}
