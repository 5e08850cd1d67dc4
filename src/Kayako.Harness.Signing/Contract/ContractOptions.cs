namespace Kayako.Harness.Signing.Contract;

/// <summary>Which interpreters the contract runs.</summary>
public sealed record ContractOptions
{
    /// <summary>The PHP interpreter: a name on PATH or a path. <see langword="null"/> means <c>php</c>.</summary>
    public string? PhpExecutable { get; init; }

    /// <summary>The Node interpreter: a name on PATH or a path. <see langword="null"/> means <c>node</c>.</summary>
    public string? NodeExecutable { get; init; }
}
