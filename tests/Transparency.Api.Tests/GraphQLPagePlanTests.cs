using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Api.GraphQL;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

/// <summary>
/// A document that only pages through operations is answered from its plan once executed (<see cref="PagePlans"/>).
/// The same random pages, good and bad, are asked of a server that plans and of one that executes every request:
/// every answer must be the same, byte for byte, with the same status.
/// </summary>
public sealed class GraphQLPagePlanTests : IClassFixture<ShippedApiFactory>, IDisposable
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _planning;
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _executing;
    private readonly HttpClient _planned;
    private readonly HttpClient _executed;
    private readonly Dictionary<string, string[]> _lists;

    public GraphQLPagePlanTests(ShippedApiFactory factory)
    {
        _planning = factory.WithWebHostBuilder(b => b.UseSetting("Http:RequestsPerWindow", "1000000"));
        _executing = factory.WithWebHostBuilder(b => b.UseSetting("Http:RequestsPerWindow", "1000000").UseSetting("GraphQL:PagePlans", "false"));
        _planned = _planning.CreateClient();
        _executed = _executing.CreateClient();
        using var database = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        database.Open();
        _lists = FilterValues.Of(database);
    }

    public void Dispose()
    {
        _planned.Dispose();
        _executed.Dispose();
        _planning.Dispose();
        _executing.Dispose();
    }

    private const string Node = "node { id name origin platforms lastDisclosed totals { accountsRemoved } attributions { level confidence by actor { id name } } disclosures { by date actions { platform asset count qualifier } } }";

    private static readonly string[] Documents =
    [
        "query Page($first: Int, $order: OperationOrder, $filter: OperationFilter, $after: String) { operations(first: $first, orderBy: $order, filter: $filter, after: $after) { edges { " + Node + " } pageInfo { endCursor hasNextPage } } }",
        "query ($filter: OperationFilter, $first: Int, $after: String) { operations(filter: $filter, after: $after, first: $first) { pageInfo { hasPreviousPage startCursor endCursor hasNextPage } totalCount edges { cursor node { id summary } } } }",
        "query Page($first: Int!, $order: OperationOrder, $after: String, $filter: OperationFilter!) { operations(after: $after, first: $first, orderBy: $order, filter: $filter) { totalCount edges { " + Node + " } } }",
    ];

    private static readonly string[] Orders = ["RELEVANCE", "NAME", "NAME_DESC", "FIRST_SEEN", "FIRST_SEEN_DESC", "LAST_DISCLOSED", "LAST_DISCLOSED_DESC", "ACCOUNTS_REMOVED", "ACCOUNTS_REMOVED_DESC", "FOLLOWERS", "FOLLOWERS_DESC", "NOT_AN_ORDER"];
    private static readonly string[] DateFilters = ["disclosedFrom", "disclosedTo", "activeFrom", "activeTo"];
    private static readonly string[] Thresholded = ["minAccounts", "minFollowers"];
    private static readonly string[] Unknown = ["XX"];
    private static readonly string[] Words = ["network", "election", "russia", "china", "accounts", "iran", "hong kong", "spamouflage"];

    /// <summary>Random variables: mostly valid, sometimes of the wrong type, out of range, unknown or missing.</summary>
    private Dictionary<string, object?> Draw(Random random)
    {
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        var filter = new Dictionary<string, object?>();
        foreach (var (name, values) in _lists.Where(_ => random.Next(5) == 0))
        {
            filter[name] = random.Next(4) == 0 ? Pick(values) : Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(values)).Distinct().ToArray();
        }
        if (random.Next(5) == 0)
        {
            filter[Pick(DateFilters)] = $"{random.Next(2015, 2027)}-{random.Next(1, 13):00}";
        }
        if (random.Next(5) == 0)
        {
            filter[Pick(Thresholded)] = random.Next(3) == 0 ? 3_000_000_000L : (object)random.Next(0, 100_000);
        }
        if (random.Next(5) == 0)
        {
            filter["text"] = Pick(Words);
        }
        var variables = new Dictionary<string, object?>
        {
            ["first"] = random.Next(14) switch { 0 => 0, 1 => "ten", 2 => null, 3 => 5.0, _ => random.Next(1, 101) },
            ["order"] = random.Next(4) == 0 ? null : Pick(Orders),
            ["filter"] = random.Next(20) switch
            {
                0 => new Dictionary<string, object?> { ["nosuchfield"] = 1 },
                1 => new Dictionary<string, object?> { ["origin"] = Unknown },
                2 => null,
                3 => new Dictionary<string, object?> { ["origin"] = new object?[] { "CN", null } },
                4 => new Dictionary<string, object?> { ["origin"] = new object[] { new[] { "CN" } } },
                _ => filter,
            },
        };
        if (random.Next(20) == 0)
        {
            variables["after"] = "not-a-cursor";
        }
        if (random.Next(20) == 0)
        {
            variables["undeclared"] = 1;
        }
        return variables;
    }

    [Fact]
    public async Task APlannedPageIsWhatExecutingItGives()
    {
        var random = new Random(20261201);
        var mismatches = new List<string>();
        for (var round = 0; round < 150; round++)
        {
            var query = Documents[round % Documents.Length];
            var variables = Draw(random);
            if (!query.Contains("$order", StringComparison.Ordinal))
            {
                variables.Remove("order");
            }
            // Each page twice (the first executes and keeps its nodes), then the page after it.
            for (var page = 0; page < 3 && variables is not null; page++)
            {
                var (plannedStatus, planned) = await Post(_planned, query, variables);
                var (executedStatus, executed) = await Post(_executed, query, variables);
                if (plannedStatus != executedStatus || planned != executed)
                {
                    mismatches.Add($"{query}\n{JsonSerializer.Serialize(variables)}\nplanned {plannedStatus}: {planned}\nexecuted {executedStatus}: {executed}");
                }
                variables = page == 0 ? variables : Next(variables, executed);
            }
        }

        Assert.Empty(mismatches);
        // The plans were used, or this compared execution with itself.
        Assert.True(_planning.Services.GetRequiredService<PagePlans>().Answered > 100, $"answered from plans: {_planning.Services.GetRequiredService<PagePlans>().Answered}");
        Assert.Equal(0, _executing.Services.GetRequiredService<PagePlans>().Answered);
    }

    [Fact]
    public async Task ADocumentThatDoesMoreThanPageIsAlwaysExecuted()
    {
        // Each sends only the variables it declares, so nothing but the document's shape keeps it from a plan; the
        // first, a plain page, is the control that shows these requests would otherwise be planned.
        (string Query, bool Planned)[] documents =
        [
            ("query ($first: Int) { operations(first: $first) { edges { node { id } } } }", true),
            ("query ($first: Int, $filter: OperationFilter) { operations(first: $first, filter: $filter) { totalCount edges { node { id } } } }", true),
            ("query ($first: Int) { operations(first: $first) { edges { node { id } } } stats { total } }", false),
            ("query ($first: Int) { list: operations(first: $first) { edges { node { id } } } }", false),
            // Inside a node anything RecordFragments keeps is fine: the kept JSON is what execution wrote.
            ("query ($first: Int) { operations(first: $first) { edges { node { id __typename } } } }", true),
            ("query ($first: Int) { operations(first: $first) { edges { node { id } } pageInfo { __typename } } }", false),
            ("query ($first: Int) { operations(first: $first) { edges { n: node { id } } } }", false),
            ("query ($first: Int = 3) { operations(first: $first) { edges { node { id } } } }", false),
            ("query ($first: Int) { operations(first: $first) @include(if: true) { edges { node { id } } } }", false),
            ("query ($first: Int, $with: Boolean!) { operations(first: $first) { edges { node { id name @include(if: $with) } } } }", false),
            ("query ($first: Int) { operations(first: $first) { ...Page } } fragment Page on OperationConnection { edges { node { id } } }", false),
            ("query Named($first: Int) { operations(first: $first) { edges { node { id } } } }", false),
        ];
        var plans = _planning.Services.GetRequiredService<PagePlans>();
        foreach (var (query, planned) in documents)
        {
            var before = plans.Answered;
            for (var i = 0; i < 3; i++)
            {
                var variables = new Dictionary<string, object?> { ["first"] = 2 };
                if (query.Contains("$with", StringComparison.Ordinal))
                {
                    variables["with"] = i % 2 == 0;
                }
                if (query.Contains("$filter", StringComparison.Ordinal))
                {
                    variables["filter"] = new Dictionary<string, object?> { ["origin"] = new[] { "RU", "CN" }, ["minAccounts"] = 10, ["text"] = "network", ["disclosedFrom"] = "2019" };
                }
                // The named document is asked for under another operation name: GraphQL.NET refuses that, and so must the plan.
                var operationName = query.StartsWith("query Named", StringComparison.Ordinal) ? "Other" : null;
                var (plannedStatus, plannedBody) = await Post(_planned, query, variables, operationName);
                var (executedStatus, executedBody) = await Post(_executed, query, variables, operationName);
                Assert.Equal(executedStatus, plannedStatus);
                Assert.Equal(executedBody, plannedBody);
            }
            Assert.True(planned == plans.Answered > before, $"{query}: answered from a plan {plans.Answered - before} times");
        }
    }

    /// <summary>The variables of the page after this one, or null at the end.</summary>
    private static Dictionary<string, object?>? Next(Dictionary<string, object?> variables, string body)
    {
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.GetProperty("operations").TryGetProperty("pageInfo", out var pageInfo)
            || !pageInfo.TryGetProperty("hasNextPage", out var more) || !more.GetBoolean())
        {
            return null;
        }
        return new Dictionary<string, object?>(variables) { ["after"] = pageInfo.GetProperty("endCursor").GetString() };
    }

    private static async Task<(int Status, string Body)> Post(HttpClient client, string query, Dictionary<string, object?> variables, string? operationName = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables, operationName });
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
