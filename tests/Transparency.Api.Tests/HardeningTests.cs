using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

/// <summary>The defects a new user and a corpus of abusive requests found, each answered cleanly now.</summary>
public sealed class HardeningTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/v1/operations?format=csv", null)]
    [InlineData("/v1/operations", "text/csv")]
    public async Task ARepeatedCsvExportIsWholeEveryTime(string url, string? accept)
    {
        var bodies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (accept is not null)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            }
            var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.StartsWith("id,name,", bodies[0], StringComparison.Ordinal);
        Assert.Equal(3, bodies[0].Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
    }

    [Theory]
    [InlineData("/v1/operations?q=%00")]
    [InlineData("/v1/operations?q=spam%01ouflage")]
    [InlineData("/v1/operations?q=%1B%5B2J")]
    public async Task ControlCharactersInTheSearchAreA400(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("control characters", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/operations")]
    [InlineData("/v1/operations?platform=x&limit=1")]
    [InlineData("/v1/operations/operation-alpha")]
    [InlineData("/v1/operations?format=csv")]
    [InlineData("/v1/actors")]
    [InlineData("/v1/actors/example-agency")]
    [InlineData("/v1/platforms")]
    [InlineData("/v1/stats")]
    [InlineData("/v1/dataset")]
    [InlineData("/v1/operations/no-such-operation")]
    [InlineData("/v1/operations?platform=nowhere")]
    [InlineData("/graphql?query=%7B%20operations%20%7B%20totalCount%20%7D%20%7D")]
    [InlineData("/health")]
    public async Task HeadAnswersAsGetWouldWithoutABody(string url)
    {
        var get = await _client.GetAsync(url);
        var getBody = await get.Content.ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        var head = await _client.SendAsync(request);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.CacheControl?.ToString(), head.Headers.CacheControl?.ToString());
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task HeadOfACompressedBodyIsChunkedLikeItsGet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/v1/operations");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var head = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Contains("gzip", head.Content.Headers.ContentEncoding);
        Assert.Null(head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadHonoursIfNoneMatch()
    {
        var get = await _client.GetAsync("/v1/platforms");
        using var request = new HttpRequestMessage(HttpMethod.Head, "/v1/platforms");
        request.Headers.IfNoneMatch.Add(get.Headers.ETag!);

        var head = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, head.StatusCode);
    }

    [Theory]
    [InlineData("platform=twitter", "Did you mean 'x' ('twitter' is another name for it; filters take ids)?")]
    [InlineData("platform=Twitter", "Did you mean 'x' ('twitter' is another name for it; filters take ids)?")]
    [InlineData("platform=twiter", "Did you mean 'x'?")]
    [InlineData("disclosedBy=facebook", "Did you mean 'meta' ('facebook' is another name for it; filters take ids)?")]
    [InlineData("actor=EA", "Did you mean 'example-agency' ('ea' is another name for it; filters take ids)?")]
    public async Task FormerAndCommonNamesGetDidYouMeanWithTheId(string parameter, string hint)
    {
        var response = await _client.GetAsync($"/v1/operations?{parameter}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Json()).GetProperty("detail").GetString()!;
        Assert.Contains(hint, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Valid values", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownValueFarFromAnyNameListsTheValidValues()
    {
        var response = await _client.GetAsync("/v1/operations?platform=myspace");

        Assert.Contains("Valid values: facebook, instagram, tiktok, x, youtube.", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQLFiltersGiveTheSameHint()
    {
        var response = await _client.PostAsJsonAsync("/graphql", new { query = """{ operations(filter: {platform: "twitter"}) { totalCount } }""" });

        var error = (await response.Json()).GetProperty("errors")[0];
        Assert.Equal("INVALID_FILTER", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("Did you mean 'x'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActorLookedUpByAnAliasIsPointedToItsId()
    {
        var response = await _client.GetAsync("/v1/actors/EA");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Did you mean 'example-agency'?", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQLChangesSinceGarbageIsAnError()
    {
        var response = await _client.PostAsJsonAsync("/graphql", new { query = """{ changes(since: "garbage") { since } }""" });
        var body = await response.Json();

        var error = body.GetProperty("errors")[0];
        Assert.Equal("INVALID_SINCE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'garbage' is neither a release version", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverTheCapIsRefused413OnEveryEndpoint()
    {
        var big = new string(' ', 70 * 1024);
        foreach (var url in new[] { "/graphql", "/v1/operations", "/health" })
        {
            using var content = new StringContent($$"""{"query": "{ __typename }"{{big}}}""", Encoding.UTF8, "application/json");
            var response = await _client.PostAsync(url, content);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Http:MaxRequestBodyBytes", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AChunkedBodyOverTheCapIsRefused413()
    {
        var big = Encoding.UTF8.GetBytes($$"""{"query": "{ __typename }"{{new string(' ', 70 * 1024)}}}""");
        using var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task BatchedGraphQLRequestsAreRefused()
    {
        using var content = new StringContent("""[{"query": "{ __typename }"}, {"query": "{ __typename }"}]""", Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Batched requests", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> OverBudgetDocuments => new()
    {
        { "{ " + string.Concat(Enumerable.Repeat("a ", 2_001)) + "}", "TOO_MANY_TOKENS", "GraphQL:MaxTokens" },
        { "{ " + new string(' ', 17 * 1024) + "__typename }", "DOCUMENT_TOO_LARGE", "GraphQL:MaxDocumentBytes" },
        { "{ " + string.Concat(Enumerable.Range(0, 21).Select(i => $"a{i}: dataset {{ version }} ")) + "}", "TOO_MANY_ALIASES", "GraphQL:MaxAliases" },
        { "{ operations(first: 100) { edges { node { disclosures { actions { count } reach { value } } attributions { __typename } sources { url } } } } }", "NODE_BUDGET_EXCEEDED", "GraphQL:MaxNodes" },
        { "{ actors { operations(first: 100) { edges { node { disclosures { actions { count } } } } } } }", "NODE_BUDGET_EXCEEDED", "GraphQL:MaxNodes" },
        // A chain of fragments, each spreading the next twice, is small on the wire and expands to 2^12 fields.
        { "{ ...F0 } " + string.Concat(Enumerable.Range(0, 12).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ")) + "fragment F12 on Query { dataset { version } }",
            "TOO_MANY_FIELDS", "GraphQL:MaxFields" },
    };

    [Theory]
    [MemberData(nameof(OverBudgetDocuments))]
    public async Task DocumentsOverABudgetAreRefusedNamingTheLimitAndItsSetting(string query, string code, string setting)
    {
        var response = await _client.PostAsJsonAsync("/graphql", new { query });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Json()).GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(setting, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANodeBudgetReadsFirstFromVariables()
    {
        const string query = "query($n: Int) { operations(first: $n) { edges { node { disclosures { actions { count } reach { value } } attributions { actor { name } } sources { url } } } } }";

        var small = await _client.PostAsJsonAsync("/graphql", new { query, variables = new { n = 10 } });
        var large = await _client.PostAsJsonAsync("/graphql", new { query, variables = new { n = 100 } });

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Equal("NODE_BUDGET_EXCEEDED", (await large.Json()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task QueriesWithinTheBudgetsRunAndIntrospectionIsFree()
    {
        var introspection = await _client.PostAsJsonAsync("/graphql", new { query = IntrospectionQuery });
        var list = await _client.PostAsJsonAsync("/graphql", new { query = "{ operations(first: 100) { totalCount edges { node { id disclosures { actions { count } } } } } }" });

        Assert.Equal(HttpStatusCode.OK, introspection.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await introspection.Json()).GetProperty("data").GetProperty("__schema").ValueKind);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    /// <summary>The introspection query GraphiQL sends, in its usual shape.</summary>
    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}
