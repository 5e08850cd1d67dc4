namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// Recomputes the signature for Kayako's recipe, each single mistake, and each pair of mistakes of different causes,
/// in the documented order, and returns the first that reproduces the observed signature.
/// </summary>
internal sealed class HypothesisSearch
{
    private readonly SenderRecipe _canonical;
    private readonly string _token;
    private readonly ObservedSignature _observed;
    private readonly IReadOnlyList<(string Cause, IReadOnlyList<Mistake> Mistakes)> _groups;
    private readonly byte[] _digest = new byte[64];

    public HypothesisSearch(SignatureReport report, string token, ObservedSignature observed, bool wide)
    {
        _canonical = SenderRecipe.Canonical(report);
        _token = token;
        _observed = observed;
        _groups = MistakeCatalog.For(report, token, wide)
            .Select(g => (g.Cause, (IReadOnlyList<Mistake>)g.Mistakes.Where(m => !m.IsAlgorithm || Possible(m)).ToList()))
            .Where(g => g.Item2.Count > 0)
            .ToList();
    }

    public Hypothesis? Canonical() => Try([], _canonical);

    public Hypothesis? TimestampOnly() =>
        _groups.Where(g => g.Mistakes[0].IsTimestamp).SelectMany(g => g.Mistakes).Select(m => Try([m], m.Apply(_canonical))).FirstOrDefault(h => h is not null);

    public Hypothesis? Singles()
    {
        foreach (var (_, mistakes) in _groups)
        {
            foreach (var mistake in mistakes)
            {
                if (Try([mistake], mistake.Apply(_canonical)) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    public Hypothesis? Pairs()
    {
        for (var first = 0; first < _groups.Count; first++)
        {
            for (var second = first + 1; second < _groups.Count; second++)
            {
                if (PairOf(_groups[first].Mistakes, _groups[second].Mistakes) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private Hypothesis? PairOf(IReadOnlyList<Mistake> firsts, IReadOnlyList<Mistake> seconds)
    {
        // Two timestamp mistakes (or two algorithms) set the same property: the second would undo the first.
        if ((firsts[0].IsTimestamp && seconds[0].IsTimestamp) || (firsts[0].IsAlgorithm && seconds[0].IsAlgorithm))
        {
            return null;
        }

        var timestampWithMessage = (firsts[0].IsTimestamp && seconds[0].IsMessage) || (firsts[0].IsMessage && seconds[0].IsTimestamp);
        foreach (var a in firsts)
        {
            if (timestampWithMessage && !a.PairsWithMessageMistakes)
            {
                continue;
            }

            foreach (var b in seconds)
            {
                if (timestampWithMessage && !b.PairsWithMessageMistakes)
                {
                    continue;
                }

                var (early, late) = a.Stage <= b.Stage ? (a, b) : (b, a);
                if (Try([a, b], late.Apply(early.Apply(_canonical))) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private bool Possible(Mistake algorithmMistake) =>
        _observed.CouldBe(SenderRecipe.DigestLength(algorithmMistake.Apply(_canonical).Algorithm));

    private Hypothesis? Try(IReadOnlyList<Mistake> mistakes, SenderRecipe recipe)
    {
        if (!_observed.CouldBe(SenderRecipe.DigestLength(recipe.Algorithm)))
        {
            return null;
        }

        var length = recipe.ComputeDigest(_token, _digest);
        return _observed.Match(_digest.AsSpan(0, length)) is { } formCauses ? new Hypothesis(mistakes, recipe, formCauses) : null;
    }
}
