namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>One report read by <see cref="SignatureReportJson"/>, or the one-line reason it could not be read.</summary>
/// <param name="Line">Where it starts: its line in JSON lines or a single object, its 1-based place in a JSON array.</param>
/// <param name="Report">The report, or <see langword="null"/> when it could not be read.</param>
/// <param name="Error">
/// Why it could not be read, naming where (<c>line 3: "email" is missing; …</c>), every problem of the report in one
/// line; never the token.
/// </param>
/// <param name="Notes">What was read leniently, for the verdict's notes (a timestamp given as a string of digits).</param>
public sealed record SignatureReportEntry(int Line, SignatureReport? Report, string? Error, IReadOnlyList<string> Notes);
