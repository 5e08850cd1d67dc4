using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Rules;
using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

public sealed class RuleCatalogTests
{
    // hash_hmac('sha256', "Ann O'Brien" . "ann@example.com" . Token . "1795608000", Token), from PHP.
    private const string Valid = "e186616bf8740aec12cb05b254ee19860aceda442f177210f62d98659c3966f6";

    // The same with email and name swapped (a wrong field order), from PHP.
    private const string EmailFirst = "9e2dd8005dd0bfff1fadd9e940f7f5dcd35e1bdfe99b527d8aa396fce706767e";
    private const string Token = "s3cr3t-token-value";
    private const string Name = "\"Ann O'Brien\"";
    private const string Email = "\"ann@example.com\"";

    private static readonly ExpectStep ExpectIdentified = new(0, "$.sites[0].steps[0]", null, ExpectedIdentity.Identified);
    private static readonly ExpectStep ExpectVerified = new(0, "$.sites[0].steps[0]", null, ExpectedIdentity.Verified);
    private static readonly ClickStep Logout = new(1, "$.sites[0].steps[1]", true, "#logout");

    private static string Identify(string signature = Valid, string timestamp = "1795608000") =>
        $"[{Name}, {Email}, \"{signature}\", {timestamp}]";

    public static IEnumerable<TestCaseData> Scenarios()
    {
        yield return Case("a correct account page", [],
            log => log.Loads().ReadyCallback().Identify(Identify()).Step(ExpectIdentified));
        yield return Case("a correct logout that waits for forget", [],
            log => log.Loads().Identify(Identify()).Step(Logout, l => l
                .Call("forget", "[{\"$type\":\"function\"}]")
                .Request("forget").Response("forget", afterMs: 200)
                .ForgetCallback().Leaving().Navigate("https://staging.example.com/logout")));
        yield return Case("an anonymous page with no identify", [], log => log.Loads().Call("maximize"));
        yield return Case("a call before the messenger loaded", [RuleIds.CalledBeforeReady],
            log => log.Navigate().CallBeforeReady("maximize", 3, 5)
                .PageError("TypeError: kayako.maximize is not a function")
                .ScriptRequested().Loaded());
        yield return Case("an uncaught page error", [RuleIds.ScriptError],
            log => log.Loads().PageError("SyntaxError: missing ) after argument list"));
        yield return Case("an expected identity that never came", [RuleIds.IdentifyNeverCalled],
            log => log.Loads().Step(ExpectIdentified));
        yield return Case("identify with two arguments", [RuleIds.IdentifyMissingArguments],
            log => log.Loads().Identify($"[{Name}, {Email}]"));
        yield return Case("identify with a numeric email", [RuleIds.IdentifyMissingArguments],
            log => log.Loads().Identify($"[{Name}, 42, \"{Valid}\", 1795608000]"));
        yield return Case("a quoted timestamp", [RuleIds.IdentifyTimestampNotNumber],
            log => log.Loads().Identify(Identify(timestamp: "\"1795608000\"")), Token);
        yield return Case("a millisecond timestamp", [RuleIds.IdentifyTimestampMilliseconds],
            log => log.Loads().Identify(Identify(timestamp: "1795608000000")));
        yield return Case("a timestamp ten minutes old", [RuleIds.IdentifyTimestampStale],
            log => log.Loads().Identify(Identify(timestamp: "1795607400")));
        yield return Case("an upper-case hex signature", [RuleIds.IdentifySignatureMalformed],
            log => log.Loads().Identify(Identify(signature: Valid.ToUpperInvariant())), Token);
        yield return Case("a base64 signature", [RuleIds.IdentifySignatureMalformed],
            log => log.Loads().Identify(Identify(signature: "4YZha/h0CuwSy7JU7hmYYKzt1EQfF3IQ9i2YZZw5Zvk=")));
        yield return Case("a signature over the wrong field order", [RuleIds.IdentifySignatureInvalid],
            log => log.Loads().Identify(Identify(signature: EmailFirst)), Token);
        yield return Case("a wrong signature without the token to check it", [],
            log => log.Loads().Identify(Identify(signature: EmailFirst)));
        yield return Case("logout that leaves before forget's callback", [RuleIds.ForgetCallbackNotAwaited],
            log => log.Loads().Identify(Identify()).Step(Logout, l => l
                .Call("forget").Request("forget").Navigate("https://staging.example.com/logout")));
        yield return Case("a single-page app that forgets and routes with pushState at once", [],
            log => log.Loads().Identify(Identify()).Step(Logout, l => l
                .Call("forget").Request("forget").Navigate("https://staging.example.com/app/signed-out")
                .Response("forget").ForgetCallback(page: "https://staging.example.com/app/signed-out")));
        yield return Case("a form that submits at once, its old page's forget callback recorded after the navigation", [RuleIds.ForgetCallbackNotAwaited],
            log => log.Loads().Identify(Identify()).Step(Logout, l => l
                .Call("forget").Request("forget").Navigate("https://staging.example.com/logout")
                .Response("forget").ForgetCallback()));
        yield return Case("a form that submits at once, its slow navigation letting forget's callback run first", [RuleIds.ForgetCallbackNotAwaited],
            log => log.Loads().Identify(Identify()).Step(Logout, l => l
                .Call("forget").Request("forget").Leaving()
                .Response("forget").ForgetCallback().Navigate("https://staging.example.com/logout")));
        yield return Case("a fractional timestamp (Date.now() / 1000 without Math.floor)", [RuleIds.IdentifyTimestampNotNumber],
            log => log.Loads().Identify(Identify(timestamp: "1795608000.123")));
        yield return Case("logout with no forget at all", [RuleIds.LogoutWithoutForget],
            log => log.Loads().Identify(Identify()).Step(Logout, l => l.Navigate("https://staging.example.com/logout")));
        yield return Case("logout of an anonymous user", [],
            log => log.Loads().Step(Logout, l => l.Navigate()));
        yield return Case("a visibility expectation that saw another state", [RuleIds.ControlStateMismatch],
            log => log.Loads().Call("maximize").Step(new ExpectStep(0, "$.sites[0].steps[0]", MessengerVisibility.Hidden, null), observed: MessengerVisibility.Maximized));
        yield return Case("a visibility expectation that held", [],
            log => log.Loads().Call("maximize").Step(new ExpectStep(0, "$.sites[0].steps[0]", MessengerVisibility.Maximized, null), observed: MessengerVisibility.Maximized));
        yield return Case("an anonymous expectation on an identified page", [RuleIds.ControlStateMismatch],
            log => log.Loads().Identify(Identify()).Step(new ExpectStep(0, "$.sites[0].steps[0]", null, ExpectedIdentity.NotIdentified)));
        yield return Case("an anonymous expectation after a sign-out that forgot", [],
            log => log.Loads().Identify(Identify()).Step(Logout, l => l.Call("forget").ForgetCallback())
                .Step(new ExpectStep(2, "$.sites[0].steps[2]", null, ExpectedIdentity.NotIdentified)));
        yield return Case("a page without the snippet", [RuleIds.MessengerNotLoaded],
            log => log.Navigate());
        yield return Case("a snippet whose script never took over", [RuleIds.MessengerNotLoaded],
            log => log.Navigate().ScriptRequested());
        yield return Case("identify with an empty signature and the token known: anonymous, allowed", [],
            log => log.Loads().Identify(Identify(signature: "")).Step(ExpectIdentified), Token);
        yield return Case("a verified identity expected and an empty signature given", [RuleIds.ControlStateMismatch],
            log => log.Loads().Identify(Identify(signature: "")).Step(ExpectVerified), Token);
        yield return Case("a verified identity expected and no token to verify it", [RuleIds.ControlStateMismatch],
            log => log.Loads().Identify(Identify()).Step(ExpectVerified));
        yield return Case("a verified identity expected and given", [],
            log => log.Loads().Identify(Identify()).Step(ExpectVerified), Token);
        yield return Case("a verified identity expected and a wrong signature given: the signature rule says why", [RuleIds.IdentifySignatureInvalid],
            log => log.Loads().Identify(Identify(signature: EmailFirst)).Step(ExpectVerified), Token);
        yield return Case("a verified identity expected and none given", [RuleIds.IdentifyNeverCalled],
            log => log.Loads().Step(ExpectVerified), Token);
        yield return Case("undocumented methods and events, each once", [RuleIds.UndocumentedApi, RuleIds.UndocumentedApi, RuleIds.UndocumentedApi],
            log => log.Loads().Call("setLogLevel", "[\"error\"]").Call("setLogLevel", "[\"debug\"]")
                .Call("on", "[\"unread_messages_count_changed\", {\"$type\":\"function\"}]").Call("on", "[\"chat_window_maximized\", {\"$type\":\"function\"}]")
                .Config("{\"hideLauncher\": true}"));
        yield return Case("only documented members", [],
            log => log.Loads().Call("on", "[\"identified\", {\"$type\":\"function\"}]").Call("maximize").Call("visibility"));
        yield return Case("a click whose selector matched nothing", [RuleIds.StepFailed],
            log => log.Loads().Step(new ClickStep(0, "$.sites[0].steps[0]", false, "#missing"), outcome: StepOutcome.Failed, error: "Timeout 5000ms exceeded."));
    }

    [TestCaseSource(nameof(Scenarios))]
    public void Each_scenario_gives_exactly_its_findings(Func<HandMadeCallLog> build, string? token, string[] expected)
    {
        var context = build().Context(token);

        var findings = RuleCatalog.Evaluate(context);

        findings.Select(f => f.Rule).ShouldBe(expected);
    }

    [Test]
    public void Every_design_rule_is_its_own_class_with_a_distinct_id()
    {
        RuleCatalog.All.Select(r => r.Id).ShouldBeUnique();
        RuleCatalog.All.Select(r => r.GetType()).ShouldBeUnique();
        RuleCatalog.All.Count.ShouldBe(18);
    }

    [Test]
    public void Token_exposures_become_one_finding_each_naming_where_but_not_the_token()
    {
        var log = new HandMadeCallLog().Loads();
        var exposures = new[] { new TokenExposure("the markup of https://staging.example.com/account"), new TokenExposure("localStorage key \"kayako\"") };

        var findings = RuleCatalog.Evaluate(log.Context(Token, exposures));

        findings.Select(f => f.Rule).ShouldBe([RuleIds.TokenExposed, RuleIds.TokenExposed]);
        findings[0].Message.ShouldContain("the markup of https://staging.example.com/account");
        findings[1].Message.ShouldContain("localStorage key \"kayako\"");
        findings.ShouldAllBe(f => !f.Message.Contains(Token));
    }

    [Test]
    public void An_unreachable_site_reports_only_that()
    {
        var log = new HandMadeCallLog().Step(ExpectIdentified, outcome: StepOutcome.NotRun);

        var findings = RuleCatalog.Evaluate(log.Context(unreachable: "net::ERR_CONNECTION_REFUSED"));

        var finding = findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.SiteUnreachable);
        finding.Message.ShouldContain("net::ERR_CONNECTION_REFUSED");
    }

    [Test]
    public void An_invalid_signature_carries_the_diagnosed_cause()
    {
        // field-order is only found when the diagnosis gets the call's own name, email, timestamp and signature.
        var log = new HandMadeCallLog().Loads().Identify(Identify(signature: EmailFirst));

        var finding = RuleCatalog.Evaluate(log.Context(Token)).ShouldHaveSingleItem();

        finding.Cause.ShouldBe("field-order");
        finding.Message.ShouldContain("diagnosed cause: field-order");
    }

    [Test]
    public void A_malformed_signature_carries_the_diagnosed_cause_when_the_token_is_known()
    {
        var log = new HandMadeCallLog().Loads().Identify(Identify(signature: Valid.ToUpperInvariant()));

        var finding = RuleCatalog.Evaluate(log.Context(Token)).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(RuleIds.IdentifySignatureMalformed);
        finding.Cause.ShouldBe("uppercase-hex");
        finding.Message.ShouldContain("the signature is malformed: 64 hex digits in upper case;");
        finding.Message.ShouldContain("(diagnosed cause: uppercase-hex)");
    }

    [Test]
    public void A_malformed_signature_without_a_cause_found_carries_none()
    {
        // The expected signature cut short: the diagnosis finds no mistake that makes it (no-match).
        var log = new HandMadeCallLog().Loads().Identify(Identify(signature: Valid[..40]));

        var finding = RuleCatalog.Evaluate(log.Context(Token)).ShouldHaveSingleItem();

        finding.Cause.ShouldBeNull();
        finding.Message.ShouldContain("40 hex digits, not 64");
        finding.Message.ShouldNotContain("diagnosed cause");
    }

    [Test]
    public void Without_the_token_a_malformed_signature_carries_no_cause()
    {
        var log = new HandMadeCallLog().Loads().Identify(Identify(signature: Valid.ToUpperInvariant()));

        var finding = RuleCatalog.Evaluate(log.Context()).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(RuleIds.IdentifySignatureMalformed);
        finding.Cause.ShouldBeNull();
    }

    [Test]
    public void A_signature_that_is_not_a_string_is_malformed_and_named_by_its_json()
    {
        var log = new HandMadeCallLog().Loads().Identify($"[{Name}, {Email}, 12345, 1795608000]");

        var finding = RuleCatalog.Evaluate(log.Context(Token)).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(RuleIds.IdentifySignatureMalformed);
        finding.Message.ShouldContain("the signature is malformed: not a string but 12345;");
    }

    [Test]
    public void A_stale_timestamp_is_judged_against_the_configured_tolerance()
    {
        var log = new HandMadeCallLog().Loads().Identify(Identify(timestamp: "1795607400"));

        RuleCatalog.Evaluate(log.Context(tolerance: 600)).ShouldBeEmpty();
        RuleCatalog.Evaluate(log.Context(tolerance: 599)).ShouldHaveSingleItem().Message.ShouldContain("600 s behind");
    }

    [Test]
    public void A_call_before_ready_says_how_to_wrap_it()
    {
        // Seen from the page's TypeError: the arguments are unknown.
        var log = new HandMadeCallLog().CallBeforeReady("identify", 12, 9)
            .ScriptRequested().Loaded();

        var finding = RuleCatalog.Evaluate(log.Context()).ShouldHaveSingleItem();

        finding.Message.ShouldContain("kayako.ready(function () { kayako.identify(…); });");
        finding.Message.ShouldContain("(at https://staging.example.com/account:12:9)");
        finding.Message.ShouldContain(HandMadeCallLog.Page);
    }

    [Test]
    public void Step_findings_name_the_step_index_and_json_path()
    {
        var log = new HandMadeCallLog().Loads().Identify(Identify()).Step(Logout, l => l.Navigate());

        var finding = RuleCatalog.Evaluate(log.Context()).ShouldHaveSingleItem();

        finding.Step.ShouldBe(1);
        finding.Message.ShouldContain("step 1 (click \"#logout\") at $.sites[0].steps[1]");
    }

    private static TestCaseData Case(string name, string[] expected, Func<HandMadeCallLog, HandMadeCallLog> build, string? token = null) =>
        new TestCaseData(new Func<HandMadeCallLog>(() => build(new HandMadeCallLog())), token, expected).SetName("Rules: " + name);


    [Test]
    public void An_early_click_that_threw_names_the_control_and_the_fix()
    {
        var click = new ClickStep(1, "$.sites[0].steps[1]", false, "#chat");
        var threw = new HandMadeCallLog().CallBeforeReady("maximize", 9, 40).Entries.OfType<CallBeforeReady>().ToList();
        var log = new HandMadeCallLog().Loads();

        var finding = RuleCatalog.Evaluate(log.Context(earlyClicks: [new EarlyClick(click, threw), new EarlyClick(click with { Index = 2 }, [])])).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(RuleIds.ControlBeforeLoad);
        finding.Step.ShouldBe(1);
        finding.Message.ShouldContain("step 1 (click \"#chat\") at $.sites[0].steps[1]");
        finding.Message.ShouldContain("kayako.ready(function () { kayako.maximize(…); })");
        finding.Message.ShouldContain("account:9:40");
    }

    [TestCase("SyntaxError: Unexpected identifier 'Brien'", true, "json_encode")]
    [TestCase("SyntaxError: Unexpected identifier 'Brien'", false, "A script did not parse")]
    [TestCase("TypeError: Cannot read properties of undefined (reading 'name')", false, "Fix the error at the place its stack names")]
    [TestCase("ReferenceError: kayako is not defined", false, "the snippet had not run yet")]
    [TestCase("TypeError: kayako.openChat is not a function", false, "kayako.openChat is not a messenger method")]
    [TestCase("Uncaught TypeError: kayako.setLocale is not a function", false, "kayako.setLocale is not a messenger method")]
    [TestCase("TypeError: Cannot read properties of undefined (reading 'maximize')", false, "If the undefined value was window.kayako")]
    public void A_script_error_gets_the_hint_that_fits_it(string error, bool inline, string hint)
    {
        var log = new HandMadeCallLog().Loads();
        if (error.StartsWith("SyntaxError", StringComparison.Ordinal))
        {
            log.ErrorLocation(error, 12, 30, inline);
        }

        log.PageError(error);

        var finding = RuleCatalog.Evaluate(log.Context()).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(RuleIds.ScriptError);
        finding.Message.ShouldContain(hint);
        if (!hint.Contains("json_encode", StringComparison.Ordinal))
        {
            finding.Message.ShouldNotContain("O'Brien");
        }
    }
}
