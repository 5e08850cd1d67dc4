namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>An explanation that reproduced the observed signature: the mistakes, the recipe, the digest-form causes.</summary>
internal sealed record Hypothesis(IReadOnlyList<Mistake> Mistakes, SenderRecipe Recipe, IReadOnlyList<string> FormCauses)
{
    public IReadOnlyList<string> Causes =>
        Mistakes.Select(m => m.Cause).Concat(FormCauses).Distinct(StringComparer.Ordinal)
            .OrderBy(DiagnosisCause.PipelineRank).ToList();
}
