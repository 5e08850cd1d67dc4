using System.Text.Json;

namespace Kayako.Harness.Checking.Rules;

/// <summary><c>identify-signature-malformed</c>: the signature is neither <c>''</c> nor 64 lowercase hex digits.</summary>
internal sealed class IdentifySignatureMalformedRule : ISiteRule
{
    public string Id => RuleIds.IdentifySignatureMalformed;

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.IdentifyCalls
            .Where(c => c.Signature is not null && !SignatureForm.IsWellFormed(c.Signature))
            .Select(c => new Finding(Id, Severity.Error,
                $"{c.Describe()}: the signature is {What(c.Signature!.Value)}; it must be 64 lowercase hex digits (or '' without identity verification). " +
                "Use the hex digest: hash_hmac('sha256', $name . $email . $token . $timestamp, $token) in PHP, " +
                "crypto.createHmac('sha256', token).update(name + email + token + timestamp).digest('hex') in Node."));

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

        return text.Any(char.IsAsciiLetterUpper) && text.All(char.IsAsciiHexDigit)
            ? $"{text.Length} hex digits in upper case"
            : $"{text.Length} characters that are not all lowercase hex digits";
    }
}
