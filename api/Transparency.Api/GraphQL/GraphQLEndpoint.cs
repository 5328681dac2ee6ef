using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Transparency.Api.GraphQL.Types;

namespace Transparency.Api.GraphQL;

/// <summary>Limits on every GraphQL request, from configuration section <c>GraphQL</c>.</summary>
public sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>The deepest a query may nest.</summary>
    // 15 lets the introspection query that IDEs send (about 13 levels of nested type references) through;
    // the deepest data query the schema allows is 7 levels.
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// The most a query may cost: each field counts, multiplied by the <c>first</c> of the lists above it. 50 operations with their
    /// attributions, actors and disclosures cost about 47,000; nesting every actor's 100 operations with their figures, about 1.8 million.
    /// </summary>
    public int MaxComplexity { get; set; } = 250_000;

    /// <summary>The largest document (the query text), in bytes. GraphiQL's introspection query is about 2 KB.</summary>
    public int MaxDocumentBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// The most tokens (names, punctuation, values) a document may have, counted before it is parsed. GraphQL.NET's
    /// validation grows with the square of the selections (30,000 took 7 s of CPU); at 2,000 it stays within tens of milliseconds.
    /// </summary>
    public int MaxTokens { get; set; } = 2_000;

    /// <summary>The most aliases a document may use: each alias can repeat a whole list under a new name.</summary>
    public int MaxAliases { get; set; } = 20;

    /// <summary>The most fields a query expands to through its fragments (a chain of fragments can multiply a small document).</summary>
    public int MaxFields { get; set; } = 2_000;

    /// <summary>
    /// The most nodes a query could return: each list counts its <c>first</c> (default 50) times the lists above it,
    /// and a list without <c>first</c> counts <see cref="DocumentBudget.AssumedListSize"/>. GitHub allows 500,000 on its
    /// fleet; on one 2-core server 5,000 nodes take about a fifth of a second of one core, so a handful of the
    /// largest queries at once still leaves the server answering others.
    /// </summary>
    public int MaxNodes { get; set; } = 5_000;

    /// <summary>How long one query may run.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a document that only pages through operations is answered from its plan once it has been executed
    /// (<see cref="PagePlans"/>); off, every request is executed, which the tests compare with.
    /// </summary>
    public bool PagePlans { get; set; } = true;

    /// <summary>Memory for results kept by the server, in bytes; 0 (the default) keeps none (see docs/performance.md).</summary>
    public long ResultCacheBytes { get; set; }
}

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP specification): POST JSON or GET with query parameters,
/// answered as <c>application/graphql-response+json</c>. Our package source has no GraphQL.Server, so this
/// small endpoint stands in for it.
/// </summary>
public static class GraphQLEndpoint
{
    public const string MediaType = "application/graphql-response+json";

    public static IServiceCollection AddGraphQLEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(GraphQLOptions.Section).Get<GraphQLOptions>() ?? new GraphQLOptions();
        // Types mapped from records (the OperationFilter input) take their descriptions from the records' XML documentation.
        GlobalSwitches.EnableReadDescriptionFromXmlDocumentation = true;
        services.AddSingleton(options);
        if (options.ResultCacheBytes > 0)
        {
            services.AddSingleton(new GraphQLResultCache(options.ResultCacheBytes));
        }
        services.AddSingleton<DocumentBudget>();
        services.AddSingleton<RecordFragments>();
        services.AddSingleton<PagePlans>();
        services.AddGraphQL(graphql => graphql
            .AddSchema<TransparencySchema>()
            // Every resolver answers from memory or one SQL query, synchronously: running fields one after another
            // spares the parallel strategy's task per field; operation nodes asked for before come as kept JSON.
            .AddExecutionStrategy<RecordFragmentStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddGraphTypes(typeof(QueryType).Assembly)
            .AddSystemTextJson(json => json.Converters.Add(new KeptJsonConverter()))
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = options.MaxDepth;
                complexity.MaxComplexity = options.MaxComplexity;
                // Introspection stays on and costs nothing: IDEs send a large introspection query that reads the
                // schema, not the data, and would otherwise exceed any limit that is useful for data queries.
                var dataImpact = complexity.DefaultComplexityImpactDelegate;
                complexity.DefaultComplexityImpactDelegate = field =>
                    field.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || field.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
                        ? new global::GraphQL.Validation.Complexity.FieldComplexityResult(0, 1)
                        : dataImpact(field);
            })
            .WithTimeout(options.Timeout)
            .AddErrorInfoProvider(errors => errors.ExposeExceptionDetails = false));
        return services;
    }

    public static WebApplication MapGraphQLEndpoint(this WebApplication app)
    {
        app.MapPost("/graphql", (Delegate)Post).ExcludeFromDescription();
        app.MapGet("/graphql", (Delegate)Get).ExcludeFromDescription();
        app.MapGet("/graphql/ide/{name}", GraphiQLPage.Asset).ExcludeFromDescription();
        return app;
    }

    private static async Task Post(HttpContext context, IGraphQLTextSerializer serializer, IDocumentExecuter<TransparencySchema> executer)
    {
        var contentType = context.Request.ContentType ?? "";
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await BadRequest(context, "Send the request as JSON (Content-Type: application/json) with a 'query' field, or use GET /graphql?query=….");
            return;
        }
        var limit = context.RequestServices.GetRequiredService<Http.HttpOptions>().MaxRequestBodyBytes;
        var body = await ReadBody(context, limit);
        if (body is null)
        {
            await Http.HttpPolicies.TooLarge(context, limit);
            return;
        }
        if (body.AsSpan().TrimStart(" \t\r\n"u8) is [(byte)'[', ..])
        {
            await BadRequest(context, "Batched requests (a JSON array of queries) are not accepted: send one query per request.");
            return;
        }
        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(System.Text.Encoding.UTF8.GetString(body));
        }
        catch (JsonException e)
        {
            await BadRequest(context, $"The body is not a GraphQL request: {e.Message}");
            return;
        }
        await Execute(context, serializer, executer, request);
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> (whether or not it declared its length).</summary>
    private static async Task<byte[]?> ReadBody(HttpContext context, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    private static async Task Get(HttpContext context, IGraphQLTextSerializer serializer, IDocumentExecuter<TransparencySchema> executer)
    {
        if (GraphiQLPage.Wants(context.Request))
        {
            await GraphiQLPage.Page().ExecuteAsync(context);
            return;
        }
        var query = context.Request.Query;
        var unknown = query.Keys.Where(k => k is not ("query" or "variables" or "operationName")).ToList();
        if (unknown.Count > 0)
        {
            await BadRequest(context, $"Unknown parameter(s) {string.Join(", ", unknown)}; GET /graphql takes query, variables and operationName.");
            return;
        }
        Inputs? variables = null;
        if (query["variables"].FirstOrDefault() is { Length: > 0 } json)
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(json);
            }
            catch (JsonException e)
            {
                await BadRequest(context, $"variables is not a JSON object: {e.Message}");
                return;
            }
        }
        await Execute(context, serializer, executer, new GraphQLRequest
        {
            Query = query["query"].FirstOrDefault(),
            Variables = variables,
            OperationName = query["operationName"].FirstOrDefault(),
        });
    }

    private static async Task Execute(HttpContext context, IGraphQLTextSerializer serializer, IDocumentExecuter<TransparencySchema> executer, GraphQLRequest? request)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await BadRequest(context, "The request has no query. Send {\"query\": \"{ operations { totalCount } }\"}.");
            return;
        }
        context.Response.ContentType = $"{MediaType}; charset=utf-8";
        var cache = context.RequestServices.GetService<GraphQLResultCache>();
        var key = cache is null ? null : GraphQLResultCache.Key(request.Query, request.OperationName, serializer.Serialize(request.Variables));
        if (cache is not null && cache.TryGet(key!, out var cached))
        {
            await context.Response.Body.WriteAsync(cached, context.RequestAborted);
            return;
        }
        var budget = context.RequestServices.GetRequiredService<DocumentBudget>();
        var document = budget.Check(request.Query, request.OperationName, request.Variables, out var refusal);
        if (refusal is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.Body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(serializer.Serialize(new ExecutionResult { Errors = [refusal] })), context.RequestAborted);
            return;
        }
        var wasValid = document is not null && budget.PassedValidation(document, request.OperationName);
        var plans = context.RequestServices.GetRequiredService<GraphQLOptions>().PagePlans ? context.RequestServices.GetRequiredService<PagePlans>() : null;
        if (wasValid && plans?.TryAnswer(document!, request.OperationName, request.Variables, context.RequestServices) is { } planned)
        {
            await serializer.WriteAsync(context.Response.Body, planned, context.RequestAborted);
            return;
        }
        var execution = new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            Variables = request.Variables,
            OperationName = request.OperationName,
            RequestServices = context.RequestServices,
            CancellationToken = context.RequestAborted,
        };
        if (wasValid)
        {
            // The document rules (GraphQL.NET's validation) passed for this very text before; variables are still
            // coerced and the complexity analyzer, which reads them, still runs.
            execution.ValidationRules = [];
        }
        var result = await executer.ExecuteAsync(execution);
        if (!wasValid && result.Executed && document is not null)
        {
            budget.MarkValidated(document, request.OperationName);
        }
        context.RequestServices.GetRequiredService<RecordFragments>().KeepFrom(result, serializer);
        if (result.Executed && result.Errors is not { Count: > 0 } && document is not null)
        {
            plans?.Executed(document, request.OperationName, request.Variables);
        }
        NameTheTimeLimit(result, context.RequestServices.GetRequiredService<GraphQLOptions>().Timeout);
        // GraphQL-over-HTTP: a request that could not be executed at all (syntax, validation, limits) is a 400.
        context.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        if (cache is null || !result.Executed || result.Errors is { Count: > 0 })
        {
            await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
            return;
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(serializer.Serialize(result));
        cache.Add(key!, bytes);
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>GraphQL.NET says only "The operation has timed out."; like the other limits, say which and how to stay under it.</summary>
    private static void NameTheTimeLimit(ExecutionResult result, TimeSpan limit)
    {
        if (result.Errors is not { } errors || !errors.Any(e => e.Code == "TIMEOUT"))
        {
            return;
        }
        var named = new ExecutionErrors();
        foreach (var error in errors)
        {
            named.Add(error.Code == "TIMEOUT"
                ? new ExecutionError($"The query ran longer than the limit of {limit.TotalSeconds:0.###} s (GraphQL:Timeout). Ask for fewer items with 'first', or fewer nested fields.") { Code = "TIMEOUT" }
                : error);
        }
        result.Errors = named;
    }

    private static Task BadRequest(HttpContext context, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a GraphQL request.", detail: detail).ExecuteAsync(context);
}
