using System.Reflection;
using System.Text.Json;
using Transparency.Api.GraphQL;
using Transparency.Api.Http;
using Transparency.Api.Operations;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

/// <summary>
/// The docs are kept honest the way Datasette keeps its own: every endpoint, query parameter, GraphQL field and argument,
/// and every limit and its setting, has an entry in docs/api.md or docs/graphql.md, or a test fails naming what is missing.
/// </summary>
public sealed class DocsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string ApiDoc = File.ReadAllText(Path.Combine(ShippedApiFactory.RepositoryRoot, "docs", "api.md"));
    private static readonly string GraphQLDoc = File.ReadAllText(Path.Combine(ShippedApiFactory.RepositoryRoot, "docs", "graphql.md"));

    [Fact]
    public async Task EveryEndpointAndQueryParameterIsInTheRestDocs()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).Json();
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!ApiDoc.Contains(path.Name, StringComparison.Ordinal))
            {
                missing.Add(path.Name);
            }
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : default;
                missing.AddRange(parameters.Where(p => p.GetProperty("in").GetString() == "query")
                    .Select(p => p.GetProperty("name").GetString()!)
                    .Where(name => !ApiDoc.Contains($"`{name}`", StringComparison.Ordinal) && !ApiDoc.Contains($"{name}=", StringComparison.Ordinal))
                    .Select(name => $"{path.Name}?{name}"));
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task EveryQueryFieldArgumentAndFilterIsInTheGraphQLDocs()
    {
        var response = await _client.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new
        {
            query = "{ __schema { queryType { fields { name args { name } } } types { name kind inputFields { name } enumValues { name } } } }",
        }), System.Text.Encoding.UTF8, "application/json"));
        var schema = (await response.Json()).GetProperty("data").GetProperty("__schema");
        var missing = new List<string>();
        foreach (var field in schema.GetProperty("queryType").GetProperty("fields").EnumerateArray())
        {
            var name = field.GetProperty("name").GetString()!;
            if (!GraphQLDoc.Contains($"{name}(", StringComparison.Ordinal) && !GraphQLDoc.Contains($"{name}:", StringComparison.Ordinal))
            {
                missing.Add(name);
            }
            missing.AddRange(field.GetProperty("args").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)
                .Where(arg => !GraphQLDoc.Contains($"{arg}:", StringComparison.Ordinal)).Select(arg => $"{name}({arg})"));
        }
        foreach (var type in schema.GetProperty("types").EnumerateArray().Where(t => t.GetProperty("name").GetString() is "OperationFilter" or "OperationOrder" or "AggregateGrouping"))
        {
            var members = type.GetProperty("kind").GetString() == "INPUT_OBJECT" ? type.GetProperty("inputFields") : type.GetProperty("enumValues");
            missing.AddRange(members.EnumerateArray().Select(m => m.GetProperty("name").GetString()!)
                .Where(m => !GraphQLDoc.Contains($"`{m}`", StringComparison.Ordinal)
                    && !(m.EndsWith("_DESC", StringComparison.Ordinal) && GraphQLDoc.Contains($"`{m[..^5]}`", StringComparison.Ordinal) && GraphQLDoc.Contains("`_DESC`", StringComparison.Ordinal)))
                .Select(m => $"{type.GetProperty("name").GetString()}.{m}"));
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryLimitAndItsSettingIsDocumented()
    {
        string[] Settings(Type options, string section) =>
            [.. options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"`{section}:{p.Name}`")];

        var missing = Settings(typeof(HttpOptions), HttpOptions.Section).Where(s => !ApiDoc.Contains(s, StringComparison.Ordinal))
            .Concat(Settings(typeof(GraphQLOptions), GraphQLOptions.Section).Where(s => !GraphQLDoc.Contains(s, StringComparison.Ordinal)))
            .ToList();
        var pageLimit = $"1–{OperationQuery.MaxLimit}, default {OperationQuery.DefaultLimit}";
        if (!ApiDoc.Contains(pageLimit, StringComparison.Ordinal))
        {
            missing.Add($"api.md: {pageLimit}");
        }
        if (!GraphQLDoc.Contains(pageLimit, StringComparison.Ordinal))
        {
            missing.Add($"graphql.md: {pageLimit}");
        }
        var textLimit = typeof(OperationFilter).GetProperty(nameof(OperationFilter.Text))!.GetCustomAttribute<System.ComponentModel.DataAnnotations.StringLengthAttribute>()!.MaximumLength;
        missing.AddRange(new[] { ("api.md", ApiDoc), ("graphql.md", GraphQLDoc) }.Where(d => !d.Item2.Contains($"1–{textLimit} characters", StringComparison.Ordinal)).Select(d => $"{d.Item1}: text limit {textLimit}"));
        Assert.Empty(missing);
    }
}
