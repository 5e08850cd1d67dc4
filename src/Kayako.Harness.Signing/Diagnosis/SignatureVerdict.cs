namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// The answer to a <see cref="SignatureReport"/>: valid, or which mistake (or pair of mistakes) produced exactly the
/// signature that was sent, with what the sender signed, what Kayako expects, and the fix. Never holds the token:
/// shown messages carry <see cref="TokenRedactor.Mask"/> where the token goes, and the report's own values (name,
/// email, signature) are shown through <see cref="TokenRedactor"/>.
/// </summary>
public sealed record SignatureVerdict
{
    /// <summary><see langword="true"/> when the signature is exactly what Kayako computes for the report.</summary>
    public required bool Valid { get; init; }

    /// <summary>
    /// <c>valid</c>, <c>no-match</c>, one cause of <see cref="DiagnosisCause"/>, or two or more joined with <c>+</c>
    /// in <see cref="DiagnosisCause.PipelineOrder"/> (<c>timestamp-milliseconds+uppercase-hex</c>).
    /// </summary>
    public required string Cause { get; init; }

    /// <summary>The causes one by one (empty when valid or when nothing matched).</summary>
    public required IReadOnlyList<string> Causes { get; init; }

    /// <summary>
    /// One line per cause saying exactly what the sender did, for example
    /// <c>signed 1764000003, 3 s after the timestamp sent (1764000000)</c>.
    /// </summary>
    public required IReadOnlyList<string> Details { get; init; }

    /// <summary>The signature Kayako expects (64 lowercase hex digits), or <see langword="null"/> without a token.</summary>
    public string? Expected { get; init; }

    /// <summary>The signature as it was sent (through <see cref="TokenRedactor"/>, should it hold the token).</summary>
    public required string Observed { get; init; }

    /// <summary>
    /// The message Kayako signs, with invisible characters made visible (<c>␠</c>, <c>\t</c>, <c>\n</c>,
    /// <c>\u200B</c>) and the token shown as <see cref="TokenRedactor.Mask"/>.
    /// </summary>
    public required string Message { get; init; }

    /// <summary>
    /// The message the sender signed, shown the same way, or <see langword="null"/> when no explanation matched.
    /// With <c>key-and-message-swapped</c> it is the text that was used as the key.
    /// </summary>
    public string? SenderMessage { get; init; }

    /// <summary>How the sender computed the signature, in words (algorithm, key, text encoding, digest encoding).</summary>
    public string? SenderComputation { get; init; }

    /// <summary>The correct computation as one line of PHP, with a comment about the mistake.</summary>
    public required string FixPhp { get; init; }

    /// <summary>The correct computation as one line of Node, with a comment about the mistake.</summary>
    public required string FixNode { get; init; }

    /// <summary>Observations that are not causes: a millisecond-sized timestamp, a truncated signature, a limited search.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>How the observed signature was made, for <c>diagnose --reproduce</c>; <see langword="null"/> when unknown.</summary>
    internal SenderRecipe? Recipe { get; init; }
}
