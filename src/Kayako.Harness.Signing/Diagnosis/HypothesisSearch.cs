using System.Globalization;
using System.Text;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// Recomputes the signature for Kayako's recipe, each single mistake, and each pair of mistakes of different causes,
/// in the documented order, and returns the first that reproduces the observed signature.
/// </summary>
internal sealed class HypothesisSearch
{
    // A character no name or email holds, marking where the timestamp goes in a message template.
    private const string TimestampMark = "\uFDD0";

    private readonly SenderRecipe _canonical;
    private readonly string _token;
    private readonly SignatureForm _observed;
    private readonly IReadOnlyList<(string Cause, IReadOnlyList<Mistake> Mistakes)> _groups;
    private readonly byte[] _digest = new byte[64];
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<SenderRecipe, (byte[] Before, byte[] After)?> _templates = [];
    private byte[] _message = new byte[256];

    public HypothesisSearch(SignatureReport report, string token, SignatureForm observed, bool wide, bool millisecondsOnly)
    {
        _canonical = SenderRecipe.Canonical(report);
        _token = token;
        _observed = observed;
        _groups = MistakeCatalog.For(report, token, wide, millisecondsOnly)
            .Select(g => (g.Cause, (IReadOnlyList<Mistake>)g.Mistakes.Where(m => !m.IsAlgorithm || Possible(m)).ToList()))
            .Where(g => g.Item2.Count > 0)
            .ToList();
    }

    public Hypothesis? Canonical() => Try([], _canonical);

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

        foreach (var a in firsts.Where(a => a.PairsWith(seconds[0])))
        {
            foreach (var b in seconds.Where(b => b.PairsWith(a)))
            {
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

    private byte[] Key(SenderRecipe recipe)
    {
        if (!_keys.TryGetValue(recipe.TokenSuffix, out var key))
        {
            key = recipe.KeyBytes(_token);
            _keys[recipe.TokenSuffix] = key;
        }

        return key;
    }

    /// <summary>
    /// The message bytes. Most candidates differ only in the timestamp, so for UTF-8 the bytes around it are
    /// computed once per recipe and the digits written between them, without allocating.
    /// </summary>
    private ReadOnlySpan<byte> Message(SenderRecipe recipe)
    {
        if (recipe.Encoding != MessageEncoding.Utf8)
        {
            return SenderRecipe.Encode(recipe.MessageText(_token), recipe.Encoding);
        }

        var template = recipe with { Timestamp = 0 };
        if (!_templates.TryGetValue(template, out var parts))
        {
            var pieces = template.MessageText(_token, TimestampMark).Split(TimestampMark);
            parts = pieces.Length == 2 ? (Encoding.UTF8.GetBytes(pieces[0]), Encoding.UTF8.GetBytes(pieces[1])) : null;
            _templates[template] = parts;
        }

        if (parts is not var (before, after))
        {
            return Encoding.UTF8.GetBytes(recipe.MessageText(_token));
        }

        var needed = before.Length + after.Length + 20;
        if (_message.Length < needed)
        {
            _message = new byte[needed];
        }

        before.CopyTo(_message, 0);
        recipe.Timestamp.TryFormat(_message.AsSpan(before.Length), out var digits, provider: CultureInfo.InvariantCulture);
        after.CopyTo(_message, before.Length + digits);
        return _message.AsSpan(0, before.Length + digits + after.Length);
    }

    private Hypothesis? Try(IReadOnlyList<Mistake> mistakes, SenderRecipe recipe)
    {
        if (!_observed.CouldBe(SenderRecipe.DigestLength(recipe.Algorithm)))
        {
            return null;
        }

        var length = SenderRecipe.ComputeDigest(recipe.Algorithm, Key(recipe), Message(recipe), _digest);
        return _observed.Match(_digest.AsSpan(0, length)) is { } formCauses ? new Hypothesis(mistakes, recipe, formCauses) : null;
    }
}
