namespace Kayako.Harness.Checking.Rules;

/// <summary>Tells Unix seconds from milliseconds.</summary>
internal static class TimestampScale
{
    /// <summary>
    /// 10^11 seconds is the year 5138, while 10^11 milliseconds is 1973: anything at or above it is a
    /// millisecond timestamp (<c>Date.now()</c>, <c>round(microtime(true) * 1000)</c>).
    /// </summary>
    public const long MillisecondThreshold = 100_000_000_000;

    public static bool IsMilliseconds(long timestamp) => Math.Abs(timestamp) >= MillisecondThreshold;
}
