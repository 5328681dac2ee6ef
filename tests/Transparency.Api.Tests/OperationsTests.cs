using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Transparency.Api.Dataset;
using Transparency.Api.Operations;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

public sealed class OperationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Theory]
    [InlineData("platform=tiktok", new[] { "operation-beta" })]
    [InlineData("platform=youtube", new[] { "operation-alpha" })]
    [InlineData("platform=tiktok&platform=youtube", new[] { "operation-alpha", "operation-beta" })]
    [InlineData("platform=tiktok,youtube", new[] { "operation-alpha", "operation-beta" })]
    [InlineData("origin=NO", new[] { "operation-alpha", "operation-beta" })]
    [InlineData("origin=no", new[] { "operation-alpha", "operation-beta" })]
    [InlineData("origin=CN", new string[0])]
    [InlineData("target=SE", new[] { "operation-alpha" })]
    [InlineData("target=US", new[] { "operation-beta" })]
    [InlineData("actor=example-agency", new[] { "operation-alpha" })]
    [InlineData("disclosedBy=twitter", new[] { "operation-beta" })]
    [InlineData("disclosedBy=meta&platform=tiktok", new string[0])]
    [InlineData("topic=health", new[] { "operation-beta" })]
    [InlineData("topic=elections", new[] { "operation-alpha", "operation-beta" })]
    [InlineData("from=2021", new[] { "operation-alpha" })]
    [InlineData("to=2020-06", new[] { "operation-beta" })]
    [InlineData("from=2020-06-13&to=2021-03-09", new[] { "operation-alpha" })]
    [InlineData("activeFrom=2021-03", new[] { "operation-beta" })]
    [InlineData("activeTo=2019-12", new[] { "operation-alpha" })]
    [InlineData("minAccounts=2000", new[] { "operation-beta" })]
    [InlineData("minFollowers=4000", new[] { "operation-alpha" })]
    [InlineData("minFollowers=4001", new string[0])]
    [InlineData("q=alphawave", new[] { "operation-alpha" })]
    [InlineData("q=health%20misinformation", new[] { "operation-beta" })]
    [InlineData("q=%22unbalanced", new string[0])]
    [InlineData("origin=NO&target=US&topic=elections", new[] { "operation-beta" })]
    public async Task OperationsCanBeFiltered(string query, string[] expected)
    {
        var response = await _client.GetAsync($"/v1/operations?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await response.Json()).Ids());
    }

    [Fact]
    public async Task MergedRecordsAreNotListed()
    {
        var all = (await (await _client.GetAsync("/v1/operations")).Json()).Ids();

        Assert.DoesNotContain("operation-gamma", all);
    }

    [Theory]
    [InlineData("name", new[] { "operation-alpha", "operation-beta" })]
    [InlineData("-name", new[] { "operation-beta", "operation-alpha" })]
    [InlineData("-accountsRemoved", new[] { "operation-beta", "operation-alpha" })]
    [InlineData("followers", new[] { "operation-beta", "operation-alpha" })]
    [InlineData("firstSeen", new[] { "operation-alpha", "operation-beta" })]
    [InlineData("-lastDisclosed", new[] { "operation-alpha", "operation-beta" })]
    public async Task OperationsCanBeSorted(string sort, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/operations?sort={sort}")).Json();

        Assert.Equal(expected, page.Ids());
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-accountsRemoved")]
    [InlineData("followers")]
    public async Task PagingVisitsEveryOperationOnceFollowingTheLinkHeader(string sort)
    {
        var seen = new List<string>();
        var url = $"/v1/operations?limit=1&sort={sort}";
        for (var pages = 0; url is not null && pages < 10; pages++)
        {
            var response = await _client.GetAsync(url);
            var page = await response.Json();
            seen.AddRange(page.Ids());
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
            Assert.Equal(url is null, page.GetProperty("nextCursor").ValueKind == System.Text.Json.JsonValueKind.Null);
        }

        var all = (await (await _client.GetAsync($"/v1/operations?sort={sort}")).Json()).Ids();
        Assert.Equal(all, seen);
    }

    [Theory]
    [InlineData("platfrom=tiktok", "'platfrom' is not a parameter", "Did you mean 'platform'?")]
    [InlineData("platform=myspace", "Unknown platform 'myspace'", "Valid values: facebook, instagram, tiktok, x, youtube")]
    [InlineData("from=2022-13", "'2022-13' in 'from' is not a date", "YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("origin=XX", "'XX' in 'origin' is not an ISO 3166-1 alpha-2", "")]
    [InlineData("limit=ten", "'ten' is not a valid 'limit': a whole number is expected", "")]
    [InlineData("q=a&q=b", "'q' may be given once", "")]
    [InlineData("sort=relevance", "Order by relevance needs words to match in 'q'", "")]
    [InlineData("limit=101", "from 1 to 100", "")]
    [InlineData("minAccounts=-1", "'minAccounts' must be a whole number from 0", "")]
    [InlineData("sort=size", "not a valid sort", "accountsRemoved")]
    [InlineData("cursor=garbage", "not one this API gave out", "")]
    [InlineData("actor=nobody", "Unknown actor 'nobody'", "example-agency")]
    public async Task BadQueriesAreProblemsThatSayHowToFixThem(string query, string detail, string hint)
    {
        var response = await _client.GetAsync($"/v1/operations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json();
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(hint, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CursorOfAnotherSortIsRefused()
    {
        var first = await (await _client.GetAsync("/v1/operations?limit=1&sort=name")).Json();
        var cursor = first.GetProperty("nextCursor").GetString();

        var response = await _client.GetAsync($"/v1/operations?limit=1&sort=-name&cursor={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnOperationComesWithItsDisclosuresAttributionsAndSources()
    {
        var response = await _client.GetAsync("/v1/operations/operation-alpha");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var o = await response.Json();
        Assert.Equal("Operation Alpha", o.GetProperty("name").GetString());
        Assert.Equal("ALPHAWAVE", o.GetProperty("aliases")[0].GetProperty("name").GetString());
        Assert.Equal("2019-06", o.GetProperty("activity").GetProperty("firstSeen").GetString());
        var attribution = o.GetProperty("attributions")[0];
        Assert.Equal("example-agency", attribution.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("proxy", attribution.GetProperty("level").GetString());
        var meta = o.GetProperty("disclosures")[0];
        Assert.Equal("meta", meta.GetProperty("by").GetString());
        var first = meta.GetProperty("actions")[0];
        Assert.Equal(1633, first.GetProperty("count").GetInt64());
        Assert.Equal("meta-2021-03", first.GetProperty("source").GetString());
        var alternative = meta.GetProperty("actions")[3];
        Assert.Equal("news-2021-03", alternative.GetProperty("source").GetString());
        Assert.False(alternative.GetProperty("countsInTotals").GetBoolean());
        Assert.Equal(1674, o.GetProperty("totals").GetProperty("accountsRemoved").GetInt64());
        var sources = o.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(["lab-2021", "meta-2021-03", "news-2021-03"], sources);
        Assert.Equal("operation-beta", o.GetProperty("related")[0].GetProperty("operation").GetString());
    }

    [Fact]
    public async Task RecordsAndTheirIndexAreMadeOnceSoOnlyASearchRunsSqlWhateverTheListsSize()
    {
        var dataset = factory.Services.GetRequiredService<DatasetFile>();
        async Task<(long Statements, HttpResponseMessage Response)> Get(string url)
        {
            var before = dataset.StatementsRun;
            var response = await _client.GetAsync(url);
            return (dataset.StatementsRun - before, response);
        }

        var (forLookup, lookup) = await Get("/v1/operations/operation-alpha");
        var (forOne, _) = await Get("/v1/operations?limit=1");
        var (forTwo, two) = await Get("/v1/operations?limit=2");
        // A word no other test searches for: the first search asks FTS5, the same word again (in any case, with other
        // filters) is answered from what was kept; ordering by relevance asks once more, for the scores.
        var (forSearch, search) = await Get("/v1/operations?q=alphawav&origin=NO&limit=2&sort=name");
        var (forSameWord, _) = await Get("/v1/operations?q=ALPHAWAV&limit=1&sort=-name");
        var (forScores, ranked) = await Get("/v1/operations?q=alphawav&sort=relevance");
        var (forScoresAgain, rankedAgain) = await Get("/v1/operations?q=alphawav&sort=relevance&limit=1");

        Assert.Equal(HttpStatusCode.OK, ranked.StatusCode);
        Assert.Equal((await ranked.Json()).Ids()[0], (await rankedAgain.Json()).Ids()[0]);
        Assert.True(forSameWord == 0 && forScoresAgain == 0, $"{forSameWord} and {forScoresAgain} statements for a word searched before");
        Assert.True(forScores > 0);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal("operation-alpha", (await lookup.Json()).GetProperty("id").GetString());
        Assert.Equal(2, (await two.Json()).Ids().Length);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(0, forLookup);
        // Filters, orders and totalCount come from the index made at start-up; only full-text search asks SQLite
        // (one query, which FTS5 answers with statements of its own on its tables).
        Assert.Equal(0, forOne);
        Assert.Equal(0, forTwo);
        Assert.True(forSearch > 0);
    }

    /// <summary>
    /// Lists and lookups copy JSON made at start-up instead of serializing per request: their bytes must be exactly what
    /// serializing the contract with the API's own options gives (escaping, property order, nulls, whitespace).
    /// </summary>
    [Theory]
    [InlineData("/v1/operations?limit=2")]
    [InlineData("/v1/operations?limit=100&sort=-accountsRemoved")]
    [InlineData("/v1/operations?q=alphawave")]
    public async Task PrecomputedBodiesAreByteForByteWhatTheSerializerWrites(string url)
    {
        var queries = factory.Services.GetRequiredService<OperationQueries>();
        var serializer = new JsonSerializerOptions(factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        serializer.Converters.Remove(factory.Services.GetRequiredService<OperationJson>());

        var body = await _client.GetByteArrayAsync(url);
        var page = JsonDocument.Parse(body).RootElement;
        var ids = page.Ids();
        var record = await _client.GetByteArrayAsync($"/v1/operations/{ids[0]}");

        var expected = JsonSerializer.SerializeToUtf8Bytes(new OperationPage(
            [.. ids.Select(id => queries.Find(id)!)], page.GetProperty("nextCursor").GetString(), page.GetProperty("totalCount").GetInt64()), serializer);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(queries.Get(ids[0])!, serializer)), System.Text.Encoding.UTF8.GetString(record));
    }

    [Fact]
    public async Task AMergedOperationRedirectsToItsSuccessor()
    {
        var response = await _client.GetAsync("/v1/operations/operation-gamma");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/v1/operations/operation-alpha", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AWithdrawnOperationIsGoneWithItsReason()
    {
        var response = await _client.GetAsync("/v1/operations/operation-delta");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("retracted", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/operations/operation-alpha", "operation-alpha")]
    [InlineData("/v1/operations?sort=-accountsRemoved&limit=1", "operations-page")]
    [InlineData("/v1/stats", "stats")]
    [InlineData("/v1/operations?platform=myspace&since=2020", "problem-bad-query")]
    public async Task RepresentativeResponsesMatchTheirSnapshots(string url, string snapshot)
    {
        var response = await _client.GetAsync(url);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        json.Remove("traceId"); // differs on every request
        var pretty = $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}\n" +
            json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Transparency.Dataset.Tests.Support.Snapshot.Match(pretty + "\n", snapshot, "json");
    }

    [Fact]
    public async Task AnUnknownOperationIsANotFoundProblem()
    {
        var response = await _client.GetAsync("/v1/operations/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
