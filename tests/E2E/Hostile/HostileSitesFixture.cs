using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.E2E.Tests.Hostile;

/// <summary>
/// What every hostile-site class runs on, once per class: a fresh token (<see cref="Secret"/>), the hostile server
/// holding it, and a temporary folder for the run's reports and traces, searched afterwards and then deleted.
/// </summary>
/// <param name="name">The class's hostile configuration (<c>budget</c>, <c>names</c>, <c>leak</c>): names the token and the folder.</param>
public abstract class HostileSitesFixture(string name)
{
    /// <summary>The token of this class's run, and how to find it in any form.</summary>
    private protected TokenSearch Secret { get; } = TokenSearch.NewToken(name);

    private protected HostileServer Server { get; private set; } = null!;

    protected string Folder { get; private set; } = null!;

    // NUnit runs a base class's one-time set-up before the derived class's, which runs the check.
    [OneTimeSetUp]
    public async Task StartTheHostileServerAsync()
    {
        Folder = Directory.CreateTempSubdirectory($"hostile-{name}-").FullName;
        Server = await HostileServer.StartAsync(Secret.Token);
    }

    [OneTimeTearDown]
    public async Task StopTheHostileServerAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Folder is not null)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>This class's configuration, as the server serves it (its sites at the server's origin).</summary>
    protected HarnessConfiguration Configuration() =>
        HarnessConfigurationReader.Parse(Server.ConfigurationJson(name), $"hostile/{name}.config.json");

    /// <summary>
    /// Checks <paramref name="configuration"/> in process as the hostile runs do: two workers, short steps, the token
    /// set, reports and traces kept in <paramref name="folder"/> (by default <see cref="Folder"/>; a folder in it when a
    /// class runs several checks).
    /// </summary>
    private protected Task<InProcessCheck> CheckInProcessAsync(HarnessConfiguration configuration, TimeSpan deadline, string? folder = null) =>
        InProcessCheck.RunAsync(configuration, new CheckOptions
        {
            Workers = 2,
            StepTimeout = TimeSpan.FromSeconds(2),
            Token = Secret.Token,
            KeepTraces = true,
        }, folder ?? Folder, deadline: deadline);
}
