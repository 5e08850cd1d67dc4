namespace Kayako.Harness.Checking;

/// <summary>How much a finding matters. Errors fail the check (exit 1); warnings are reported only.</summary>
public enum Severity
{
    /// <summary>The integration is broken or insecure; the check fails.</summary>
    Error,

    /// <summary>Works today by luck or tolerance; worth fixing.</summary>
    Warning,
}
