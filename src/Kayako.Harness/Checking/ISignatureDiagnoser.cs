namespace Kayako.Harness.Checking;

/// <summary>
/// Explains why a signature does not verify (<c>field-order</c>, <c>timestamp-milliseconds</c>, ...), so
/// <see cref="RuleIds.IdentifySignatureInvalid"/> findings carry a cause. The check works without one: the
/// finding then has no cause.
/// </summary>
public interface ISignatureDiagnoser
{
    /// <summary>Diagnoses one identify call whose signature did not verify.</summary>
    /// <param name="name">The name passed to <c>identify</c>.</param>
    /// <param name="email">The email passed to <c>identify</c>.</param>
    /// <param name="token">The messenger token.</param>
    /// <param name="timestamp">The timestamp passed to <c>identify</c>.</param>
    /// <param name="signature">The signature passed to <c>identify</c>.</param>
    /// <returns>A DESIGN.md cause id (<c>no-match</c> when nothing explains it), or <see langword="null"/> when diagnosis is unavailable.</returns>
    string? Diagnose(string name, string email, string token, long timestamp, string signature);
}
