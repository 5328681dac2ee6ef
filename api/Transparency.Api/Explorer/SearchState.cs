using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
using Transparency.Api.Operations;
using Transparency.Api.Query;

namespace Transparency.Api.Explorer;

/// <summary>
/// Everything a search page shows, read from its URL and nothing else, so that a search can be shared and cited.
/// The parameters are the API's own (<c>/?platform=tiktok&amp;origin=CN</c> asks what <c>/v1/operations?platform=tiktok&amp;origin=CN</c>
/// answers), bound to the same typed query (<see cref="OperationQuery"/>) and checked by the same rules; the page builds every link by changing one of them.
/// </summary>
public sealed class SearchState
{
    /// <summary>The order of the page when the URL gives none: latest disclosures first, which is what a newcomer expects.</summary>
    public const string DefaultSort = "-lastDisclosed";

    public const int PageSize = 20;

    /// <summary>The sorts offered in the form, with their labels.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Sorts =
    [
        ("-lastDisclosed", "Latest disclosure first"),
        ("lastDisclosed", "Earliest disclosure first"),
        ("-accountsRemoved", "Most accounts removed"),
        ("-followers", "Most followers"),
        ("name", "Name, A to Z"),
        ("firstSeen", "Earliest activity first"),
        ("relevance", "Best match to the words searched"),
    ];

    private static readonly HashSet<string> Known = [.. QueryEndpoints.Names(typeof(OperationFilter)), "sort", "cursor"];

    private readonly List<KeyValuePair<string, string>> _parameters;

    private SearchState(List<KeyValuePair<string, string>> parameters, OperationFilter filter, OperationSort sort, OperationCursor? cursor, string? error, IReadOnlyList<string> ignored)
    {
        _parameters = parameters;
        Filter = filter;
        Sort = sort;
        Cursor = cursor;
        Error = error;
        Ignored = ignored;
    }

    public OperationFilter Filter { get; }

    public OperationSort Sort { get; }

    /// <summary>Where this page starts; null on the first page.</summary>
    public OperationCursor? Cursor { get; }

    /// <summary>Every mistake in the URL, in one sentence each; null when there is none.</summary>
    public string? Error { get; }

    /// <summary>Parameters that are not the explorer's (a site that shares a link may add its own), shown and then left out of every link.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>The search parameters given, without sort and cursor, in URL order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Filters => _parameters.Where(p => p.Key is not ("sort" or "cursor"));

    public bool HasFilters => Filters.Any();

    public string? Text => Value("q");

    public string? Value(string key) => _parameters.FirstOrDefault(p => p.Key == key).Value;

    public bool Has(string key, string value) => _parameters.Any(p => p.Key == key && string.Equals(p.Value, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The year the from/to pair selects, when both name the same year.</summary>
    public string? Year => Value("from") is { Length: 4 } from && Value("to") == from ? from : null;

    public static SearchState Read(IQueryCollection query, IServiceProvider services)
    {
        // A form sends its empty fields (q=&from=); they mean nothing was asked. A comma-separated list is split
        // so that each value can be added or removed on its own.
        var parameters = query.Where(p => Known.Contains(p.Key))
            .SelectMany(p => p.Value.SelectMany(v => (v ?? "").Split(p.Key is "q" or "cursor" ? [] : [','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(v => v.Length > 0).Select(v => KeyValuePair.Create(p.Key, v)))
            .ToList();
        var raw = new QueryCollection(parameters.GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => new StringValues([.. g.Select(p => p.Value)]), StringComparer.Ordinal));
        var (question, errors) = Bind(raw);
        if (question.Sort is null)
        {
            question.Sort = DefaultSort;
        }
        foreach (var (name, messages) in QueryEndpoints.Check(question, raw, services))
        {
            errors.TryAdd(name, messages);
        }
        var cursor = errors.Count == 0 ? question.After() : null;
        var ignored = query.Keys.Where(k => !Known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        var error = errors.Count == 0 ? null : string.Join(" ", errors.SelectMany(e => e.Value));
        var sort = errors.ContainsKey("sort") ? OperationSort.Parse(DefaultSort) : question.Order();
        return new SearchState(parameters, question, sort, cursor, error, ignored);
    }

    /// <summary>Fills the API's typed query from the page's parameters, as REST binding would; a value the query cannot hold is an error.</summary>
    private static (OperationQuery Question, Dictionary<string, string[]> Errors) Bind(QueryCollection raw)
    {
        var question = new OperationQuery();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in QueryValidator.Properties(typeof(OperationQuery)))
        {
            var name = QueryValidator.RestName(property);
            if (!raw.TryGetValue(name, out var values) || values.Count == 0)
            {
                continue;
            }
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string[]))
            {
                property.SetValue(question, values.ToArray());
            }
            else if (type == typeof(string))
            {
                property.SetValue(question, values[0]);
            }
            else if (type == typeof(long) && long.TryParse(values[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                property.SetValue(question, number);
            }
            else
            {
                errors[name] = [$"'{name}' must be a whole number."];
            }
        }
        return (question, errors);
    }

    /// <summary>This search with one value added, or removed when it is there; back to the first page.</summary>
    public string Toggle(string key, string value) => Has(key, value)
        ? Url(_parameters.Where(p => !(p.Key == key && string.Equals(p.Value, value, StringComparison.OrdinalIgnoreCase)) && p.Key != "cursor"))
        : Url(_parameters.Where(p => p.Key != "cursor").Append(KeyValuePair.Create(key, value)));

    /// <summary>This search limited to disclosures in one year, or no longer limited when it already is.</summary>
    public string ToggleYear(string year)
    {
        var rest = _parameters.Where(p => p.Key is not ("from" or "to" or "cursor"));
        return Year == year ? Url(rest) : Url(rest.Append(KeyValuePair.Create("from", year)).Append(KeyValuePair.Create("to", year)));
    }

    /// <summary>This search from the page after <paramref name="cursor"/>.</summary>
    public string Next(string cursor) => Url(_parameters.Where(p => p.Key != "cursor").Append(KeyValuePair.Create("cursor", cursor)));

    /// <summary>This search from its first page.</summary>
    public string First() => Url(_parameters.Where(p => p.Key != "cursor"));

    /// <summary>The same question asked of the API (whose default order is by name).</summary>
    public string ApiUrl() => "/v1/operations" + new QueryBuilder(ApiParameters());

    /// <summary>The same question asked of the API, as a CSV of every match.</summary>
    public string CsvUrl() => "/v1/operations" + new QueryBuilder(ApiParameters().Append(KeyValuePair.Create("format", "csv")));

    private IEnumerable<KeyValuePair<string, string>> ApiParameters() =>
        Sort.Name == "name" ? Filters : Filters.Append(KeyValuePair.Create("sort", Sort.Name));

    private static string Url(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = new QueryBuilder(parameters.Where(p => !(p.Key == "sort" && p.Value == DefaultSort))).ToQueryString();
        return "/" + query;
    }
}
