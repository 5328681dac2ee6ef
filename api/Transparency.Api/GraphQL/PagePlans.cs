using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;
using Transparency.Api.Operations;
using Transparency.Api.Query;

namespace Transparency.Api.GraphQL;

/// <summary>
/// Answers a document that only pages through operations without GraphQL.NET's per-request work. A client paging with
/// one query sends the same text with new variables; once that text has been validated and executed, what is left to
/// do for each page is what the resolver does (the list index) and writing the kept nodes' JSON (<see cref="RecordFragments"/>).
/// GraphQL.NET would still walk the document twice to coerce the variables and parse the arguments, and execute the
/// connection, its edges and their nodes: about half of a page's cost.
/// <para>
/// A document has a plan when it is one query whose only field is <c>operations</c> with its arguments given as
/// variables (no defaults), selecting only <c>totalCount</c>, <c>edges { node { … } cursor }</c> and <c>pageInfo { … }</c>
/// without aliases, directives or fragments, and its node selection is one <see cref="RecordFragments"/> keeps. A request
/// is answered from the plan only when everything is as the executed path would find it: variables of exactly the
/// declared types, no unknown variable or filter field, a query the validator accepts, every node's JSON kept, and
/// the same <c>first</c> already executed once without error (the complexity analyser's answer depends on nothing else).
/// Anything else (an error to report, a node not yet kept) goes through GraphQL.NET, which reports it in its own words.
/// <c>GraphQLPagePlanTests</c> compares the answers with executed ones byte for byte.
/// </para>
/// </summary>
public sealed class PagePlans(RecordFragments fragments, OperationQueries queries)
{
    private static readonly Plan NoPlan = new();
    private readonly ConditionalWeakTable<GraphQLDocument, Plan> _plans = [];
    private long _answered;

    /// <summary>How many requests were answered from a plan (tests read it to know the plan was used).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>The whole result, or null when the request must be executed.</summary>
    public ExecutionResult? TryAnswer(GraphQLDocument document, string? operationName, Inputs? variables, IServiceProvider services)
    {
        var plan = PlanOf(document, operationName);
        if (plan == NoPlan || !plan.Read(variables, out var query) || !plan.ComplexityPassed.ContainsKey(query.Limit ?? -1)
            || !GraphQLFilters.Accepts(query, services))
        {
            return null;
        }
        var rows = queries.List(query, query.Order(), query.PageSize(), query.After());
        var connection = new Dictionary<string, object?>(plan.Fields.Length);
        foreach (var field in plan.Fields)
        {
            switch (field)
            {
                case "totalCount":
                    connection[field] = (int)rows.Total;
                    break;
                case "edges":
                    var edges = new object?[rows.Items.Count];
                    for (var i = 0; i < edges.Length; i++)
                    {
                        var edge = new Dictionary<string, object?>(plan.EdgeFields.Length);
                        foreach (var edgeField in plan.EdgeFields)
                        {
                            if (edgeField == "cursor")
                            {
                                edge[edgeField] = rows.Cursor(i);
                            }
                            else if (fragments.TryGet(plan.Node!, rows.Items[i].Id, out var json))
                            {
                                edge[edgeField] = new KeptJson(json);
                            }
                            else
                            {
                                return null; // executed once more, which keeps it
                            }
                        }
                        edges[i] = edge;
                    }
                    connection[field] = edges;
                    break;
                case "pageInfo":
                    var count = rows.Items.Count;
                    connection[field] = plan.PageInfoFields.ToDictionary(f => f, f => f switch
                    {
                        "hasNextPage" => (object?)rows.HasMore,
                        "hasPreviousPage" => query.Cursor is not null,
                        "startCursor" => count > 0 ? rows.Cursor(0) : null,
                        "endCursor" => count > 0 ? rows.Cursor(count - 1) : null,
                        _ => throw new InvalidOperationException($"pageInfo.{f} is not planned"),
                    });
                    break;
            }
        }
        Interlocked.Increment(ref _answered);
        return new ExecutionResult
        {
            Executed = true,
            Data = new Dictionary<string, object?> { ["operations"] = connection },
        };
    }

    /// <summary>After a request executed without error: its <c>first</c> passed the complexity analyser.</summary>
    public void Executed(GraphQLDocument document, string? operationName, Inputs? variables)
    {
        var plan = PlanOf(document, operationName);
        if (plan != NoPlan && plan.Read(variables, out var query))
        {
            plan.ComplexityPassed.TryAdd(query.Limit ?? -1, 0);
        }
    }

    private Plan PlanOf(GraphQLDocument document, string? operationName)
    {
        var plan = _plans.GetValue(document, d => Plan.Of(d, fragments) ?? NoPlan);
        return plan != NoPlan && (operationName is null || operationName == plan.OperationName) ? plan : NoPlan;
    }

    private sealed class Plan
    {
        private static readonly string[] PageInfoNames = ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"];
        private static readonly Dictionary<string, string> ArgumentTypes = new(StringComparer.Ordinal)
        {
            ["first"] = "Int",
            ["after"] = "String",
            ["orderBy"] = "OperationOrder",
            ["filter"] = "OperationFilter",
        };
        private static readonly Dictionary<string, string> Orders = new Types.OperationOrderType().Values
            .ToDictionary(v => v.Name, v => (string)v.Value!, StringComparer.Ordinal);
        private static readonly Dictionary<string, PropertyInfo> FilterFields = QueryValidator.Properties(typeof(OperationFilter))
            .ToDictionary(QueryValidator.GraphQLName, StringComparer.Ordinal);

        public string? OperationName { get; private init; }
        public string[] Fields { get; private init; } = [];
        public string[] EdgeFields { get; private init; } = [];
        public string[] PageInfoFields { get; private init; } = [];
        public GraphQLField? Node { get; private init; }
        public ConcurrentDictionary<int, byte> ComplexityPassed { get; } = new();

        /// <summary>Each argument's variable, with its declared type (name, and whether it is non-null).</summary>
        private Dictionary<string, (string Variable, string Type, bool NonNull)> _arguments = [];

        public static Plan? Of(GraphQLDocument document, RecordFragments fragments)
        {
            if (document.Definitions is not [GraphQLOperationDefinition { Operation: OperationType.Query, Directives: null } operation]
                || operation.SelectionSet.Selections is not [GraphQLField { Name.StringValue: "operations", Alias: null, Directives: null } root]
                || root.SelectionSet is null)
            {
                return null;
            }
            var declared = new Dictionary<string, (string Type, bool NonNull)>(StringComparer.Ordinal);
            foreach (var variable in operation.Variables?.Items ?? [])
            {
                if (variable.DefaultValue is not null || variable.Directives is not null)
                {
                    return null;
                }
                var (type, nonNull) = variable.Type switch
                {
                    GraphQLNamedType named => (named.Name.StringValue, false),
                    GraphQLNonNullType { Type: GraphQLNamedType named } => (named.Name.StringValue, true),
                    _ => ("", false),
                };
                declared[variable.Variable.Name.StringValue] = (type, nonNull);
            }
            var arguments = new Dictionary<string, (string Variable, string Type, bool NonNull)>(StringComparer.Ordinal);
            foreach (var argument in root.Arguments?.Items ?? [])
            {
                var name = argument.Name.StringValue;
                if (argument.Value is not GraphQLVariable { Name.StringValue: var variable } || !ArgumentTypes.TryGetValue(name, out var type)
                    || !declared.TryGetValue(variable, out var declaration) || declaration.Type != type || !arguments.TryAdd(name, (variable, type, declaration.NonNull)))
                {
                    return null;
                }
            }
            if (arguments.Count != declared.Count || arguments.Values.Select(a => a.Variable).Distinct().Count() != declared.Count)
            {
                return null; // a variable used elsewhere, or declared and unused (which validation refuses)
            }
            var fields = Names(root.SelectionSet, ["totalCount", "edges", "pageInfo"]);
            var edgesField = Field(root.SelectionSet, "edges");
            var pageInfoField = Field(root.SelectionSet, "pageInfo");
            var edgeFields = edgesField is null ? Array.Empty<string>() : Names(edgesField.SelectionSet, ["node", "cursor"]);
            var node = edgesField is null ? null : Field(edgesField.SelectionSet, "node");
            var pageInfoFields = pageInfoField is null ? Array.Empty<string>() : Names(pageInfoField.SelectionSet, PageInfoNames);
            if (fields is null || edgeFields is null || pageInfoFields is null
                || (edgesField is not null && (node is null || fragments.Selection(node) is null))
                || (pageInfoField is not null && pageInfoFields.Length == 0))
            {
                return null;
            }
            return new Plan
            {
                OperationName = operation.Name?.StringValue,
                Fields = fields,
                EdgeFields = edgeFields,
                PageInfoFields = pageInfoFields,
                Node = node,
                _arguments = arguments,
            };
        }

        /// <summary>The names of a selection set's fields, in order, when each is one of <paramref name="allowed"/>, once, plainly.</summary>
        private static string[]? Names(GraphQLSelectionSet? set, string[] allowed)
        {
            if (set is null || set.Selections.Count == 0)
            {
                return null;
            }
            var names = new List<string>();
            foreach (var selection in set.Selections)
            {
                if (selection is not GraphQLField { Alias: null, Directives: null, Arguments: null } field
                    || !allowed.Contains(field.Name.StringValue) || names.Contains(field.Name.StringValue)
                    || (field.Name.StringValue is "edges" or "pageInfo" or "node") != (field.SelectionSet is not null))
                {
                    return null;
                }
                names.Add(field.Name.StringValue);
            }
            return [.. names];
        }

        private static GraphQLField? Field(GraphQLSelectionSet? set, string name) =>
            set?.Selections.OfType<GraphQLField>().FirstOrDefault(f => f.Name.StringValue == name);

        /// <summary>
        /// The query the variables ask for, when each has exactly the type declared (as GraphQL.NET would coerce it
        /// without complaint); false for anything it would have to convert, reject or explain.
        /// </summary>
        public bool Read(Inputs? variables, out OperationQuery query)
        {
            query = OperationQuery.Of(new OperationFilter());
            int? first = null;
            string? after = null, sort = null;
            var filter = new OperationFilter();
            var used = 0;
            foreach (var (argument, (variable, _, nonNull)) in _arguments)
            {
                object? value = null;
                if (variables is not null && variables.TryGetValue(variable, out value))
                {
                    used++;
                }
                var read = (argument, value) switch
                {
                    (_, null) => !nonNull,
                    ("first", int number) => (first = number) is not null,
                    ("after", string cursor) => (after = cursor) is not null,
                    ("orderBy", string order) => Orders.TryGetValue(order, out sort),
                    ("filter", IDictionary<string, object?> fields) => ReadFilter(fields, out filter),
                    _ => false,
                };
                if (!read)
                {
                    return false;
                }
            }
            if (used != (variables?.Count ?? 0))
            {
                return false;
            }
            query = OperationQuery.Of(filter);
            (query.Limit, query.Cursor, query.Sort) = (first, after, sort);
            return true;
        }

        private static bool ReadFilter(IDictionary<string, object?> fields, out OperationFilter filter)
        {
            filter = new OperationFilter();
            foreach (var (name, value) in fields)
            {
                if (!FilterFields.TryGetValue(name, out var property))
                {
                    return false;
                }
                object? converted;
                if (value is null)
                {
                    converted = null;
                }
                else if (property.PropertyType == typeof(string[]))
                {
                    if (value is string one)
                    {
                        converted = new[] { one };
                    }
                    else if (value is IEnumerable<object?> many && many.All(v => v is string))
                    {
                        converted = many.Cast<string>().ToArray();
                    }
                    else
                    {
                        return false;
                    }
                }
                else if (property.PropertyType == typeof(string) && value is string text)
                {
                    converted = text;
                }
                else if (property.PropertyType == typeof(long?) && value is int or long)
                {
                    converted = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    return false;
                }
                property.SetValue(filter, converted);
            }
            return true;
        }
    }
}
