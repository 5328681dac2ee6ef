using System.Net;
using System.Text.Json;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

/// <summary>Ranked full-text search, on the shipped dataset: the searches people make put the operation they mean first.</summary>
public sealed class SearchTests(ShippedApiFactory factory) : IClassFixture<ShippedApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("Hong Kong", "china-hong-kong-protests-2019")]
    [InlineData("Internet Research Agency", "internet-research-agency")]
    [InlineData("hong kong protests", "china-hong-kong-protests-2019")]
    [InlineData("spamoufl", "spamouflage")]
    [InlineData("DRAGONBRIDGE", "spamouflage")]
    public async Task TheOperationMeantComesFirst(string q, string first)
    {
        var page = await (await _client.GetAsync($"/v1/operations?q={Uri.EscapeDataString(q)}")).Json();

        Assert.Equal(first, page.Ids()[0]);
    }

    [Fact]
    public async Task RelevanceIsTheDefaultOrderWithWordsAndGraphQLAgrees()
    {
        var byDefault = await (await _client.GetAsync("/v1/operations?q=hong%20kong")).Json();
        var byRelevance = await (await _client.GetAsync("/v1/operations?q=hong%20kong&sort=relevance")).Json();
        var byName = await (await _client.GetAsync("/v1/operations?q=hong%20kong&sort=name")).Json();
        var graphql = await GraphQLIds("""{ operations(filter: {text: "hong kong"}) { edges { node { id } } } }""");

        Assert.Equal(byRelevance.Ids(), byDefault.Ids());
        Assert.Equal(byRelevance.Ids(), graphql);
        Assert.Equal(byName.Ids().Order(StringComparer.Ordinal), byDefault.Ids().Order(StringComparer.Ordinal));
        Assert.NotEqual(byName.Ids(), byDefault.Ids());
    }

    [Theory]
    [InlineData("election", "elections")]
    [InlineData("protest", "protests")]
    public async Task EnglishWordFormsFindTheSameOperations(string one, string other)
    {
        var a = await (await _client.GetAsync($"/v1/operations?q={one}&sort=name&limit=100")).Json();
        var b = await (await _client.GetAsync($"/v1/operations?q={other}&sort=name&limit=100")).Json();

        Assert.NotEmpty(a.Ids());
        Assert.Equal(a.Ids(), b.Ids());
        Assert.Equal(a.GetProperty("totalCount").GetInt64(), a.Ids().Length);
    }

    [Fact]
    public async Task PagingByRelevanceVisitsEveryMatchOnce()
    {
        var all = (await (await _client.GetAsync("/v1/operations?q=election&limit=100")).Json()).Ids();
        var seen = new List<string>();
        string? url = "/v1/operations?q=election&limit=2";
        while (url is not null)
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange((await response.Json()).Ids());
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        Assert.True(all.Length > 2);
        Assert.Equal(all, seen);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("\"")]
    [InlineData("* OR NEAR(")]
    public async Task WordsThatAreNotWordsFindNothingInsteadOfFailing(string q)
    {
        var response = await _client.GetAsync($"/v1/operations?q={Uri.EscapeDataString(q)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string[]> GraphQLIds(string query)
    {
        var response = await _client.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Json();
        return [.. body.GetProperty("data").GetProperty("operations").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!)];
    }
}
