using System.Reflection;
using GraphQL.Types;
using Transparency.Api.Operations;
using Transparency.Api.Query;

namespace Transparency.Api.GraphQL.Types;

/// <summary>The orders of <see cref="OperationQuery.Sort"/> as a GraphQL enum: <c>-firstSeen</c> becomes <c>FIRST_SEEN_DESC</c>.</summary>
public sealed class OperationOrderType : EnumerationGraphType
{
    public OperationOrderType()
    {
        Name = "OperationOrder";
        Description = "The order of operations: by a field, ascending, or descending with _DESC. RELEVANCE (best match of text first) is the default when filter.text is given, NAME otherwise.";
        foreach (var sort in typeof(OperationQuery).GetProperty(nameof(OperationQuery.Sort))!.GetCustomAttribute<OneOfAttribute>()!.Values)
        {
            var field = sort.TrimStart('-');
            var name = string.Concat(field.Select(c => char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString())) + (sort.StartsWith('-') ? "_DESC" : "");
            Add(name, sort, field == "relevance" ? "Best match of filter.text first." : $"By {field}, {(sort.StartsWith('-') ? "descending" : "ascending")}.");
        }
    }
}
