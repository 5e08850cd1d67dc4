namespace Kayako.Harness.Messenger;

/// <summary>Which limit a <see cref="LogLimitReached"/> entry reports.</summary>
public enum LogLimitScope
{
    /// <summary>One document sent the harness as many entries as it may (20,000): calls, events, errors.</summary>
    Document,

    /// <summary>One page threw as many uncaught errors as are logged (1,000).</summary>
    PageErrors,
}
