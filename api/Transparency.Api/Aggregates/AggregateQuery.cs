using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Transparency.Api.Operations;
using Transparency.Api.Query;

namespace Transparency.Api.Aggregates;

/// <summary>
/// A question for <c>/v1/aggregates</c> (and GraphQL's <c>aggregates</c>): the operation filters, what to group the
/// figures by, and the format. <c>from</c>/<c>to</c> choose the disclosures whose figures are summed.
/// </summary>
public sealed record AggregateQuery : OperationFilter, IValidatableObject
{
    public AggregateQuery()
    {
    }

    private AggregateQuery(OperationFilter filter) : base(filter)
    {
    }

    /// <summary>The filter's operations, to be grouped.</summary>
    public static AggregateQuery Of(OperationFilter filter) => new(filter);

    /// <summary>
    /// What to group by, in this order: <c>platform</c> (of the figure), <c>asset</c> (kind removed), <c>discloser</c> (organisation),
    /// <c>origin</c> (country of origin; an operation run from two countries counts under each) and <c>year</c> (of disclosure).
    /// None gives one cell: the total.
    /// </summary>
    [FromQuery(Name = "by"), OneOf("platform", "asset", "discloser", "origin", "year")]
    public string[]? By { get; set; }

    /// <summary><c>json</c> (the default) or <c>csv</c>; <c>Accept: text/csv</c> also asks for CSV.</summary>
    [FromQuery(Name = "format"), OneOf("json", "csv")]
    public string? Format { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (By is { } by && by.Distinct(StringComparer.Ordinal).Count() != by.Length)
        {
            yield return new ValidationResult($"'{QueryValidator.NameOf(validationContext, nameof(By))}' names a grouping twice.", [nameof(By)]);
        }
    }
}
