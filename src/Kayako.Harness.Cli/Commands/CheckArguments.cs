namespace Kayako.Harness.Cli.Commands;

/// <summary>The <c>check</c> command line as given, before validation.</summary>
internal sealed record CheckArguments(
    string? Url,
    string? Config,
    string? Site,
    string? Json,
    string? JUnit,
    string? Html,
    string? Workers);
