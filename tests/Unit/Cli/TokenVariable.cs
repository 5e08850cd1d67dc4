namespace Kayako.Harness.Tests.Cli;

/// <summary>An environment variable with a unique name holding a token for one test, removed afterwards.</summary>
internal sealed class TokenVariable : IDisposable
{
    public TokenVariable(string? value)
    {
        Name = $"KAYAKO_TEST_TOKEN_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(Name, value);
    }

    public string Name { get; }

    public void Dispose() => Environment.SetEnvironmentVariable(Name, null);
}
