using GraphQL.Types;
using Transparency.Api.Vocabularies;

namespace Transparency.Api.GraphQL.Types;

public sealed class TopicType : ObjectGraphType<TopicDto>
{
    public TopicType()
    {
        Name = "Topic";
        Description = "A subject operations push or attack.";
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Topic id, used by the topic filter.");
        Field(t => t.Name).Description("Display name.");
        Field(t => t.Description).Description("What falls under it.");
        Field(t => t.OperationCount).Description("How many listed operations touch it.");
    }
}
