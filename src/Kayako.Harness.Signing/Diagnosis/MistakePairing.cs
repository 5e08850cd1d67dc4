namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>Which other mistakes a mistake is combined with in the pair search.</summary>
internal enum MistakePairing
{
    All,

    /// <summary>Only with algorithm mistakes (few candidates of the right digest length).</summary>
    AlgorithmsOnly,

    /// <summary>Tried on its own only.</summary>
    None,
}
