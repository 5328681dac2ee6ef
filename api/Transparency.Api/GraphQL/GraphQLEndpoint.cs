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

    /// <summary>How long one query may run.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Memory for results kept by the server, in bytes.</summary>
    public long ResultCacheBytes { get; set; } = 128L * 1024 * 1024;
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
        services.AddScoped<OperationBatch>();
        services.AddScoped<ActorOperationsBatch>();
        services.AddSingleton(new GraphQLResultCache(options.ResultCacheBytes));
        services.AddGraphQL(graphql => graphql
            .AddSchema<TransparencySchema>()
            .AddGraphTypes(typeof(QueryType).Assembly)
            .AddSystemTextJson()
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
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        }
        catch (JsonException e)
        {
            await BadRequest(context, $"The body is not a GraphQL request: {e.Message}");
            return;
        }
        await Execute(context, serializer, executer, request);
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
        var cache = context.RequestServices.GetRequiredService<GraphQLResultCache>();
        var key = GraphQLResultCache.Key(request.Query, request.OperationName, serializer.Serialize(request.Variables));
        if (cache.TryGet(key, out var cached))
        {
            await context.Response.Body.WriteAsync(cached, context.RequestAborted);
            return;
        }
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Variables = request.Variables,
            OperationName = request.OperationName,
            RequestServices = context.RequestServices,
            CancellationToken = context.RequestAborted,
        });
        NameTheTimeLimit(result, context.RequestServices.GetRequiredService<GraphQLOptions>().Timeout);
        // GraphQL-over-HTTP: a request that could not be executed at all (syntax, validation, limits) is a 400.
        context.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        var bytes = System.Text.Encoding.UTF8.GetBytes(serializer.Serialize(result));
        if (result.Executed && result.Errors is not { Count: > 0 })
        {
            cache.Add(key, bytes);
        }
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
