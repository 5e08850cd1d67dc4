namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>Tells a Unix time in milliseconds from one in seconds by its size.</summary>
internal static class TimestampShape
{
    /// <summary>
    /// 10^11: as seconds that is the year 5138, as milliseconds March 1973, so anything at least this large is
    /// milliseconds (<c>Date.now()</c> is about 1.7 × 10^12).
    /// </summary>
    public const long MillisecondsThreshold = 100_000_000_000;

    public static bool LooksLikeMilliseconds(long timestamp) => timestamp >= MillisecondsThreshold;
}
