using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class SourceType : ObjectGraphType<SourceDto>
{
    public SourceType()
    {
        Name = "Source";
        Description = "A public page a record cites.";
        Field(s => s.Id).Description("The id that figures and attributions cite.");
        Field(s => s.Url).Description("The page that was read.");
        Field(s => s.Title).Description("Its title as published.");
        Field(s => s.Publisher).Description("Who published it.");
        Field(s => s.Published, nullable: true).Description("When, if the page shows it.");
        Field(s => s.Kind).Description("primary (the discloser's own page), mirror (a full copy of the discloser's text on another host) or secondary (a news account).");
        Field(s => s.Original, nullable: true).Description("For a mirror or secondary source, the report it copies or quotes.");
        Field(s => s.Archive, nullable: true).Description("An archived copy, if recorded.");
    }
}
