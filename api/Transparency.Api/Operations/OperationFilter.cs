using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Transparency.Api.Query;

namespace Transparency.Api.Operations;

/// <summary>
/// Which operations: the filters of <c>/v1/operations</c>, <c>/v1/stats</c> and <c>/v1/aggregates</c>, and of GraphQL's
/// <c>OperationFilter</c> input, declared once. A list means OR; different filters mean AND. REST binds this record with
/// <c>[AsParameters]</c> (the query parameter names are those of <c>[FromQuery]</c>); GraphQL binds it by property name.
/// Adding a filter means a property here, its condition in <see cref="OperationQueries.Where"/> (aggregates, stats) and in
/// <see cref="OperationIndex"/> (lists), the same condition in the list oracle test's SQL, and tests.
/// </summary>
public record OperationFilter
{
    /// <summary>Attributed actor ids, e.g. <c>internet-research-agency</c>.</summary>
    /// <example>internet-research-agency</example>
    [FromQuery(Name = "actor"), KnownIds(VocabularyList.Actors)]
    public string[]? Actor { get; set; }

    /// <summary>Countries of origin (ISO 3166-1 alpha-2), e.g. <c>CN</c>.</summary>
    /// <example>CN</example>
    [FromQuery(Name = "origin"), CountryCodes]
    public string[]? Origin { get; set; }

    /// <summary>Targeted countries (ISO 3166-1 alpha-2).</summary>
    /// <example>US</example>
    [FromQuery(Name = "target"), CountryCodes]
    public string[]? Target { get; set; }

    /// <summary>Platform ids: removals there, reach figures there, or named by a discloser.</summary>
    /// <example>tiktok</example>
    [FromQuery(Name = "platform"), KnownIds(VocabularyList.Platforms)]
    public string[]? Platform { get; set; }

    /// <summary>Ids of disclosing organisations, e.g. <c>meta</c>, <c>twitter</c>, <c>graphika</c>.</summary>
    /// <example>meta</example>
    [FromQuery(Name = "disclosedBy"), KnownIds(VocabularyList.Organisations)]
    public string[]? DisclosedBy { get; set; }

    /// <summary>Topic ids, e.g. <c>us-elections</c>.</summary>
    /// <example>us-elections</example>
    [FromQuery(Name = "topic"), KnownIds(VocabularyList.Topics)]
    public string[]? Topic { get; set; }

    /// <summary>At least one disclosure on or after this date (YYYY, YYYY-MM or YYYY-MM-DD). For aggregates: only the figures of disclosures from this date.</summary>
    /// <example>2019</example>
    [FromQuery(Name = "from"), PartialDate]
    public string? DisclosedFrom { get; set; }

    /// <summary>At least one disclosure on or before this date (YYYY, YYYY-MM or YYYY-MM-DD). For aggregates: only the figures of disclosures up to this date.</summary>
    /// <example>2020-06</example>
    [FromQuery(Name = "to"), PartialDate(End = true)]
    public string? DisclosedTo { get; set; }

    /// <summary>Active on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); an operation with no reported end counts as ongoing.</summary>
    /// <example>2022</example>
    [FromQuery(Name = "activeFrom"), PartialDate]
    public string? ActiveFrom { get; set; }

    /// <summary>Active on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    /// <example>2022-12-31</example>
    [FromQuery(Name = "activeTo"), PartialDate(End = true)]
    public string? ActiveTo { get; set; }

    /// <summary>At least this many accounts removed, counted under the totals rule.</summary>
    /// <example>1000</example>
    [FromQuery(Name = "minAccounts"), Range(typeof(long), "0", "9223372036854775807", ErrorMessage = QueryRules.WholeNumber)]
    public long? MinAccounts { get; set; }

    /// <summary>A counted followers figure of at least this.</summary>
    /// <example>10000</example>
    [FromQuery(Name = "minFollowers"), Range(typeof(long), "0", "9223372036854775807", ErrorMessage = QueryRules.WholeNumber)]
    public long? MinFollowers { get; set; }

    /// <summary>Words to find in names, aliases and summaries (English stemming, the last word may be a prefix); every word must match.</summary>
    /// <example>hong kong</example>
    [FromQuery(Name = "q"), Text(200)]
    public string? Text { get; set; }
}
