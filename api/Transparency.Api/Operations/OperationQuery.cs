using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Transparency.Api.Query;

namespace Transparency.Api.Operations;

/// <summary>
/// A question asked of <c>/v1/operations</c> (and GraphQL's <c>operations</c>): the filters, the order and the page.
/// REST binds it with <c>[AsParameters]</c>; GraphQL fills it from <c>filter</c>, <c>orderBy</c>, <c>first</c> and <c>after</c>.
/// </summary>
public sealed record OperationQuery : OperationFilter, IValidatableObject
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public OperationQuery()
    {
    }

    private OperationQuery(OperationFilter filter) : base(filter)
    {
    }

    /// <summary>The filter's question, to be given an order and a page.</summary>
    public static OperationQuery Of(OperationFilter filter) => new(filter);

    /// <summary>The order: a field, ascending unless written with a leading <c>-</c>. <c>relevance</c> (best match first) is the default when <c>q</c> is given, <c>name</c> otherwise.</summary>
    [FromQuery(Name = "sort")]
    [OneOf("relevance", "name", "-name", "firstSeen", "-firstSeen", "lastDisclosed", "-lastDisclosed", "accountsRemoved", "-accountsRemoved", "followers", "-followers")]
    public string? Sort { get; set; }

    /// <summary>Page size.</summary>
    [FromQuery(Name = "limit"), Range(1, MaxLimit, ErrorMessage = QueryRules.WholeNumber), DefaultValue(DefaultLimit)]
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page (also in the <c>Link</c> header); keep the other parameters the same.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    /// <summary><c>json</c> (the default: one page) or <c>csv</c> (every matching operation, no paging); <c>Accept: text/csv</c> also asks for CSV.</summary>
    [FromQuery(Name = "format"), OneOf("json", "csv")]
    public string? Format { get; set; }

    /// <summary>The order asked for, or the default one.</summary>
    public OperationSort Order() => OperationSort.Parse(Sort ?? (Text is null ? "name" : "relevance"));

    /// <summary>Where the page starts: after the row the cursor names.</summary>
    public OperationCursor? After() => Cursor is null ? null : OperationCursor.Decode(Cursor);

    public int PageSize() => Limit ?? DefaultLimit;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Sort == "relevance" && Text is null)
        {
            yield return new ValidationResult($"Order by relevance needs words to match in '{QueryValidator.NameOf(validationContext, nameof(Text))}'.", [nameof(Sort)]);
        }
        if (Cursor is not null)
        {
            var after = After();
            if (after is null)
            {
                yield return new ValidationResult("The cursor is not one this API gave out; start again without it.", [nameof(Cursor)]);
            }
            else if (after.Sort != Order().Name)
            {
                yield return new ValidationResult($"The cursor belongs to the order {after.Sort}, not {Order().Name}; keep the same order while paging.", [nameof(Cursor)]);
            }
            else if (!Order().Suits(after.Value))
            {
                yield return new ValidationResult("The cursor is not one this API gave out; start again without it.", [nameof(Cursor)]);
            }
        }
    }
}
