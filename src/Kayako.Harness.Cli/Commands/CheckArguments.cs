using Kayako.Harness.Checking;

namespace Kayako.Harness.Cli.Commands;

/// <summary>The <c>check</c> command line, parsed: each value as typed, or <see langword="null"/> when not given.</summary>
internal sealed record CheckArguments(
    string? Url,
    FileInfo? Config,
    string? Site,
    FileInfo? Json,
    FileInfo? JUnit,
    FileInfo? Html,
    int? Workers,
    Shard? Shard = null,
    string? Connect = null,
    FileInfo? Sarif = null)
{
    /// <summary><c>--base-url</c>: overrides the configuration's <c>baseUrl</c> and <c>KAYAKO_HARNESS_BASE_URL</c>.</summary>
    public string? BaseUrl { get; init; }
}
