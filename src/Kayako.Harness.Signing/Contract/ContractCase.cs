namespace Kayako.Harness.Signing.Contract;

/// <summary>One input the contract signs with every implementation.</summary>
/// <param name="Label">How the case is named in reports: a vector id, or <c>random #17 (seed 42)</c>.</param>
/// <param name="Input">The values to sign.</param>
/// <param name="Expected">The stored signature for a vector; <see langword="null"/> for a random input.</param>
/// <param name="IncludePhp">
/// <see langword="false"/> for inputs PHP cannot hold (unpaired surrogates): PHP is skipped, not failed.
/// </param>
public sealed record ContractCase(string Label, SignatureInput Input, string? Expected, bool IncludePhp)
{
    /// <summary>A case for a stored vector.</summary>
    public static ContractCase From(SignatureVector vector) => new(vector.Id, vector.Input, vector.Signature, !vector.NodeOnly);
}
