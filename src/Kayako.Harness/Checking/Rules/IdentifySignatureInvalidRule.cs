using Kayako.Harness.Signing;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>identify-signature-invalid</c>: the token is known and a well-formed signature does not verify
/// against the name, email and timestamp the page passed. Carries the cause the diagnosis finds. An empty signature is not checked: Kayako's docs allow it to identify a user without their
/// conversation history (an <c>identified: "verified"</c> expectation is what demands a signature).
/// </summary>
internal sealed class IdentifySignatureInvalidRule : ISiteRule
{
    public string Id => RuleIds.IdentifySignatureInvalid;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (context.Token is not { Length: > 0 } token)
        {
            yield break;
        }

        foreach (var call in context.IdentifyCalls)
        {
            if (call is not { Name: { } name, Email: { } email, SignatureText: { Length: > 0 } signature, TimestampValue: { } timestamp } ||
                !SignatureForm.Of(signature).IsWellFormed ||
                MessengerSignature.Verify(name, email, token, timestamp, signature))
            {
                continue;
            }

            var cause = context.DiagnosedCause(call);
            var why = "the signature does not match name + email + token + timestamp signed with the token" +
                      (cause is null ? "" : $" (diagnosed cause: {cause})");
            yield return new Finding(Id, Severity.Error,
                $"{call.Describe()}: {why}, so Kayako rejects the identity and the user's conversations do not show up. " +
                "Sign exactly what you pass, in this order: hash_hmac('sha256', $name . $email . $token . $timestamp, $token) in PHP, " +
                "crypto.createHmac('sha256', token).update(name + email + token + timestamp).digest('hex') in Node.",
                Cause: cause);
        }
    }
}
