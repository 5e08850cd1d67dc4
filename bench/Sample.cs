using System.Globalization;

namespace Kayako.Harness.Bench;

/// <summary>Repeated measurements of one figure, summarised as median and min–max.</summary>
internal sealed record Sample(IReadOnlyList<double> Values)
{
    public double Median
    {
        get
        {
            var sorted = Values.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Values.Min();

    public double Max => Values.Max();

    /// <summary>"median unit (min–max)"; a ratio reads "median (min–max)" (no unit) or "median× (min–max)".</summary>
    public string Format(string unit, string format = "0.00") =>
        string.Create(CultureInfo.InvariantCulture, $"{Median.ToString(format, CultureInfo.InvariantCulture)}{(unit is "" or "×" ? unit : " " + unit)} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)})");

    /// <summary>The ratios of paired measurements (round by round), so a ratio's spread is the rounds' own.</summary>
    public static Sample Ratios(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators) =>
        new(numerators.Zip(denominators, (numerator, denominator) => numerator / denominator).ToList());
}
