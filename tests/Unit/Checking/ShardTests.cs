using System.Globalization;
using Kayako.Harness.Checking;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

public sealed class ShardTests
{
    // Names as agencies write them: numbered sites, client hosts, pages of one shop.
    private static readonly string[] NameForms = ["site-{0:000}", "client{0}.example.com", "https://shop.example.com/page/{0}"];

    private static List<string> Names(string form, int count) =>
        [.. Enumerable.Range(0, count).Select(i => string.Format(CultureInfo.InvariantCulture, form, i))];

    [TestCase("1/1", 1, 1)]
    [TestCase("2/4", 2, 4)]
    [TestCase("4/4", 4, 4)]
    [TestCase("12/300", 12, 300)]
    public void A_shard_is_read_as_I_of_N(string text, int index, int count)
    {
        Shard.TryParse(text, out var shard).ShouldBeTrue();

        shard.ShouldBe(new Shard(index, count));
        shard!.ToString().ShouldBe(text);
    }

    [TestCase("")]
    [TestCase("2")]
    [TestCase("0/4")]
    [TestCase("5/4")]
    [TestCase("1/0")]
    [TestCase("-1/4")]
    [TestCase("+1/4")]
    [TestCase("1/4/2")]
    [TestCase(" 1/4")]
    [TestCase("1.0/4")]
    [TestCase("1/9999999999")]
    [TestCase("a/b")]
    public void Anything_else_is_not_a_shard(string text)
    {
        Shard.TryParse(text, out var shard).ShouldBeFalse();
        shard.ShouldBeNull();
    }

    [Test]
    public void A_shard_outside_one_to_its_count_cannot_be_made()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Shard(0, 4));
        Should.Throw<ArgumentOutOfRangeException>(() => new Shard(5, 4));
        Should.Throw<ArgumentOutOfRangeException>(() => new Shard(1, 0));
    }

    [Test]
    public void Every_site_is_in_exactly_one_shard_and_the_same_one_every_time()
    {
        var names = Names("site-{0:000}", 50);

        var picks = Enumerable.Range(1, 4).Select(i => new Shard(i, 4).Pick(names)).ToList();

        picks.SelectMany(p => p).Order().ShouldBe(Enumerable.Range(0, 50));
        Enumerable.Range(1, 4).Select(i => new Shard(i, 4).Pick([.. names])).ShouldBe(picks);
        Shard.Assign(names, 4).ShouldBe(Shard.Assign([.. names], 4));
    }

    [Test]
    public void Shard_sizes_never_differ_by_more_than_the_slack([Values(50, 300)] int sites, [ValueSource(nameof(NameForms))] string form)
    {
        var sizes = Shard.Assign(Names(form, sites), 4).CountBy(s => s).Select(p => p.Value).ToList();

        TestContext.Out.WriteLine($"{sites} sites ({form}) over 4 shards: {string.Join(", ", sizes)}");
        sizes.Count.ShouldBe(4);
        (sizes.Max() - sizes.Min()).ShouldBeLessThanOrEqualTo(Shard.Slack);
    }

    [Test]
    public void Sites_added_at_the_end_move_no_other_site([ValueSource(nameof(NameForms))] string form)
    {
        var before = Shard.Assign(Names(form, 300), 4);

        var after = Shard.Assign(Names(form, 350), 4);

        after.Take(300).ShouldBe(before);
    }

    [Test]
    public void Removing_a_site_in_the_middle_moves_far_fewer_sites_than_dealing_by_position()
    {
        var names = Names("client{0}.example.com", 300);
        var before = Shard.Assign(names, 4);
        var without = names.Where((_, i) => i != 150).ToList();

        var after = Shard.Assign(without, 4);

        var moved = without.Where((name, i) => after[i] != before[names.IndexOf(name)]).Count();
        // Dealing by position (site i to shard i mod 4) moves every site after the removed one to another shard.
        var movedByPosition = without.Where((name, i) => i % 4 != names.IndexOf(name) % 4).Count();
        TestContext.Out.WriteLine($"moved: {moved} by name, {movedByPosition} by position");
        moved.ShouldBeLessThan(movedByPosition / 2);
    }

    [Test]
    public void With_fewer_sites_than_shards_some_shards_are_empty()
    {
        var shards = Shard.Assign(["home", "account"], 4);

        shards.Distinct().Count().ShouldBe(2);
        Enumerable.Range(1, 4).Count(i => new Shard(i, 4).Pick(["home", "account"]).Count == 0).ShouldBe(2);
    }
}
