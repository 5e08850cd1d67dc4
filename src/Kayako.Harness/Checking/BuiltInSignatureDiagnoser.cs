using Kayako.Harness.Signing.Diagnosis;

namespace Kayako.Harness.Checking;

/// <summary>The <see cref="ISignatureDiagnoser"/> that <c>check</c> uses by default: <see cref="SignatureDiagnosis"/>, the same search <c>diagnose</c> runs.</summary>
public sealed class BuiltInSignatureDiagnoser : ISignatureDiagnoser
{
    /// <summary>The shared instance; it holds no state.</summary>
    public static BuiltInSignatureDiagnoser Instance { get; } = new();

    /// <inheritdoc />
    public string? Diagnose(string name, string email, string token, long timestamp, string signature) =>
        SignatureDiagnosis.Diagnose(new SignatureReport(name, email, token, timestamp, signature)).Cause;
}
