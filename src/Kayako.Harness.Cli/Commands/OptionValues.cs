using System.Globalization;

namespace Kayako.Harness.Cli.Commands;

/// <summary>The rules <see cref="ValueOption{T}"/>s parse by: whole numbers as plain digits, and file paths.</summary>
internal static class OptionValues
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, digits with an optional minus sign.</summary>
    public static ValueOption<int?>.Parser Int32(int min, int max) => (string text, out int? value) =>
    {
        value = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : null;
        return value is not null;
    };

    /// <summary>Any 64-bit integer, digits with an optional minus sign: no fraction, exponent, or separators.</summary>
    public static ValueOption<long?>.Parser Int64() => (string text, out long? value) =>
    {
        value = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
        return value is not null;
    };

    /// <summary>A shard, <c>I/N</c> in plain digits with <c>1 ≤ I ≤ N</c> (<see cref="Checking.Shard.TryParse"/>).</summary>
    public static ValueOption<Checking.Shard?>.Parser Shard() => Checking.Shard.TryParse;

    /// <summary>A path, as given (any text but the empty one names a file; whether it is readable is for the verb to find out).</summary>
    public static ValueOption<FileInfo?>.Parser File() => (string text, out FileInfo? value) =>
    {
        value = new FileInfo(text);
        return true;
    };
}
