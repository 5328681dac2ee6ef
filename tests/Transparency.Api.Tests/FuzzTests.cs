using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

/// <summary>
/// Bad and abusive requests, written out and generated (CsCheck): every one is answered with a 4xx carrying
/// problem+json (REST) or GraphQL errors, or a 2xx/3xx, and never a 5xx. A failing case prints the seed that
/// reproduces it.
/// </summary>
public sealed class FuzzTests(FuzzTests.FuzzApiFactory factory) : IClassFixture<FuzzTests.FuzzApiFactory>
{
    private const int Iterations = 150;

    private readonly HttpClient _client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The rate limiter would answer most of these 429: give the fuzzer room to reach the endpoints.</summary>
    public sealed class FuzzApiFactory : ApiFactoryBase
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Http:RequestsPerWindow", "1000000");
        }
    }

    private static readonly string[] NastyValues =
    [
        "", " ", "0", "-1", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999", "1e400", "NaN", "0x10", "1.5", "٣",
        "\0", "\u0001", "\u001b[2J", "\r\n", "\t", "\uFFFF", "\uD800", "😀", "a\u0000b",
        "\"", "'", "\"unterminated", "NEAR(a b)", "a OR b", "a AND NOT b", "*", "^x", "x*", "col:word", "{a b}", "(\"", "-", "+",
        "../../etc/passwd", "..%2f..%2f", "%00", "%", "%%", "<script>", "' OR 1=1 --", "; DROP TABLE operations;",
        new string('a', 10_000), string.Concat(Enumerable.Repeat("x,", 2_000)), "x,,,,y", ",",
        "2022-13-01", "2022-02-30", "0000", "9999-12-31", "-2022", "2022-1-1",
    ];

    private static readonly string[] OperationParameters =
        ["actor", "origin", "target", "platform", "disclosedBy", "topic", "from", "to", "activeFrom", "activeTo", "minAccounts", "minFollowers", "q", "sort", "limit", "cursor", "format", "bogus", ""];

    /// <summary>One of several generators (named so that it cannot be read as one of several constants).</summary>
    private static Gen<T> Either<T>(params IGen<T>[] generators) => Gen.OneOf<T>(generators);

    private static readonly Gen<string> AnyText = Either(
        Gen.OneOf(NastyValues),
        Gen.String[Gen.Char, 0, 40],
        Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A 4xx must explain itself: problem+json, with a detail or title.</summary>
    private static async Task AssertAnsweredCleanly(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{what} answered {status}: {await response.Content.ReadAsStringAsync()}");
        if (status >= 400)
        {
            var type = response.Content.Headers.ContentType?.MediaType;
            Assert.True(type is "application/problem+json" or "application/graphql-response+json", $"{what} answered {status} as {type ?? "nothing"}");
            var body = await response.Json();
            Assert.True(body.TryGetProperty("detail", out _) || body.TryGetProperty("title", out _) || body.TryGetProperty("errors", out _), $"{what} answered {status} without saying why");
        }
    }

    [Fact]
    public async Task GeneratedQueryStringsNeverFailTheServer()
    {
        var parameter = Gen.Select(Gen.OneOf(OperationParameters), AnyText);
        await Gen.Select(parameter, parameter, Gen.Bool).SampleAsync(async sample =>
        {
            var ((name1, value1), (name2, value2), two) = sample;
            var url = QueryHelpers.AddQueryString("/v1/operations", two ? new Dictionary<string, string?> { [name1] = value1, [name2 == name1 ? name2 + "x" : name2] = value2 } : new Dictionary<string, string?> { [name1] = value1 });
            await AssertAnsweredCleanly(await _client.GetAsync(url), url);
        }, iter: Iterations, threads: 1);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-1")]
    [InlineData("limit=2147483648")]
    [InlineData("limit=1e2")]
    [InlineData("minAccounts=-1")]
    [InlineData("minAccounts=9223372036854775808")]
    [InlineData("q=%00")]
    [InlineData("q=a%01b")]
    [InlineData("cursor=%00")]
    [InlineData("cursor=AAAA")]
    [InlineData("cursor=e30")]
    [InlineData("from=2022-13-45")]
    [InlineData("sort=--name")]
    [InlineData("format=xml")]
    public async Task KnownBadValuesAreA400WithAProblem(string query)
    {
        var response = await _client.GetAsync($"/v1/operations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("%22")]
    [InlineData("NEAR(a%20b)")]
    [InlineData("%2A")]
    [InlineData("a%20OR%20b")]
    [InlineData("col%3Aword")]
    [InlineData("%5Ex")]
    public async Task FullTextSyntaxInTheSearchIsReadAsWords(string q)
    {
        var response = await _client.GetAsync($"/v1/operations?q={q}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Json()).Ids());
    }

    [Fact]
    public async Task ForgedCursorsNeverFailTheServer()
    {
        var value = Either(Gen.Long.Select(n => JsonSerializer.Serialize(n)), Gen.String.Select(s => JsonSerializer.Serialize(s)), Gen.Double.Select(d => double.IsFinite(d) ? JsonSerializer.Serialize(d) : "1e400"),
            Gen.OneOf("null", "true", "[]", "{}", "-0", "18446744073709551616"));
        var sort = Gen.OneOf("name", "-name", "firstSeen", "accountsRemoved", "-followers", "lastDisclosed", "bogus", "");
        var forged = Gen.Select(sort, value, Gen.String, (s, v, i) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{{\"s\":{JsonSerializer.Serialize(s)},\"v\":{v},\"i\":{JsonSerializer.Serialize(i)}}}")));
        var garbage = Either(Gen.String, Gen.Byte.Array[0, 200].Select(bytes => WebEncoders.Base64UrlEncode(bytes)), Gen.Const(new string('A', 8_000)));
        await Gen.Select(Either(forged, garbage), sort).SampleAsync(async sample =>
        {
            var (cursor, sortName) = sample;
            var url = QueryHelpers.AddQueryString("/v1/operations", new Dictionary<string, string?> { ["cursor"] = cursor, ["sort"] = sortName });
            await AssertAnsweredCleanly(await _client.GetAsync(url), url);
            var graphql = await _client.PostAsJsonAsync("/graphql", new { query = "query($c: String) { operations(after: $c, first: 2) { edges { node { id } } } }", variables = new { c = cursor } });
            await AssertGraphQLAnswered(graphql, cursor);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public async Task GeneratedPathsNeverFailTheServer()
    {
        var segment = Either(AnyText, Gen.OneOf("..", ".", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%2F", "~", new string('x', 4_000), "operation-alpha", "example-agency"));
        var prefix = Gen.OneOf("/v1/operations/", "/v1/actors/", "/v1/", "/graphql/ide/", "/v1/dataset/", "/");
        await Gen.Select(prefix, segment).SampleAsync(async sample =>
        {
            var (start, id) = sample;
            // A NUL in the path never reaches the app: the server refuses the request line (docs/api.md).
            var url = start + Uri.EscapeDataString(id.Replace("\0", "", StringComparison.Ordinal));
            await AssertAnsweredCleanly(await _client.GetAsync(url), url);
        }, iter: Iterations, threads: 1);
    }

    [Theory]
    [InlineData("/v1/operations/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/v1/actors/%2e%2e")]
    [InlineData("/graphql/ide/..%2F..%2Fappsettings.json")]
    [InlineData("/graphql/ide/%2e%2e%2fTransparency.Api.dll")]
    public async Task PathTraversalFindsNothing(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertAnsweredCleanly(response, url);
    }

    [Fact]
    public async Task AVeryLongIdIsANotFound()
    {
        var response = await _client.GetAsync($"/v1/operations/{new string('a', 6_000)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertGraphQLAnswered(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{what} answered {status}: {text}");
        using var body = JsonDocument.Parse(text);
        if (status >= 400)
        {
            Assert.True(body.RootElement.TryGetProperty("errors", out _) || body.RootElement.TryGetProperty("detail", out _), $"{what} answered {status} without saying why: {text}");
        }
        else
        {
            Assert.True(body.RootElement.TryGetProperty("data", out _) || body.RootElement.TryGetProperty("errors", out _), $"{what} answered {status} with neither data nor errors: {text}");
        }
    }

    private static readonly string[] FieldNames =
    [
        "operations", "operation(id: \"operation-alpha\")", "actors", "actor(id: \"example-agency\")", "platforms", "organisations", "topics", "stats", "dataset",
        "changes(since: \"2020-01-01\")", "changes(since: \"garbage\")", "id", "name", "edges", "node", "totalCount", "disclosures", "actions", "count",
        "attributions", "actor", "sources", "url", "__typename", "nope", "version", "items", "pageInfo", "hasNextPage",
    ];

    private static readonly Gen<string> FirstArgument = Either(
        Gen.OneOf("0", "-1", "2147483647", "2147483648", "99999999999999999999", "1.5", "\"ten\"", "null", "$n"),
        Gen.Int[-5, 200].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Random selections: real and unknown fields, aliases, odd arguments, nesting, fragments that may cycle.</summary>
    private static readonly Gen<string> Document = Gen.Recursive<string>((depth, inner) =>
    {
        var leaf = Gen.OneOf(FieldNames);
        if (depth >= 5)
        {
            return leaf;
        }
        var field = Gen.Select(Gen.OneOf(FieldNames), Gen.Bool, Gen.Int[0, 3], FirstArgument, inner.Array[0, 4], (name, withFirst, alias, first, children) =>
            (alias == 0 ? $"a{first.GetHashCode() & 0xff}: " : "") + name + (withFirst && !name.Contains('(', StringComparison.Ordinal) ? $"(first: {first})" : "") +
            (children.Length > 0 ? " { " + string.Join(" ", children) + " }" : ""));
        return Either(leaf, field, Gen.OneOf("...F", "...G", "... on Query { dataset { version } }"));
    });

    [Fact]
    public async Task GeneratedGraphQLDocumentsNeverFailTheServer()
    {
        var fragments = Gen.OneOf("", "fragment F on Query { ...G } fragment G on Query { ...F }", "fragment F on Query { operations { totalCount } } fragment G on Operation { id }");
        var garbage = Gen.OneOf("", "{", "}", "{{{{", "query {", "\"", "#", "$", "@skip", "(");
        var variables = Either(Gen.Const("null"), Gen.Int.Select(n => $"{{\"n\": {n}}}"), Gen.String.Select(s => $"{{\"n\": {JsonSerializer.Serialize(s)}}}"), Gen.Long.Select(n => $"{{\"n\": {n}}}"));
        await Gen.Select(Document.Array[1, 4], fragments, garbage, variables).SampleAsync(async sample =>
        {
            var (selections, fragment, noise, vars) = sample;
            var query = "query($n: Int) { " + string.Join(" ", selections) + " } " + fragment + noise;
            using var content = new StringContent($"{{\"query\": {JsonSerializer.Serialize(query)}, \"variables\": {vars}}}", Encoding.UTF8, "application/json");
            var response = await _client.PostAsync("/graphql", content);
            await AssertGraphQLAnswered(response, query);
        }, iter: Iterations, threads: 1);
    }

    public static TheoryData<string> AbusiveDocuments => new()
    {
        // Deep nesting, far past the depth limit.
        string.Concat(Enumerable.Repeat("operations { edges { node { ", 200)).Insert(0, "{ "),
        "{ " + string.Concat(Enumerable.Repeat("dataset { ", 500)) + new string('}', 501),
        // Fragment cycles.
        "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
        "{ ...A } fragment A on Query { ...A }",
        // Alias floods.
        "{ " + string.Concat(Enumerable.Range(0, 300).Select(i => $"a{i}: operations(first: 100) {{ edges {{ node {{ id }} }} }} ")) + "}",
        "{ " + string.Concat(Enumerable.Range(0, 100).Select(i => $"a{i}: __typename ")) + "}",
        // Huge documents.
        "{ " + string.Concat(Enumerable.Repeat("__typename ", 5_000)) + "}",
        "{ operations(filter: {text: \"" + new string('a', 10_000) + "\"}) { totalCount } }",
        // Odd values.
        "{ operations(first: 2147483648) { totalCount } }",
        "{ operations(first: -1) { totalCount } }",
        "{ operations(first: 0) { totalCount } }",
        "{ operations(after: \"\\u0000\") { totalCount } }",
        "{ operations(filter: {text: \"\\u0000\"}) { totalCount } }",
        "{ operations(filter: {text: \"NEAR(a b)\"}) { totalCount } }",
        "{ operations(filter: {platform: [\"" + string.Concat(Enumerable.Repeat("x,", 1_000)) + "\"]}) { totalCount } }",
        "{ operation(id: \"" + new string('z', 5_000) + "\") { id } }",
        "{ changes(since: \"\\u0000\") { since } }",
        "mutation { x }",
        "subscription { x }",
        "query A { dataset { version } } query A { dataset { version } }",
    };

    [Theory]
    [MemberData(nameof(AbusiveDocuments))]
    public async Task AbusiveDocumentsGetErrorsNeverA5xx(string query)
    {
        var response = await _client.PostAsJsonAsync("/graphql", new { query });

        await AssertGraphQLAnswered(response, query.Length > 200 ? query[..200] : query);
    }

    [Theory]
    [InlineData("{ operations(first: 2147483648) { totalCount } }")]
    [InlineData("{ operations(first: -1) { totalCount } }")]
    [InlineData("{ operations(first: 0) { totalCount } }")]
    [InlineData("{ operations(after: \"\\u0000\") { totalCount } }")]
    [InlineData("{ operations(filter: {text: \"\\u0000\"}) { totalCount } }")]
    [InlineData("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }")]
    [InlineData("{ changes(since: \"\\u0000\") { since } }")]
    [InlineData("mutation { x }")]
    [InlineData("{ ... on Nope { id } }")]
    [InlineData("{ ...F } fragment F on Nope { id }")]
    [InlineData("{ ...Missing }")]
    [InlineData("{ operations { edges { node { id(first: 5) } } } }")]
    public async Task BadValuesAndShapesGetAGraphQLError(string query)
    {
        var response = await _client.PostAsJsonAsync("/graphql", new { query });

        await AssertGraphQLAnswered(response, query);
        Assert.True((await response.Json()).TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0, "the document gets an error");
    }

    public static TheoryData<string> MalformedBodies => new()
    {
        "", "{", "null", "[]", "[1,2]", "\"query\"", "5", "{\"query\": 5}", "{\"query\": null}", "{\"query\": [\"{ __typename }\"]}",
        "{\"query\": \"{ __typename }\", \"variables\": \"x\"}", "{\"query\": \"{ __typename }\", \"variables\": [1]}",
        "{\"query\": \"{ __typename }\", \"operationName\": 7}", "{\"query\": \"{ __typename }\"", "{\"query\": \"\\ud800\"}",
        new string('[', 5_000) + new string(']', 5_000),
        "{\"query\": \"{ __typename }\", \"variables\": " + new string('[', 2_000) + new string(']', 2_000) + "}",
        "{\"query\": \"{ __typename }\", \"variables\": {\"a\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 1_000)) + "1" + new string('}', 1_001) + "}",
        "\u0000\u0001\u0002",
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedJsonIsA400WithAReason(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertAnsweredCleanly(response, body.Length > 100 ? body[..100] : body);
    }

    [Fact]
    public async Task GeneratedBodiesNeverFailTheServer()
    {
        var json = Either(
            Gen.String,
            Gen.Select(Gen.String, Gen.String, (q, v) => JsonSerializer.Serialize(new { query = q, variables = v })),
            Gen.Select(Document, Gen.Int, (q, n) => JsonSerializer.Serialize(new { query = "{ " + q + " }", operationName = n })),
            Gen.Byte.Array[0, 300].Select(bytes => Encoding.Latin1.GetString(bytes)));
        var contentType = Gen.OneOf("application/json", "application/json; charset=utf-8", "text/plain", "application/graphql", "multipart/form-data");
        await Gen.Select(json, contentType).SampleAsync(async sample =>
        {
            var (body, type) = sample;
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
            var response = await _client.PostAsync("/graphql", content);
            await AssertAnsweredCleanly(response, body.Length > 100 ? body[..100] : body);
        }, iter: Iterations, threads: 1);
    }
}
