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

    public string Format(string unit, string format = "0.00") =>
        string.Create(CultureInfo.InvariantCulture, $"{Median.ToString(format, CultureInfo.InvariantCulture)} {unit} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)})");
}
