namespace Kayako.Harness.Configuration;

/// <summary>The <c>report</c> section.</summary>
/// <param name="Dir">The folder for traces of failing sites (relative paths are relative to the working folder).</param>
public sealed record ReportOptions(string Dir = "TestResults/harness");
