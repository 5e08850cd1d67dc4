using System.Text;

namespace Kayako.Harness.Signing;

/// <summary>
/// The four values a signature covers, as a site's backend passes them to the signer:
/// <c>name + email + token + timestamp</c>.
/// </summary>
/// <param name="Name">The user's name, exactly as passed to <c>identify</c>.</param>
/// <param name="Email">The user's email, exactly as passed to <c>identify</c>.</param>
/// <param name="Token">The messenger token (the HMAC key). Never printed: <see cref="ToString"/> leaves it out.</param>
/// <param name="Timestamp">Unix seconds, exactly as passed to <c>identify</c>.</param>
public sealed record SignatureInput(string Name, string Email, string Token, long Timestamp)
{
    /// <summary>The signature C# computes for these values.</summary>
    public string Sign() => MessengerSignature.Compute(Name, Email, Token, Timestamp);

    // Records print every member by default; the token is a secret, so it is left out of ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name)
            .Append(", Email = ").Append(Email)
            .Append(", Token = (hidden), Timestamp = ").Append(Timestamp);
        return true;
    }
}
