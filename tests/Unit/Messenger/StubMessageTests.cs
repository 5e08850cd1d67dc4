using System.Text.Json;
using System.Text.RegularExpressions;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.Tests.Messenger;

/// <summary>
/// The page-side scripts and the C# reader agree on every message: the kinds the scripts send are the kinds the
/// reader knows (each a <see cref="CallLogEntryKind"/> name), each reads into its typed entry, and a message the
/// reader cannot read is logged as such instead of thrown.
/// </summary>
public sealed partial class StubMessageTests
{
    private const string PageUrl = "https://staging.example.com/account";

    // Each kind as the scripts send it (kayako-channel.js, kayako-stub.js), with the entry it must read into.
    private static readonly Dictionary<string, (string Json, Action<CallLogEntry> Check)> Samples = new()
    {
        ["DocumentStarted"] = ("{}", e => e.ShouldBeOfType<DocumentStarted>()),
        ["SnippetFound"] = ("{}", e => e.ShouldBeOfType<SnippetFound>()),
        ["Leaving"] = ("{}", e => e.ShouldBeOfType<PageLeaving>()),
        ["CallBeforeReady"] = ("""{"method":"hide","error":"TypeError: kayako.hide is not a function","at":{"url":"https://staging.example.com/app.js","line":3,"column":9}}""",
            e =>
            {
                var call = e.ShouldBeOfType<CallBeforeReady>();
                (call.Method, call.Error, call.Where).ShouldBe(("hide", "TypeError: kayako.hide is not a function", new ScriptLocation("https://staging.example.com/app.js", 3, 9)));
                call.Thrown.ShouldBe("TypeError: kayako.hide is not a function (at https://staging.example.com/app.js:3:9)");
            }),
        ["ErrorLocation"] = ("""{"message":"SyntaxError: Unexpected identifier 'Brien'","at":{"url":"https://staging.example.com/account","line":12,"column":30},"inline":true}""",
            e =>
            {
                var location = e.ShouldBeOfType<ErrorLocation>();
                (location.Message, location.Where, location.Inline).ShouldBe(("SyntaxError: Unexpected identifier 'Brien'", new ScriptLocation(PageUrl, 12, 30), true));
            }),
        ["LogLimit"] = ("""{"limit":20000}""", e => e.ShouldBeOfType<LogLimitReached>().ShouldBe(new LogLimitReached(LogLimitScope.Document, 20000) { PageUrl = PageUrl })),
        ["Loaded"] = ("""{"script":"https://acme.kayakocdn.com/messenger","apiUrl":"https://acme.kayako.com/api/v1","messengerUrl":null,"form":"iframe"}""",
            e => e.ShouldBeOfType<MessengerLoaded>().ShouldBe(
                new MessengerLoaded("https://acme.kayakocdn.com/messenger", "https://acme.kayako.com/api/v1", null, MessengerEmbedForm.Iframe) { PageUrl = PageUrl })),
        ["Config"] = ("""{"config":{"hideLauncher":true,"styles":{"$type":"function"}}}""",
            e => e.ShouldBeOfType<ConfigRead>().Keys.ShouldBe(["hideLauncher", "styles"])),
        ["Call"] = ("""{"method":"visibility","args":["now",1],"returned":"minimized"}""",
            e =>
            {
                var call = e.ShouldBeOfType<MessengerCall>();
                call.Method.ShouldBe("visibility");
                call.Arguments.Select(a => a.GetRawText()).ShouldBe(["\"now\"", "1"]);
                call.Returned.ShouldNotBeNull().GetString().ShouldBe("minimized");
            }),
        ["ReadyCallback"] = ("""{"position":2,"of":3}""", e => e.ShouldBeOfType<ReadyCallbackRan>().Summary.ShouldBe("queued callback 2 of 3")),
        ["Event"] = ("""{"name":"unread_messages_count_changed","args":[2],"visibility":"hidden"}""",
            e =>
            {
                var fired = e.ShouldBeOfType<MessengerEvent>();
                (fired.Name, fired.Visibility).ShouldBe(("unread_messages_count_changed", MessengerVisibility.Hidden));
                fired.Arguments.Single().GetInt32().ShouldBe(2);
            }),
        ["ForgetCallback"] = ("""{"callback":false}""", e => e.ShouldBeOfType<ForgetCallbackRan>().CallbackGiven.ShouldBeFalse()),
        ["PageError"] = ("""{"message":"kayako._settings.apiUrl is missing from the embed snippet; the request could not be sent"}""",
            e => e.ShouldBeOfType<PageError>().ShouldBe(
                new PageError("kayako._settings.apiUrl is missing from the embed snippet; the request could not be sent", null) { PageUrl = PageUrl })),
    };

    [Test]
    public void The_kinds_the_page_side_scripts_send_are_the_kinds_the_reader_knows()
    {
        var sent = KindsSentBy(StubAssets.Channel).Concat(KindsSentBy(StubAssets.Stub)).ToHashSet(StringComparer.Ordinal);

        sent.ShouldNotBeEmpty();
        sent.ShouldBe(StubMessage.PageKindNames, ignoreOrder: true);
        sent.ShouldBeSubsetOf(Enum.GetNames<CallLogEntryKind>());
        Samples.Keys.ShouldBe(sent, ignoreOrder: true, "every kind the page sends has a sample below");
    }

    [Test]
    public void Every_entry_the_scripts_send_names_its_kind_literally()
    {
        // A kind computed at run time would escape the check above; only the stub's hand-over to the channel forwards one.
        ForwardedKind().Matches(StubAssets.Channel + StubAssets.Stub).Select(m => m.Value).ShouldBe(["harness.log(kind,"]);
    }

    [TestCaseSource(nameof(SampleKinds))]
    public void Each_kind_the_page_sends_reads_into_its_typed_entry(string kind)
    {
        var (json, check) = Samples[kind];

        var entry = StubMessage.Read(json.Insert(1, $"\"kind\":\"{kind}\",\"url\":\"{PageUrl}\"{(json == "{}" ? "" : ",")}"), "https://other.example.com/");

        entry.Kind.ToString().ShouldBe(kind);
        entry.PageUrl.ShouldBe(PageUrl);
        check(entry);
    }

    [Test]
    public void A_message_without_a_url_takes_the_page_it_was_logged_from()
    {
        StubMessage.Read("""{"kind":"DocumentStarted"}""", PageUrl).PageUrl.ShouldBe(PageUrl);
    }

    [TestCase("""{"kind":"Cal","method":"maximize","args":[]}""", "unknown kind 'Cal'")]
    [TestCase("""{"kind":"call","method":"maximize","args":[]}""", "unknown kind 'call'")]
    [TestCase("""{"kind":"3","method":"maximize","args":[]}""", "unknown kind '3'")]
    [TestCase("""{"method":"maximize","args":[]}""", "needs the field \"kind\" as a string")]
    [TestCase("""{"kind":"Call","args":[]}""", "the Call message needs the field \"method\" as a string")]
    [TestCase("""{"kind":"Call","method":"maximize","args":"1"}""", "the Call message needs the field \"args\" as an array")]
    [TestCase("""{"kind":"Event","name":"identified","args":[],"visibility":"Minimized"}""", "the Event message needs the field \"visibility\" as one of minimized, maximized, hidden")]
    [TestCase("""{"kind":"Loaded","script":"x","form":"frame"}""", "the Loaded message needs the field \"form\" as \"page\" or \"iframe\"")]
    [TestCase("""{"kind":"ErrorLocation","message":"SyntaxError: x","inline":true}""", "the ErrorLocation message needs the field \"at\" as { url, line, column }")]
    [TestCase("""["Call"]""", "JSON of kind Array, not an object")]
    [TestCase("""{"kind":""", "not JSON")]
    public void A_message_the_reader_cannot_read_is_logged_as_unrecognized_not_thrown(string json, string problem)
    {
        var entry = StubMessage.Read(json, PageUrl).ShouldBeOfType<UnrecognizedMessage>();

        entry.Problem.ShouldStartWith(problem);
        entry.Message.ShouldBe(json);
        entry.PageUrl.ShouldBe(PageUrl);
        entry.ToString().ShouldContain("could not read a message from the page");
    }

    [Test]
    public void An_unrecognized_message_is_quoted_only_up_to_500_characters()
    {
        var json = $$"""{"kind":"Nope","method":"{{new string('x', 2000)}}"}""";

        var entry = StubMessage.Read(json, PageUrl).ShouldBeOfType<UnrecognizedMessage>();

        entry.Message.ShouldBe(json[..500] + "…");
    }

    [Test]
    public void A_method_that_returned_null_differs_from_one_that_returns_nothing()
    {
        var returnedNull = (MessengerCall)StubMessage.Read("""{"kind":"Call","method":"getCurrentChat","args":[],"returned":null}""", PageUrl);
        var returnedNothing = (MessengerCall)StubMessage.Read("""{"kind":"Call","method":"maximize","args":[]}""", PageUrl);

        returnedNull.Returned.ShouldNotBeNull().ValueKind.ShouldBe(JsonValueKind.Null);
        returnedNull.Summary.ShouldBe("getCurrentChat() returned null");
        returnedNothing.Returned.ShouldBeNull();
        returnedNothing.Summary.ShouldBe("maximize()");
    }

    private static IEnumerable<string> SampleKinds() => Samples.Keys;

    // Every entry the scripts send goes through log('Kind', ...); the channel's own limit entry is { kind: 'LogLimit', ... }.
    private static IEnumerable<string> KindsSentBy(string script) =>
        SentKind().Matches(script).Select(m => m.Groups["kind"].Value);

    [GeneratedRegex(@"(?:\blog\(|\bkind: )'(?<kind>[^']*)'", RegexOptions.None, 1000)]
    private static partial Regex SentKind();

    [GeneratedRegex(@"[\w.]*\blog\((?!')[^,)]*,?", RegexOptions.None, 1000)]
    private static partial Regex ForwardedKind();
}
