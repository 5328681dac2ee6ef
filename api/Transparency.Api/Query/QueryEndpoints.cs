using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Dataset.Schema;

namespace Transparency.Api.Query;

/// <summary>
/// REST's side of the typed queries: the endpoint filter that checks a query bound with <c>[AsParameters]</c> before the
/// handler runs, and the problem every mistake becomes.
/// </summary>
public static partial class QueryEndpoints
{
    /// <summary>
    /// Checks the <typeparamref name="TQuery"/> argument: parameters it does not have (with a "did you mean"), one-value
    /// parameters given twice, comma lists split into values, then <see cref="QueryValidator"/>. Any mistake is one 400 problem.
    /// </summary>
    public static RouteHandlerBuilder ValidatesQuery<TQuery>(this RouteHandlerBuilder builder) where TQuery : class =>
        builder.WithMetadata(new Http.QueryRecordMetadata(typeof(TQuery))).AddEndpointFilter(async (context, next) =>
        {
            var query = context.Arguments.OfType<TQuery>().Single();
            var errors = Check(query, context.HttpContext.Request.Query, context.HttpContext.RequestServices);
            return errors.Count > 0 ? Problem(errors) : await next(context);
        });

    /// <summary>Every query parameter name of a query record, in declaration order.</summary>
    public static string[] Names(Type query) => [.. QueryValidator.Properties(query).Select(QueryValidator.RestName)];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Dictionary<string, System.Reflection.PropertyInfo>> ByRestName = new();

    public static Dictionary<string, string[]> Check(object query, IQueryCollection raw, IServiceProvider services)
    {
        var properties = ByRestName.GetOrAdd(query.GetType(), type => QueryValidator.Properties(type).ToDictionary(QueryValidator.RestName, StringComparer.Ordinal));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in raw.Keys.Where(k => !properties.ContainsKey(k)))
        {
            var suggestion = Suggest.Closest(key, properties.Keys);
            errors[key] = [$"'{key}' is not a parameter of this endpoint." + (suggestion is not null ? $" Did you mean '{suggestion}'?" : "") +
                $" Parameters: {string.Join(", ", properties.Keys)}."];
        }
        foreach (var (name, property) in properties)
        {
            if (property.PropertyType == typeof(string[]))
            {
                // Over REST a comma-separated list means the same as repeating the parameter.
                if (property.GetValue(query) is string[] values)
                {
                    property.SetValue(query, values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray());
                }
            }
            else if (raw[name].Count > 1)
            {
                errors[name] = [$"'{name}' may be given once."];
            }
        }
        foreach (var (name, messages) in QueryValidator.Validate(query, services, QueryValidator.RestName))
        {
            errors.TryAdd(name, messages);
        }
        return errors;
    }

    public static ProblemHttpResult Problem(Dictionary<string, string[]> errors) => TypedResults.Problem(new HttpValidationProblemDetails(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The query is not valid.",
        Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
    });

    /// <summary>
    /// A value the typed query could not even hold (<c>limit=ten</c>) fails binding before any filter runs; ASP.NET Core then
    /// throws <see cref="BadHttpRequestException"/> (RouteHandlerOptions.ThrowOnBadRequest), which this turns into the same problem.
    /// </summary>
    public sealed partial class BindingFailureHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }
            httpContext.Response.StatusCode = bad.StatusCode;
            var match = FailedBinding().Match(bad.Message);
            var detail = bad.Message;
            if (match.Success)
            {
                var name = char.ToLowerInvariant(match.Groups["name"].Value[0]) + match.Groups["name"].Value[1..];
                var kind = match.Groups["type"].Value switch
                {
                    var type when type.Contains("int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.OrdinalIgnoreCase) => "a whole number",
                    var other => other,
                };
                detail = $"'{match.Groups["value"].Value}' is not a valid '{name}': {kind} is expected.";
            }
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = bad.StatusCode, Title = "The request is not valid.", Detail = detail },
                Exception = exception,
            });
        }

        [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>\w+)" from "(?<value>.*)"\.$""")]
        private static partial Regex FailedBinding();
    }

    public static IServiceCollection AddQueryBinding(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BindingFailureHandler>();
        return services;
    }
}
