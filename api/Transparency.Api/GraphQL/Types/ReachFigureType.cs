using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class ReachFigureType : ObjectGraphType<ReachFigureDto>
{
    public ReachFigureType()
    {
        Name = "ReachFigure";
        Description = "An audience or scale figure, as reported.";
        Field(r => r.Metric).Description("followers, group-members, subscribers, views, engagements, posts, ad-spend or platforms-used.");
        Field(r => r.Value).Description("The figure, as the source gives it.");
        Field(r => r.Qualifier).Description("How the source qualified it.");
        Field(r => r.Platform, nullable: true).Description("The platform it is about, if one.");
        Field(r => r.Currency, nullable: true).Description("For ad-spend, the ISO 4217 currency.");
        Field(r => r.Note, nullable: true).Description("What the figure covers, when not plain.");
        Field(r => r.Source).Description("The id of the source of this figure.");
        Field(r => r.CountsInTotals).Description("Whether the figure may enter the totals.");
        Field(r => r.Counting).Description("new (measured in this disclosure), cumulative (a running total to date) or restatement (repeats an earlier figure).");
    }
}
