using System.Text;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// NFC and NFD for the Latin, Greek and Cyrillic letters names are usually written in. The product runs with
/// invariant globalization (no ICU), where <see cref="string.Normalize()"/> changes nothing, so the table comes
/// from Node's own <c>String.prototype.normalize</c> (see <see cref="CanonicalDecompositionTable"/>).
/// </summary>
internal static class UnicodeForms
{
    private static readonly Dictionary<char, string> Decompositions = LoadDecompositions();
    private static readonly Dictionary<string, char> Compositions =
        Decompositions.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Canonical decomposition: every precomposed letter becomes its base letter and combining marks.</summary>
    public static string ToNfd(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (Decompositions.TryGetValue(text[i], out var decomposed))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length + 8);
                builder.Append(decomposed);
            }
            else
            {
                builder?.Append(text[i]);
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>Canonical composition: base letters followed by combining marks become the precomposed letter.</summary>
    public static string ToNfc(string text)
    {
        var decomposed = ToNfd(text);
        var builder = new StringBuilder(decomposed.Length);
        var i = 0;
        while (i < decomposed.Length)
        {
            var composedLength = 0;
            for (var length = Math.Min(4, decomposed.Length - i); length >= 2 && composedLength == 0; length--)
            {
                if (Compositions.TryGetValue(decomposed.Substring(i, length), out var composed))
                {
                    builder.Append(composed);
                    composedLength = length;
                }
            }

            if (composedLength == 0)
            {
                builder.Append(decomposed[i]);
                composedLength = 1;
            }

            i += composedLength;
        }

        return builder.ToString();
    }

    private static Dictionary<char, string> LoadDecompositions()
    {
        var table = new Dictionary<char, string>();
        foreach (var entry in CanonicalDecompositionTable.Entries.Split('|'))
        {
            table[entry[0]] = entry[1..];
        }

        return table;
    }
}
