using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Dataset.Schema;

namespace Transparency.Api.Http;

/// <summary>
/// Reads a request's query string strictly: unknown parameters and malformed values become one 400
/// problem that lists every mistake, instead of being silently ignored.
/// </summary>
public sealed partial class QueryParameters(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public void RejectUnknown(IReadOnlyCollection<string> allowed)
    {
        foreach (var key in query.Keys.Where(k => !allowed.Contains(k)))
        {
            var suggestion = Suggest.Closest(key, allowed);
            Fail(key, $"'{key}' is not a parameter of this endpoint." + (suggestion is not null ? $" Did you mean '{suggestion}'?" : "") +
                $" Parameters: {string.Join(", ", allowed)}.");
        }
    }

    /// <summary>
    /// Every value of a repeatable parameter (repeats and commas both mean OR), lower-cased ids checked against
    /// <paramref name="known"/>. An unknown value that is a former or common name (<paramref name="otherNames"/>),
    /// or close to an id or such a name, gets "did you mean" with the id; otherwise the valid values are listed.
    /// </summary>
    public string[] Ids(string name, IReadOnlySet<string> known, string what, IReadOnlyDictionary<string, string>? otherNames = null)
    {
        var values = Values(name).Select(v => v.ToLowerInvariant()).ToArray();
        var unknown = values.Where(v => !known.Contains(v)).ToArray();
        if (unknown.Length > 0)
        {
            var hints = unknown.Select(u => (Value: u, Id: u.Length <= 100 ? Suggest.Id(u, known, otherNames ?? new Dictionary<string, string>()) : null)).ToArray();
            Fail(name, $"Unknown {what} {string.Join(", ", unknown.Select(u => $"'{Shorten(u)}'"))}." +
                (hints.All(h => h.Id is not null)
                    ? string.Concat(hints.Select(h => $" Did you mean '{h.Id}'" + (otherNames?.ContainsKey(h.Value) == true ? $" ('{h.Value}' is another name for it; filters take ids)?" : "?")))
                    : $" Valid values: {string.Join(", ", known.Order(StringComparer.Ordinal))}."));
        }
        return values;
    }

    /// <summary>A value short enough to quote back in a message.</summary>
    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "…";

    public string[] Countries(string name)
    {
        var values = Values(name).Select(v => v.ToUpperInvariant()).ToArray();
        var bad = values.Where(v => !Formats.Countries.Contains(v)).ToArray();
        if (bad.Length > 0)
        {
            Fail(name, $"{string.Join(", ", bad.Select(b => $"'{b}'"))} {(bad.Length == 1 ? "is not an" : "are not")} ISO 3166-1 alpha-2 country code{(bad.Length == 1 ? "" : "s")}, such as CN, RU, IR or US.");
        }
        return values;
    }

    /// <summary>A date of any precision; <paramref name="end"/> picks its last day instead of its first.</summary>
    public DateOnly? Date(string name, bool end)
    {
        var text = One(name);
        if (text is null)
        {
            return null;
        }
        var date = Formats.ParseDate(text);
        if (date is null)
        {
            Fail(name, $"'{text}' is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD, such as 2022, 2022-09 or 2022-09-27.");
            return null;
        }
        return end ? date.Latest : date.Earliest;
    }

    public long? WholeNumber(string name, long minimum, long maximum)
    {
        var text = One(name);
        if (text is null)
        {
            return null;
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            Fail(name, $"'{text}' is not a whole number from {minimum} to {maximum}.");
            return null;
        }
        return value;
    }

    public string? Text(string name, int maxLength)
    {
        var text = One(name);
        if (text is not null && (text.Length > maxLength || string.IsNullOrWhiteSpace(text)))
        {
            Fail(name, $"'{name}' must be between 1 and {maxLength} characters.");
            return null;
        }
        if (text is not null && text.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            Fail(name, $"'{name}' may not contain control characters such as %00; give words separated by spaces.");
            return null;
        }
        return text;
    }

    public string? Choice(string name, IReadOnlyCollection<string> choices)
    {
        var text = One(name);
        if (text is not null && !choices.Contains(text))
        {
            Fail(name, $"'{text}' is not a valid {name}. Use one of: {string.Join(", ", choices)}.");
            return null;
        }
        return text;
    }

    public string? One(string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            Fail(name, $"'{name}' may be given once.");
            return null;
        }
        return values.Count == 1 ? values[0] : null;
    }

    public void Fail(string name, string message) =>
        _errors[name] = _errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];

    /// <summary>Every mistake, in one sentence each.</summary>
    public string ErrorMessage => string.Join(" ", _errors.SelectMany(e => e.Value));

    public ProblemHttpResult Problem() => TypedResults.Problem(new HttpValidationProblemDetails(_errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The query is not valid.",
        Detail = string.Join(" ", _errors.SelectMany(e => e.Value)),
    });

    private IEnumerable<string> Values(string name) =>
        query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.OrdinalIgnoreCase);
}

public static class QueryParameterFilters
{
    /// <summary>For endpoints that take no query parameters: any parameter is a 400, not silently ignored.</summary>
    public static TBuilder RejectQueryParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var query = new QueryParameters(context.HttpContext.Request.Query);
            query.RejectUnknown([]);
            return query.HasErrors ? query.Problem() : await next(context);
        });
}
