using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kayako.Harness.Checking;

/// <summary>
/// One of <see cref="Count"/> shares of a configuration's sites (<c>check --shard 2/4</c>), so a run can be split
/// across CI jobs and merged back (<c>merge</c>). <see cref="Assign"/> deals the sites out in configuration order:
/// each goes to the shard its name hashes to (SHA-256 of its UTF-8, the first eight bytes modulo the count), unless
/// that shard already has <see cref="Slack"/> more sites than the emptiest one; then to the next shard after it that
/// has room. So shard sizes never differ by more than <see cref="Slack"/>; a site's shard depends only on the sites
/// before it, so sites added at the end never move the others; and most sites sit on their name's own shard, so
/// removing or inserting a site moves few of the rest (300 sites over 4 shards: about 50 after a removal in the
/// middle, against about 110 when dealing by position). A hash alone would never move a site, but its shards are as
/// uneven as dice: 50 sites over 4 came out 7, 16, 16 and 11 on one realistic list of names.
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

    /// <summary>How many more sites one shard may have than another: the price of keeping most sites on their name's shard.</summary>
    public const int Slack = 2;

    /// <summary>The shard, from 1 to <paramref name="count"/>, of each site (as described on <see cref="Shard"/>).</summary>
    /// <param name="siteNames">The configuration's site names, in its order.</param>
    /// <param name="count">How many shards.</param>
    /// <returns>Each site's shard, in the same order.</returns>
    public static IReadOnlyList<int> Assign(IReadOnlyList<string> siteNames, int count)
    {
        ArgumentNullException.ThrowIfNull(siteNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var sizes = new int[count];
        var shards = new int[siteNames.Count];
        for (var i = 0; i < siteNames.Count; i++)
        {
            var preferred = Preferred(siteNames[i], count);
            var roomBelow = sizes.Min() + Slack;
            var chosen = Enumerable.Range(0, count).Select(step => (preferred + step) % count).First(shard => sizes[shard] < roomBelow);
            sizes[chosen]++;
            shards[i] = chosen + 1;
        }

        return shards;
    }

    /// <summary>The positions (0 for the first) of the sites in this shard.</summary>
    /// <param name="siteNames">The configuration's site names, in its order.</param>
    /// <returns>The positions, in configuration order; empty when there are fewer sites than shards and none fell here.</returns>
    public IReadOnlyList<int> Pick(IReadOnlyList<string> siteNames)
    {
        var shards = Assign(siteNames, Count);
        return [.. Enumerable.Range(0, shards.Count).Where(i => shards[i] == Index)];
    }

    /// <summary>The shard as <c>--shard</c> takes it: <c>2/4</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    // The shard a name hashes to, from 0: the same on every machine and .NET version (string.GetHashCode is not).
    private static int Preferred(string siteName, int count)
    {
        ArgumentNullException.ThrowIfNull(siteName);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(siteName));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    // Plain ASCII digits only: no sign, spaces or separators, and nothing that overflows an int.
    private static int? Number(string text) =>
        text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit) ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
