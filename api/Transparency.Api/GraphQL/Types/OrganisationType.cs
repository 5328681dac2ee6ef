using GraphQL.Types;
using Transparency.Api.Vocabularies;

namespace Transparency.Api.GraphQL.Types;

public sealed class OrganisationType : ObjectGraphType<OrganisationDto>
{
    public OrganisationType()
    {
        Name = "Organisation";
        Description = "An organisation that discloses or attributes operations.";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Organisation id, used by the disclosedBy filter.");
        Field(o => o.Name).Description("Display name.");
        Field(o => o.Kind).Description("platform, research, government or media.");
        Field(o => o.Country, nullable: true).Description("Where it is based, if known.");
        Field(o => o.Url).Description("Its address.");
        Field(o => o.Description, nullable: true).Description("One sentence, if given.");
        Field(o => o.DisclosureCount).Description("How many disclosures of listed operations it made.");
    }
}
