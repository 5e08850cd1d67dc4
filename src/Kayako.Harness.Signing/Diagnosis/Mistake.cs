namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// One way a backend gets the signature wrong: the cause it belongs to, what exactly was done (for people), and
/// how it changes the <see cref="SenderRecipe"/>. Mistakes of the same cause change the same property, so two
/// mistakes of different causes compose.
/// </summary>
/// <param name="Cause">A <see cref="DiagnosisCause"/> name.</param>
/// <param name="Detail">What the sender did, for example <c>trimmed the name</c>.</param>
/// <param name="Stage">Where in the pipeline it applies: lower stages apply first when two are composed.</param>
/// <param name="Apply">The changed recipe.</param>
/// <param name="Pairing">
/// Which other mistakes this one is paired with. The wide timestamp search (skews beyond a minute, millisecond
/// remainders) multiplies the work of every pair, so it is paired less, to keep one diagnosis within 100 ms.
/// </param>
internal sealed record Mistake(
    string Cause,
    string Detail,
    int Stage,
    Func<SenderRecipe, SenderRecipe> Apply,
    MistakePairing Pairing = MistakePairing.All)
{
    public bool IsTimestamp => Cause is DiagnosisCause.TimestampMilliseconds or DiagnosisCause.TimestampSkew;

    public bool IsAlgorithm => Cause is DiagnosisCause.WrongAlgorithm or DiagnosisCause.KeyAndMessageSwapped;

    public bool IsMessage => !IsTimestamp && !IsAlgorithm;

    public bool PairsWith(Mistake other) => Pairing switch
    {
        MistakePairing.All => true,
        MistakePairing.AlgorithmsOnly => other.IsAlgorithm,
        _ => false,
    };
}
