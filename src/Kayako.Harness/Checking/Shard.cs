using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kayako.Harness.Checking;

/// <summary>
/// One of <see cref="Count"/> shares of a configuration's sites (<c>check --shard 2/4</c>), so a run can be split
/// across CI jobs and merged back (<c>merge</c>). A site belongs to the shard its name hashes to: SHA-256 of the
/// name's UTF-8, its first eight bytes as a number, modulo <see cref="Count"/>. That depends on the name alone, so
/// adding, removing or reordering other sites never moves a site to another shard (a shard keeps its sites, its
/// history and its flaky-site triage from run to run), and every machine and .NET version agrees. The price is that
/// shards are as even as a fair die makes them: about <c>sites / count</c> each, give or take the square root of that
/// (for 300 sites over 4 shards, 75 ± 9); splitting by position would be exactly even but moves sites whenever one
/// is removed or inserted, and splitting by sorted hash moves them whenever one is added.
/// </summary>
public sealed record Shard
{
    /// <summary>A shard.</summary>
    /// <param name="index">Which share, from 1 to <paramref name="count"/>.</param>
    /// <param name="count">How many shares the sites are split into, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, or <paramref name="index"/> outside 1 to <paramref name="count"/>.</exception>
    public Shard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>Which share, from 1 to <see cref="Count"/>.</summary>
    public int Index { get; }

    /// <summary>How many shares the sites are split into.</summary>
    public int Count { get; }

    /// <summary>Reads <c>I/N</c> (plain digits, <c>1 ≤ I ≤ N</c>), as <c>--shard</c> takes it.</summary>
    /// <param name="text">The text, like <c>2/4</c>.</param>
    /// <param name="shard">The shard, or <see langword="null"/> when the text is not one.</param>
    /// <returns>Whether the text is a shard.</returns>
    public static bool TryParse(string? text, out Shard? shard)
    {
        shard = null;
        var parts = text?.Split('/') ?? [];
        if (parts.Length == 2 && Number(parts[0]) is { } index && Number(parts[1]) is { } count && count >= 1 && index >= 1 && index <= count)
        {
            shard = new Shard(index, count);
        }

        return shard is not null;
    }

    /// <summary>The shard, from 1 to <paramref name="count"/>, that the site named <paramref name="siteName"/> belongs to.</summary>
    /// <param name="siteName">The site's name from the configuration (exact, case-sensitive).</param>
    /// <param name="count">How many shards.</param>
    /// <returns>The shard's index.</returns>
    public static int IndexOf(string siteName, int count)
    {
        ArgumentNullException.ThrowIfNull(siteName);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(siteName));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>Whether the site named <paramref name="siteName"/> belongs to this shard.</summary>
    /// <param name="siteName">The site's name.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(string siteName) => IndexOf(siteName, Count) == Index;

    /// <summary>The shard as <c>--shard</c> takes it: <c>2/4</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    // Plain ASCII digits only: no sign, spaces or separators, and nothing that overflows an int.
    private static int? Number(string text) =>
        text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit) ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
