using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class PlatformActionType : ObjectGraphType<PlatformActionDto>
{
    public PlatformActionType()
    {
        Name = "PlatformAction";
        Description = "Assets of one kind removed from one platform, as reported.";
        Field(a => a.Platform).Description("The platform id.");
        Field(a => a.Asset).Description("What was removed: account, page, group, channel…");
        Field(a => a.Count).Description("How many, as the source gives it.");
        Field(a => a.Qualifier).Description("How the source qualified it: exact, about, at-least, more-than, up-to, fewer-than.");
        Field(a => a.Note, nullable: true).Description("What the count covers, when not plain.");
        Field(a => a.Source).Description("The id of the source of this figure.");
        Field(a => a.CountsInTotals).Description("Whether the figure enters the totals (alternatives from other sources, restatements and superseded running totals do not).");
        Field(a => a.Counting).Description("new (removed in this disclosure), cumulative (the discloser's running total to date) or restatement (repeats an earlier figure).");
    }
}
