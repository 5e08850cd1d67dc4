namespace Kayako.Harness.Signing.Contract;

/// <summary>One entry of a signature vectors file: inputs and the signature Kayako's reference signers gave them.</summary>
/// <param name="Id">A unique, readable name such as <c>normalization-decomposed</c>.</param>
/// <param name="Description">What the vector covers and why it matters.</param>
/// <param name="Input">The values signed.</param>
/// <param name="Signature">The expected signature: 64 lowercase hex digits from PHP and Node.</param>
/// <param name="NodeOnly">
/// The input holds an unpaired UTF-16 surrogate, which a PHP string cannot hold; only Node (and C#) sign it.
/// </param>
public sealed record SignatureVector(string Id, string Description, SignatureInput Input, string Signature, bool NodeOnly)
{
    /// <inheritdoc />
    public override string ToString() => Id;
}
