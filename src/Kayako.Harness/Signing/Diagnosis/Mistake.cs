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
/// <param name="PairsWithMessageMistakes">
/// <see langword="false"/> for the wide timestamp search (large skews, millisecond remainders), which is tried on
/// its own and with algorithm mistakes but not with every message mistake, to keep one diagnosis within 100 ms.
/// </param>
internal sealed record Mistake(
    string Cause,
    string Detail,
    int Stage,
    Func<SenderRecipe, SenderRecipe> Apply,
    bool PairsWithMessageMistakes = true)
{
    public bool IsTimestamp => Cause is DiagnosisCause.TimestampMilliseconds or DiagnosisCause.TimestampSkew;

    public bool IsAlgorithm => Cause is DiagnosisCause.WrongAlgorithm or DiagnosisCause.KeyAndMessageSwapped;

    public bool IsMessage => !IsTimestamp && !IsAlgorithm;
}
