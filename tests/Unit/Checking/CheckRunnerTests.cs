using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

/// <summary>What CheckRunner decides without a browser: the run's notes.</summary>
public sealed class CheckRunnerTests
{
    private static readonly HarnessConfiguration OneSite = HarnessConfigurationReader.ForUrl("https://staging.example.com/");

    [Test]
    public void An_unset_token_variable_is_named_in_the_note()
    {
        var configuration = OneSite with { Messenger = OneSite.Messenger with { TokenEnv = "KAYAKO_TEST_UNSET_TOKEN" } };

        var notes = CheckRunner.Notes(configuration, new CheckOptions());

        notes.ShouldHaveSingleItem().ShouldStartWith("KAYAKO_TEST_UNSET_TOKEN is not set: signatures were checked for form only");
    }

    [TestCase("3f1c9a7be2d04c8f9e1a6b5d7c3e2f10")]
    [TestCase("kq83nD0xT7vR2mLw9bZ4")]
    public void A_token_given_as_the_variable_name_is_not_printed_in_the_note(string token)
    {
        var configuration = OneSite with { Messenger = OneSite.Messenger with { TokenEnv = token } };

        var notes = CheckRunner.Notes(configuration, new CheckOptions { TokenSource = token });

        notes.ShouldHaveSingleItem().ShouldContain("looks like a token rather than a variable name (so it is not shown)");
        notes[0].ShouldNotContain(token);
    }

    [TestCase(0)]
    [TestCase(101)]
    public async Task A_repeat_count_out_of_range_is_refused_before_anything_starts(int repeatEach)
    {
        var problem = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => CheckRunner.RunAsync(OneSite, new CheckOptions { RepeatEach = repeatEach }));

        problem.Message.ShouldStartWith($"RepeatEach is {repeatEach}; it must be from 1 to 100.");
    }

    [Test]
    public async Task A_repeated_run_of_an_empty_shard_records_its_repeat_count()
    {
        var twoSites = OneSite with { Sites = [OneSite.Sites[0], OneSite.Sites[0] with { Name = "other" }] };
        var empty = Enumerable.Range(1, 4).Select(i => new Shard(i, 4)).First(shard => shard.Pick([.. twoSites.Sites.Select(site => site.Name)]).Count == 0);

        var report = await CheckRunner.RunAsync(twoSites, new CheckOptions { RepeatEach = 3, Shard = empty });

        report.RepeatEach.ShouldBe(3);
        report.Sites.ShouldBeEmpty();
    }
}
