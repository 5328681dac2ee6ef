using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class DisclosureType : ObjectGraphType<DisclosureDto>
{
    public DisclosureType()
    {
        Name = "Disclosure";
        Description = "One public disclosure of an operation by one organisation.";
        Field(d => d.Id).Description("Id, unique within the operation.");
        Field(d => d.By).Description("The disclosing organisation's id.");
        Field(d => d.Date).Description("When it was published: YYYY, YYYY-MM or YYYY-MM-DD.");
        Field(d => d.Summary, nullable: true).Description("What it found.");
        Field(d => d.Source).Description("The id of the source reporting the disclosure.");
        Field(d => d.Platforms).Description("Platforms the discloser said the operation used.");
        Field(d => d.Actions, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PlatformActionType>>>)).Description("What was removed, per platform and asset kind, as reported.");
        Field(d => d.Reach, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ReachFigureType>>>)).Description("Audience and scale figures, as reported.");
    }
}
