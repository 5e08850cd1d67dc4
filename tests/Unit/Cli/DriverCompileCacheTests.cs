using Kayako.Harness.Cli.Commands;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

public sealed class DriverCompileCacheTests
{
    [Test]
    public void The_cache_goes_under_the_users_cache_folder()
    {
        var set = Enable(new() { ["HOME"] = "/home/ann" });

        set.ShouldBe(new Dictionary<string, string> { ["NODE_COMPILE_CACHE"] = "/home/ann/.cache/kayako-harness/node-compile-cache" });
    }

    [Test]
    public void XDG_CACHE_HOME_wins_over_HOME() =>
        Enable(new() { ["HOME"] = "/home/ann", ["XDG_CACHE_HOME"] = "/var/cache/ann" })["NODE_COMPILE_CACHE"]
            .ShouldBe("/var/cache/ann/kayako-harness/node-compile-cache");

    [Test]
    public void A_relative_XDG_CACHE_HOME_is_ignored_as_the_XDG_rules_say() =>
        Enable(new() { ["HOME"] = "/home/ann", ["XDG_CACHE_HOME"] = "cache" })["NODE_COMPILE_CACHE"]
            .ShouldBe("/home/ann/.cache/kayako-harness/node-compile-cache");

    [Test]
    public void A_cache_the_user_chose_is_left_alone() =>
        Enable(new() { ["HOME"] = "/home/ann", ["NODE_COMPILE_CACHE"] = "/tmp/mine" }).ShouldBeEmpty();

    [Test]
    public void Without_a_home_there_is_no_cache() => Enable([]).ShouldBeEmpty();

    private static Dictionary<string, string> Enable(Dictionary<string, string> environment)
    {
        var set = new Dictionary<string, string>();
        DriverCompileCache.Enable(name => environment.GetValueOrDefault(name), (name, value) => set[name] = value);
        return set;
    }
}
