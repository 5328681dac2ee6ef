using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

/// <summary>The explorer's HTML, through the real app over the fixture dataset (the browser tests in tests/explorer drive it in Chromium).</summary>
public sealed partial class ExplorerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<string> Html(string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task HomeListsOperationsWithKeyFiguresAndFacetCounts()
    {
        var html = await Html("/");

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"results-heading\">2 operations</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/operations/operation-alpha\">Operation Alpha</a>", html, StringComparison.Ordinal);
        Assert.Contains("Norway", html, StringComparison.Ordinal);
        // A facet value is a link that adds it to the search, with its count.
        Assert.Matches(FacetLink("/?platform=tiktok", "TikTok", 1), html);
        Assert.Matches(FacetLink("/?platform=facebook", "Facebook", 1), html);
        Assert.Matches(FacetLink("/?topic=elections", "Elections", 2), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FollowingAFacetNarrowsTheResultsAndKeepsTheSearchInTheUrl()
    {
        var html = await Html("/?q=operation&platform=tiktok");

        Assert.Contains("<h2 id=\"results-heading\">1 operation</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Operation Beta", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/operations/operation-alpha\"", html, StringComparison.Ordinal);
        // The filter in use can be removed, keeping the words; the form keeps the filter when the words change.
        Assert.Matches(@"<a href=""/\?q=operation"">Platform: TikTok", html);
        Assert.Contains("<input type=\"hidden\" name=\"platform\" value=\"tiktok\" />", html, StringComparison.Ordinal);
        // The same question for programs.
        Assert.Contains("href=\"/v1/operations?q=operation&amp;platform=tiktok&amp;sort=-lastDisclosed\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYearFacetSelectsDisclosuresOfThatYear()
    {
        var html = await Html("/?from=2021&to=2021");

        Assert.Contains("Disclosed in: 2021", html, StringComparison.Ordinal);
        Assert.Contains("Operation Alpha", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistakeInTheUrlIsExplainedOnThePageWithStatus400()
    {
        var html = await Html("/?platform=nowhere", HttpStatusCode.BadRequest);

        Assert.Contains("This search could not be run", html, StringComparison.Ordinal);
        Assert.Contains("Unknown platform &#x27;nowhere&#x27;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParametersTheExplorerDoesNotKnowAreLeftOutAndSaidSo()
    {
        var html = await Html("/?fbclid=abc&origin=NO");

        Assert.Contains("does not know them: fbclid", html, StringComparison.Ordinal);
        Assert.Contains("2 operations", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fbclid=abc", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASearchThatMatchesNothingSaysSo()
    {
        var html = await Html("/?q=nothingmatchesthis");

        Assert.Contains("<h2 id=\"results-heading\">0 operations</h2>", html, StringComparison.Ordinal);
        Assert.Contains("No operation matches.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/v1/stats?q=nothingmatchesthis")).StatusCode);
    }

    [Fact]
    public async Task WhatReadersTypeIsEncoded()
    {
        var html = await Html("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperationPageShowsEveryFigureWithItsSourceAndHowToCiteIt()
    {
        var html = await Html("/operations/operation-alpha");

        Assert.Contains("<h1>Operation Alpha</h1>", html, StringComparison.Ordinal);
        // Aliases with who named them, attributions with level, confidence and statement.
        Assert.Contains("<th scope=\"row\">ALPHAWAVE</th>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/actors/example-agency\">Example Agency</a>", html, StringComparison.Ordinal);
        Assert.Contains("Through a proxy", html, StringComparison.Ordinal);
        Assert.Contains("The discloser linked the network to a marketing firm working for the ministry.", html, StringComparison.Ordinal);
        // Figures, each with its source; an alternative figure from a news copy is shown and marked as not counted.
        Assert.Contains("1,633", html, StringComparison.Ordinal);
        Assert.Contains("about 4,000", html, StringComparison.Ordinal);
        Assert.Contains("about 105,000 USD", html, StringComparison.Ordinal);
        Assert.Matches(@"about 1,600<span class=""alt-mark""> \(not in totals: [^)]*\)</span></td>\s*<td><span class=""source""><a href=""https://news.example.com/2021/03/network""", html);
        Assert.Contains("<a href=\"https://about.fb.com/news/2021/03/example/\" title=\"A fictional takedown report\">Meta, 10 March 2021</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"kind kind-primary\">primary</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"kind kind-secondary\">secondary</span>", html, StringComparison.Ordinal);
        // The timeline lists disclosures by date, whatever order the record gives them in.
        var timeline = html[html.IndexOf("<ol class=\"timeline\"", StringComparison.Ordinal)..];
        Assert.True(timeline.IndexOf("March 2021", StringComparison.Ordinal) < timeline.IndexOf("10 March 2021", StringComparison.Ordinal));
        // Related operations by name; the cite box with the dataset version and the page's address.
        Assert.Contains("Overlaps with", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/operations/operation-beta\">Operation Beta</a>", html, StringComparison.Ordinal);
        Assert.Contains("version 1.2.3-test", html, StringComparison.Ordinal);
        Assert.Contains("http://localhost/operations/operation-alpha", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/v1/operations/operation-alpha\">as JSON</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGraphQLLinkOfAnOperationPageAnswersWithTheSameRecord()
    {
        var html = await Html("/operations/operation-alpha");
        var link = WebUtility.HtmlDecode(GraphQLLink().Match(html).Groups[1].Value);

        var response = await _client.GetAsync(link);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(json.RootElement.TryGetProperty("errors", out _));
        var operation = json.RootElement.GetProperty("data").GetProperty("operation");
        Assert.Equal("Operation Alpha", operation.GetProperty("name").GetString());
        Assert.Equal(2, operation.GetProperty("disclosures").GetArrayLength());
    }

    [Fact]
    public async Task MergedWithdrawnAndUnknownOperationsAnswerAsTheApiDoes()
    {
        var merged = await _client.GetAsync("/operations/operation-gamma");
        Assert.Equal(HttpStatusCode.MovedPermanently, merged.StatusCode);
        Assert.Equal("/operations/operation-alpha", merged.Headers.Location?.ToString());

        Assert.Contains("was withdrawn", await Html("/operations/operation-delta", HttpStatusCode.Gone), StringComparison.Ordinal);
        Assert.Contains("There is no operation with the id &#x201C;nothing&#x201D;.", await Html("/operations/nothing", HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("No such actor", await Html("/actors/nobody", HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("No such discloser", await Html("/disclosers/nobody", HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("No such platform", await Html("/platforms/nowhere", HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorDiscloserAndPlatformPagesListTheirOperations()
    {
        var actor = await Html("/actors/example-agency");
        Assert.Contains("<h1>Example Agency</h1>", actor, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/operations/operation-alpha\">Operation Alpha</a>", actor, StringComparison.Ordinal);

        var discloser = await Html("/disclosers/meta");
        Assert.Contains("<a href=\"/operations/operation-alpha\">Operation Alpha</a>", discloser, StringComparison.Ordinal);
        Assert.Contains("<svg", discloser, StringComparison.Ordinal);

        var platform = await Html("/platforms/tiktok");
        Assert.Contains("<a href=\"/operations/operation-beta\">Operation Beta</a>", platform, StringComparison.Ordinal);
        Assert.DoesNotContain("/operations/operation-alpha\"", platform, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"number\">284</dd>", platform, StringComparison.Ordinal);

        foreach (var list in new[] { "/actors", "/disclosers", "/platforms" })
        {
            Assert.Contains("<table class=\"data\">", await Html(list), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ChartsAreSvgWithTheirNumbersAsATable()
    {
        var html = await Html("/charts");

        Assert.Equal(2, Regex.Count(html, "<svg [^>]*role=\"img\""));
        Assert.Contains("<title id=\"accounts-title\">Accounts removed per year, by platform</title>", html, StringComparison.Ordinal);
        // Each platform's total is the one /v1/stats gives, which counts no account twice.
        using var stats = JsonDocument.Parse(await _client.GetStringAsync("/v1/stats"));
        var x = stats.RootElement.GetProperty("accountsRemovedByPlatform").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "x").GetProperty("count").GetInt64();
        Assert.Matches($@"<th scope=""row""><a href=""/platforms/x"">X</a></th>(\s*<td class=""number"">[^<]*</td>)*\s*<td class=""number total"">{x:N0}</td>", html);
        Assert.Contains("<a href=\"/disclosers/meta\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAboutPageSaysHowToDownloadCiteAndContribute()
    {
        var html = await Html("/about");

        Assert.Contains("href=\"/v1/dataset/download\"", html, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", html, StringComparison.Ordinal);
        Assert.Contains("dataset/operations/", html, StringComparison.Ordinal);
        Assert.Contains("1.2.3-test", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesCarryETagsAndAnswer304LikeTheApi()
    {
        var first = await _client.GetAsync("/operations/operation-alpha");
        Assert.NotNull(first.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/operations/operation-alpha");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(conditional)).StatusCode);

        var stylesheet = await _client.GetAsync("/explorer.css");
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(stylesheet.Headers.ETag);

        var missing = await _client.GetAsync("/operations/nothing");
        Assert.Null(missing.Headers.ETag);
    }

    private static Regex FacetLink(string href, string label, int count) =>
        new($@"<a href=""{Regex.Escape(href)}""[^>]*>\s*<span class=""label"">{Regex.Escape(label)}</span>\s*<span class=""count"">{count}<");

    [GeneratedRegex("<a href=\"(/graphql\\?query=[^\"]+)\">as a GraphQL query</a>")]
    private static partial Regex GraphQLLink();
}
