using Kayako.Harness.Signing;
using Kayako.Harness.Signing.Diagnosis;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>identify-signature-malformed</c>: the signature is neither <c>''</c> nor 64 lowercase hex digits, in the words
/// of <see cref="SignatureForm"/> (the same <c>verify</c> and <c>diagnose</c> use). With the token known, carries the
/// diagnosed cause when the diagnosis finds one.
/// </summary>
internal sealed class IdentifySignatureMalformedRule : ISiteRule
{
    public string Id => RuleIds.IdentifySignatureMalformed;

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.IdentifyCalls
            .Where(c => c.Signature is not null)
            .Select(c => (Call: c, Form: SignatureForm.Of(c.Signature!.Value)))
            .Where(x => !x.Form.IsWellFormed && !x.Form.IsEmpty)
            .Select(x => (x.Call, x.Form, Cause: Diagnose(context, x.Call)))
            .Select(x => new Finding(Id, Severity.Error,
                $"{x.Call.Describe()}: {x.Form.Problem}" +
                (x.Cause is null ? "" : $" (diagnosed cause: {x.Cause})") +
                "; '' identifies the user without verification. " +
                "Use the hex digest: hash_hmac('sha256', $name . $email . $token . $timestamp, $token) in PHP, " +
                "crypto.createHmac('sha256', token).update(name + email + token + timestamp).digest('hex') in Node.",
                Cause: x.Cause));

    // With the token known, the diagnosis can often say what produced the wrong shape (upper-case hex, a
    // base64 digest, HMAC-SHA1): the backend engineer then knows which line to change. No match says nothing.
    private static string? Diagnose(RuleContext context, IdentifyCall call) =>
        context.DiagnosedCause(call) is { } cause && cause is not (DiagnosisCause.NoMatch or DiagnosisCause.Valid) ? cause : null;
}
