using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Api.Dataset;
using Transparency.Api.GraphQL;
using Transparency.Api.Tests.Support;
using Transparency.Dataset.Tests.Support;

namespace Transparency.Api.Tests;

public sealed class GraphQLTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpResponseMessage Response, JsonElement Body)> Post(string query, object? variables = null)
    {
        var response = await _client.PostAsJsonAsync("/graphql", new { query, variables });
        return (response, await response.Json());
    }

    private static string[] Ids(JsonElement body) =>
        [.. body.GetProperty("data").GetProperty("operations").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!)];

    [Fact]
    public async Task TikTokFilterFindsTheOperation()
    {
        var (response, body) = await Post("""{ operations(filter: {platform: "tiktok"}) { totalCount edges { node { id name } } } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, body.GetProperty("data").GetProperty("operations").GetProperty("totalCount").GetInt32());
        Assert.Equal(["operation-beta"], Ids(body));
    }

    [Theory]
    [InlineData("platform=tiktok,youtube", """{platform: ["tiktok", "youtube"]}""")]
    [InlineData("origin=NO&target=US", """{origin: ["NO"], target: ["US"]}""")]
    [InlineData("disclosedBy=meta", """{disclosedBy: "meta"}""")]
    [InlineData("from=2020-06-13&to=2021-03-09", """{disclosedFrom: "2020-06-13", disclosedTo: "2021-03-09"}""")]
    [InlineData("activeFrom=2021-03", """{activeFrom: "2021-03"}""")]
    [InlineData("minAccounts=2000", """{minAccounts: 2000}""")]
    [InlineData("q=alphawave", """{text: "alphawave"}""")]
    [InlineData("actor=example-agency&topic=elections", """{actor: "example-agency", topic: "elections"}""")]
    public async Task RestAndGraphQLReturnTheSameIdsForTheSameFilter(string rest, string graphql)
    {
        var restIds = (await (await _client.GetAsync($"/v1/operations?{rest}")).Json()).Ids();
        var (_, body) = await Post($$"""{ operations(filter: {{graphql}}) { edges { node { id } } } }""");

        Assert.Equal(restIds, Ids(body));
    }

    [Fact]
    public async Task PagingWithFirstAndAfterVisitsEveryOperationOnce()
    {
        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 10; page++)
        {
            var (_, body) = await Post("query($after: String) { operations(first: 1, after: $after, orderBy: ACCOUNTS_REMOVED_DESC) { edges { node { id } } pageInfo { hasNextPage endCursor } } }", new { after });
            seen.AddRange(Ids(body));
            var info = body.GetProperty("data").GetProperty("operations").GetProperty("pageInfo");
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }
            after = info.GetProperty("endCursor").GetString();
        }

        Assert.Equal(["operation-beta", "operation-alpha"], seen);
    }

    [Fact]
    public async Task AnOperationComesWithItsNestedRecord()
    {
        var (_, body) = await Post("""
            { operation(id: "operation-alpha") {
                name aliases { name by } totals { accountsRemoved }
                attributions { actor { id name } level confidence source }
                disclosures { by date actions { platform asset count qualifier source countsInTotals } reach { metric value currency } }
                sources { id url kind } } }
            """);
        var operation = body.GetProperty("data").GetProperty("operation");

        Assert.Equal("ALPHAWAVE", operation.GetProperty("aliases")[0].GetProperty("name").GetString());
        Assert.Equal(1674, operation.GetProperty("totals").GetProperty("accountsRemoved").GetInt64());
        Assert.Equal("Example Agency", operation.GetProperty("attributions")[0].GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal(1633, operation.GetProperty("disclosures")[0].GetProperty("actions")[0].GetProperty("count").GetInt64());
        Assert.Equal("USD", operation.GetProperty("disclosures")[0].GetProperty("reach")[1].GetProperty("currency").GetString());
    }

    [Fact]
    public async Task TombstonesAndUnknownIdsAreNull()
    {
        var (_, body) = await Post("""{ merged: operation(id: "operation-gamma") { id } missing: operation(id: "nope") { id } }""");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("merged").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("missing").ValueKind);
    }

    [Fact]
    public async Task NestedFieldsReadKeptRecordsSoAPageRunsNoQueryWhateverItsSize()
    {
        const string Query = "query($first: Int) { operations(first: $first) { edges { node { id aliases { name } attributions { level } disclosures { actions { count } } sources { id } } } } }";
        var dataset = factory.Services.GetRequiredService<DatasetFile>();

        var before = dataset.StatementsRun;
        await Post(Query, new { first = 1 });
        var forOne = dataset.StatementsRun - before;
        before = dataset.StatementsRun;
        await Post(Query, new { first = 2 });
        var forTwo = dataset.StatementsRun - before;

        // The page comes from the index, its aliases, attributions, disclosures and sources from the records, all read at start-up.
        Assert.Equal(0, forOne);
        Assert.Equal(forOne, forTwo);
    }

    private static readonly string[] UnknownCountry = ["XX"];

    [Fact]
    public async Task ADocumentValidatedBeforeStillHasItsVariablesChecked()
    {
        const string Query = "query Again($first: Int, $filter: OperationFilter) { operations(first: $first, filter: $filter) { totalCount } }";

        var (firstStatus, first) = await Post(Query, new { first = 2 });
        var (badTypeStatus, badType) = await Post(Query, new { first = "two" });
        var (badValueStatus, badValue) = await Post(Query, new { first = 2, filter = new { origin = UnknownCountry } });
        var (againStatus, again) = await Post(Query, new { first = 1 });

        Assert.Equal(HttpStatusCode.OK, firstStatus.StatusCode);
        Assert.False(first.TryGetProperty("errors", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badTypeStatus.StatusCode);
        Assert.Contains("first", badType.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.True(badValue.TryGetProperty("errors", out var valueErrors));
        Assert.Contains("XX", valueErrors[0].GetProperty("message").GetString());
        Assert.NotEqual(HttpStatusCode.InternalServerError, badValueStatus.StatusCode);
        Assert.Equal(HttpStatusCode.OK, againStatus.StatusCode);
        Assert.Equal(first.GetProperty("data").GetProperty("operations").GetProperty("totalCount").GetInt32(),
            again.GetProperty("data").GetProperty("operations").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task ADocumentValidatedBeforeStillHasItsComplexityAnalysedWithTheNewVariables()
    {
        const string Query = "query Page($first: Int) { operations(first: $first) { edges { node { id attributions { level } } } } }";
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("GraphQL:MaxComplexity", "100"));
        using var client = strict.CreateClient();
        async Task<JsonElement> Send(int first) =>
            JsonDocument.Parse(await (await client.PostAsJsonAsync("/graphql", new { query = Query, variables = new { first } })).Content.ReadAsStringAsync()).RootElement;

        var small = await Send(1);
        var large = await Send(100);

        Assert.False(small.TryGetProperty("errors", out _), small.ToString());
        Assert.Contains("complex", large.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("query($first: Int) { operations(first: $first) { edges { node { id name aliases { name } attributions { level actor { id name } } disclosures { by actions { platform count } } totals { accountsRemoved } } } } }")]
    [InlineData("query($first: Int) { operations(first: $first) { edges { n: node { __typename id ... on Operation { summary } } } } }")]
    [InlineData("query($first: Int, $withName: Boolean!) { operations(first: $first) { edges { node { id name @include(if: $withName) } } } }")]
    [InlineData("query($first: Int) { operations(first: $first) { edges { node { ...Parts } } } } fragment Parts on Operation { id origin sources { url } }")]
    public async Task AnOperationsJsonKeptForItsSelectionIsWhatExecutingItGives(string query)
    {
        // The first page executes every field and keeps each operation's JSON; the later ones, overlapping it, are
        // answered from what was kept where the selection allows (no variables, directives or fragment spreads inside).
        var (_, first) = await Post(query, new { first = 1, withName = true });
        var (_, again) = await Post(query, new { first = 1, withName = true });
        var (_, larger) = await Post(query, new { first = 2, withName = true });
        var (_, without) = await Post(query, new { first = 1, withName = false });

        Assert.False(first.TryGetProperty("errors", out _), first.ToString());
        Assert.Equal(first.ToString(), again.ToString());
        var edges = first.GetProperty("data").GetProperty("operations").GetProperty("edges");
        var largerEdges = larger.GetProperty("data").GetProperty("operations").GetProperty("edges");
        Assert.Equal(2, largerEdges.GetArrayLength());
        for (var i = 0; i < edges.GetArrayLength(); i++)
        {
            Assert.Equal(edges[i].ToString(), largerEdges[i].ToString());
        }
        if (query.Contains("@include", StringComparison.Ordinal))
        {
            // A selection whose result depends on a variable is never answered from what was kept.
            Assert.False(without.GetProperty("data").GetProperty("operations").GetProperty("edges")[0].GetProperty("node").TryGetProperty("name", out _));
        }
    }

    [Fact]
    public async Task AnInvalidDocumentIsRefusedEveryTime()
    {
        const string Query = "{ operations { nosuchfield } }";

        var (once, _) = await Post(Query);
        var (twice, body) = await Post(Query);

        Assert.Equal(HttpStatusCode.BadRequest, once.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("nosuchfield", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnActorsOperationsRunNoQueryWhateverTheNumberOfActors()
    {
        const string Nested = "operations(first: 5) { totalCount edges { node { id disclosures { by } } } }";
        var dataset = factory.Services.GetRequiredService<DatasetFile>();

        var before = dataset.StatementsRun;
        var (_, one) = await Post($$"""{ actor(id: "example-agency") { id {{Nested}} } }""");
        var forOne = dataset.StatementsRun - before;
        before = dataset.StatementsRun;
        var (_, all) = await Post($$"""{ actors { id {{Nested}} } }""");
        var forAll = dataset.StatementsRun - before;

        Assert.Equal(2, all.GetProperty("data").GetProperty("actors").GetArrayLength());
        Assert.Equal("operation-alpha", one.GetProperty("data").GetProperty("actor").GetProperty("operations").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString());
        Assert.Equal(1, one.GetProperty("data").GetProperty("actor").GetProperty("operations").GetProperty("totalCount").GetInt32());
        // The actors are one query whatever their number; their operations come from the list index, no query at all.
        Assert.Equal(forOne, forAll);
    }

    [Theory]
    [InlineData("{ operations(first: 101) { totalCount } }", "'first' must be a whole number from 1 to 100")]
    [InlineData("""{ operations(filter: {text: " "}) { totalCount } }""", "'text' must be between 1 and 200 characters")]
    [InlineData("""{ operations(orderBy: RELEVANCE) { totalCount } }""", "Order by relevance needs words to match in 'text'")]
    [InlineData("""{ aggregates(by: [YEAR, YEAR]) { by } }""", "'by' names a grouping twice")]
    [InlineData("""{ operations(filter: {platform: ["tiktok,youtube"]}) { totalCount } }""", "Unknown platform 'tiktok,youtube'")]
    [InlineData("""{ operations(filter: {platform: "myspace"}) { totalCount } }""", "Unknown platform 'myspace'")]
    [InlineData("""{ operations(filter: {disclosedFrom: "2022-13"}) { totalCount } }""", "is not a date")]
    public async Task BadArgumentsAreGraphQLErrorsThatSayWhy(string query, string message)
    {
        var (_, body) = await Post(query);

        Assert.Contains(message, body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooComplexQueriesAreRefusedNamingTheLimit()
    {
        var (response, body) = await Post("{ a: operations(first: 100) { edges { node { disclosures { actions { count } reach { value } } attributions { level } sources { id } } } } actors { operations(first: 100) { edges { node { disclosures { actions { count } } } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The node budget (checked before validation) refuses it before the complexity analyzer would.
        Assert.Contains("nodes, the limit (GraphQL:MaxNodes)", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRequestsWorkWithVariables()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query($p: [String!]) { operations(filter: {platform: $p}) { edges { node { id } } } }") +
            "&variables=" + Uri.EscapeDataString("""{"p": ["tiktok"]}""");

        var body = await (await _client.GetAsync(url)).Json();

        Assert.Equal(["operation-beta"], Ids(body));
    }

    [Theory]
    [InlineData("text/plain", "{ operations { totalCount } }")]
    [InlineData("application/json", "{ not json")]
    [InlineData("application/json", "{\"variables\": {}}")]
    public async Task RequestsThatAreNotGraphQLAre400(string contentType, string content)
    {
        var response = await _client.PostAsync("/graphql", new StringContent(content, System.Text.Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SyntaxErrorsAre400WithGraphQLErrors()
    {
        var (response, body) = await Post("{ operations { ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").GetArrayLength() > 0);
    }

    [Fact]
    public async Task BrowsersGetTheIdeWithItsScriptsServedLocally()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");

        var page = await _client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        foreach (var script in new[] { "react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "graphiql.min.css" })
        {
            Assert.Contains($"/graphql/ide/{script}", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/graphql/ide/{script}")).StatusCode);
        }
    }

    private static readonly string[] MemberKinds = ["fields", "inputFields", "enumValues"];

    [Fact]
    public async Task EveryTypeFieldAndArgumentIsDescribed()
    {
        var (_, body) = await Post("{ __schema { types { name description fields { name description args { name description } } inputFields { name description } enumValues { name description } } } }");

        var missing = new List<string>();
        foreach (var type in body.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray())
        {
            var name = type.GetProperty("name").GetString()!;
            if (name.StartsWith("__", StringComparison.Ordinal) || name is "String" or "Int" or "Boolean" or "ID" or "Float" or "Long" or "PageInfo" || name.EndsWith("Edge", StringComparison.Ordinal) || name.EndsWith("Connection", StringComparison.Ordinal))
            {
                continue; // built-in scalars and GraphQL.NET's Relay types document themselves
            }
            if (type.GetProperty("description").ValueKind != JsonValueKind.String)
            {
                missing.Add(name);
            }
            foreach (var member in MemberKinds.SelectMany(m => type.GetProperty(m).ValueKind == JsonValueKind.Array ? type.GetProperty(m).EnumerateArray() : []))
            {
                if (member.GetProperty("description").ValueKind != JsonValueKind.String)
                {
                    missing.Add($"{name}.{member.GetProperty("name").GetString()}");
                }
                if (member.TryGetProperty("args", out var args))
                {
                    missing.AddRange(args.EnumerateArray().Where(a => a.GetProperty("description").ValueKind != JsonValueKind.String)
                        .Select(a => $"{name}.{member.GetProperty("name").GetString()}({a.GetProperty("name").GetString()})"));
                }
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task IntrospectionStaysOn()
    {
        var (_, body) = await Post("{ __schema { queryType { name } } }");

        Assert.Equal("Query", body.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public void SchemaMatchesItsSnapshot()
    {
        var schema = factory.Services.GetRequiredService<TransparencySchema>();
        schema.Initialize();

        Snapshot.Match(global::GraphQL.SchemaExtensions.Print(schema, new global::GraphQL.Utilities.PrintOptions { IncludeDescriptions = true }), "schema", "graphql");
    }
}

/// <summary>The depth limit, set low enough for the schema's deepest path to cross it.</summary>
public sealed class GraphQLDepthTests : IDisposable
{
    private readonly ShallowApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TooDeepQueriesAreRefusedNamingTheLimit()
    {
        var client = _factory.CreateClient();
        var deep = await client.PostAsJsonAsync("/graphql", new { query = "{ actors { operations { edges { node { disclosures { actions { platform } } } } } } }" });
        var shallow = await client.PostAsJsonAsync("/graphql", new { query = "{ actors { operations { totalCount } } }" });

        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Contains("depth", (await deep.Json()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, shallow.StatusCode);
    }

    private sealed class ShallowApiFactory : ApiFactoryBase
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("GraphQL:MaxDepth", "4");
        }
    }
}

/// <summary>The time limit, set below a millisecond so that any query crosses it.</summary>
public sealed class GraphQLTimeoutTests
{
    [Fact]
    public async Task AQueryThatRunsPastTheTimeLimitIsStoppedWithAnErrorNamingIt()
    {
        using var factory = new StalledApiFactory();
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/graphql", new { query = "{ operations(first: 2) { edges { node { id } } } }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Json()).GetProperty("errors")[0];
        Assert.Equal("TIMEOUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("longer than the limit of 1 s (GraphQL:Timeout)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False((await response.Json()).TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object,
            "a stopped query returns no partial data");
    }

    /// <summary>
    /// Every resolver waits until the query is cancelled, so the only way a query ends is the time limit: the
    /// outcome does not depend on how fast the machine is.
    /// </summary>
    private sealed class StalledApiFactory : ApiFactoryBase
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("GraphQL:Timeout", "00:00:01");
            builder.ConfigureServices(services => global::GraphQL.MicrosoftDIGraphQLBuilderExtensions.AddGraphQL(services, graphql => global::GraphQL.GraphQLBuilderExtensions.ConfigureSchema(graphql, (schema, _) =>
                schema.FieldMiddleware.Use(next => async context =>
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                    return await next(context);
                }))));
        }
    }
}
