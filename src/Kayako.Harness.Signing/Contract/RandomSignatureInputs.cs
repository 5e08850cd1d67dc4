using System.Text;

namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// Reproducible random signature inputs for <c>contract --random N --seed S</c>: arbitrary Unicode scalar values
/// (ASCII, control characters, the rest of the BMP and astral planes), empty and long strings, and timestamps
/// across ±(2^53 − 1), the integers a JavaScript Number holds exactly.
/// </summary>
/// <remarks>
/// Strings hold only valid scalar values, never an unpaired surrogate: PHP strings cannot hold one, so it would
/// not be a three-way comparison. Unpaired surrogates are covered by the Node-only vectors.
/// </remarks>
public static class RandomSignatureInputs
{
    /// <summary>The largest integer a JavaScript Number holds exactly, 2^53 − 1: Node cannot sign beyond it.</summary>
    public const long MaxSafeTimestamp = 9_007_199_254_740_991;

    private static readonly long[] EdgeTimestamps =
        [0, 1, -1, int.MaxValue, (long)int.MaxValue + 1, 4_102_444_800, 1_700_000_000_123, MaxSafeTimestamp, -MaxSafeTimestamp];

    /// <summary>The same <paramref name="count"/> inputs for the same <paramref name="seed"/>.</summary>
    public static IReadOnlyList<SignatureInput> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var inputs = new SignatureInput[count];
        for (var i = 0; i < count; i++)
        {
            var token = Text(random);
            inputs[i] = new SignatureInput(Text(random), Text(random), token.Length == 0 ? "k" : token, Timestamp(random));
        }

        return inputs;
    }

    private static long Timestamp(Random random) => random.Next(10) switch
    {
        0 => EdgeTimestamps[random.Next(EdgeTimestamps.Length)],
        < 5 => random.NextInt64(0, 1L << 32),
        _ => random.NextInt64(-MaxSafeTimestamp, MaxSafeTimestamp + 1),
    };

    private static string Text(Random random)
    {
        var length = random.Next(100) switch
        {
            < 5 => 0,
            < 80 => random.Next(1, 24),
            < 98 => random.Next(24, 256),
            _ => random.Next(256, 2048),
        };
        var builder = new StringBuilder(length * 2);
        for (var i = 0; i < length; i++)
        {
            builder.Append(new Rune(Scalar(random)).ToString());
        }

        return builder.ToString();
    }

    private static int Scalar(Random random) => random.Next(10) switch
    {
        < 4 => random.Next(0x20, 0x7F),
        4 => random.Next(0x00, 0x20),
        5 => random.Next(0x7F, 0x800),
        < 8 => RandomBmpScalar(random),
        _ => random.Next(0x10000, 0x110000),
    };

    private static int RandomBmpScalar(Random random)
    {
        // Skip the surrogate block U+D800..U+DFFF: those code points are not scalar values.
        var value = random.Next(0x800, 0x10000 - 0x800);
        return value < 0xD800 ? value : value + 0x800;
    }
}
