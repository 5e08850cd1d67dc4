namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// What a customer reports about a rejected identity: the values their page passed to
/// <c>kayako.identify(name, email, signature, timestamp)</c>, and the messenger token their backend signs with.
/// </summary>
/// <param name="Name">The name exactly as sent to <c>identify</c>. May be empty.</param>
/// <param name="Email">The email exactly as sent to <c>identify</c>. May be empty.</param>
/// <param name="Token">
/// The messenger token, or <see langword="null"/> when the reporter cannot share it: then only the signature's
/// form (length, case, base64 shape) and the timestamp's size are checked. It is never printed or returned.
/// </param>
/// <param name="Timestamp">The timestamp exactly as sent to <c>identify</c> (Unix seconds when correct).</param>
/// <param name="Signature">The signature exactly as sent to <c>identify</c>, whitespace included.</param>
public sealed record SignatureReport(string Name, string Email, string? Token, long Timestamp, string Signature)
{
    /// <summary>Keeps the token out of logs and debugger views: records print every property otherwise.</summary>
    /// <returns>The report with the token shown as <see cref="TokenRedactor.Mask"/>.</returns>
    public override string ToString() =>
        $"SignatureReport {{ Name = {Name}, Email = {Email}, Token = {(Token is null ? "(none)" : TokenRedactor.Mask)}, " +
        $"Timestamp = {Timestamp}, Signature = {Signature} }}";
}
