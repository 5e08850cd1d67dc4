using System.Text.Json;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>identify-signature-malformed</c>: the signature is neither <c>''</c> nor 64 lowercase hex digits. With the
/// token known, carries the diagnosed cause when the diagnoser finds one.
/// </summary>
internal sealed class IdentifySignatureMalformedRule : ISiteRule
{
    public string Id => RuleIds.IdentifySignatureMalformed;

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.IdentifyCalls
            .Where(c => c.Signature is not null && !SignatureForm.IsWellFormed(c.Signature))
            .Select(c => (Call: c, Cause: Diagnose(context, c)))
            .Select(x => new Finding(Id, Severity.Error,
                $"{x.Call.Describe()}: the signature is {What(x.Call.Signature!.Value)}" +
                (x.Cause is null ? "" : $" (diagnosed cause: {x.Cause})") +
                "; it must be 64 lowercase hex digits (or '' without identity verification). " +
                "Use the hex digest: hash_hmac('sha256', $name . $email . $token . $timestamp, $token) in PHP, " +
                "crypto.createHmac('sha256', token).update(name + email + token + timestamp).digest('hex') in Node.",
                Cause: x.Cause));

    // With the token known, the diagnoser can often say what produced the wrong shape (upper-case hex, a
    // base64 digest, HMAC-SHA1): the backend engineer then knows which line to change. No match says nothing.
    private static string? Diagnose(RuleContext context, IdentifyCall call) =>
        context is { Token: { Length: > 0 } token, Diagnoser: { } diagnoser } &&
        call is { Name: { } name, Email: { } email, SignatureText: { Length: > 0 } signature, TimestampValue: { } timestamp } &&
        diagnoser.Diagnose(name, email, token, timestamp, signature) is { } cause && cause is not ("no-match" or "valid")
            ? cause
            : null;

    private static string What(JsonElement signature)
    {
        if (signature.ValueKind != JsonValueKind.String)
        {
            return signature.ValueKind == JsonValueKind.Object ? "not a string" : $"not a string but {signature.GetRawText()}";
        }

        var text = signature.GetString()!;
        if (text.Length == 44 && text.EndsWith('='))
        {
            return "44 characters ending in '=' (a base64 digest, not hex)";
        }

        if (text.All(char.IsAsciiHexDigit))
        {
            return text.Any(char.IsAsciiLetterUpper)
                ? $"{text.Length} hex digits in upper case"
                : $"{text.Length} hex digits, not 64 (HMAC-SHA1 gives 40, HMAC-SHA512 128)";
        }

        return $"{text.Length} characters that are not all lowercase hex digits";
    }
}
