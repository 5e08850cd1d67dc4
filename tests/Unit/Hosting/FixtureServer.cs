using Kayako.Harness.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kayako.Harness.Tests.Hosting;

/// <summary>Asks a fixture host for a page over its in-memory server, as a routed browser context would, without a browser.</summary>
internal static class FixtureServer
{
    public static async Task<(int Status, string? ContentType, string Body)> GetAsync(FixtureHost host, string page)
    {
        using var client = ((TestServer)host.Services.GetRequiredService<IServer>()).CreateClient();
        using var response = await client.GetAsync(host.PageUrl(page));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }
}
