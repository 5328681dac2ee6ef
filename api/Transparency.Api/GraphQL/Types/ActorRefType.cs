using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class ActorRefType : ObjectGraphType<ActorRefDto>
{
    public ActorRefType()
    {
        Name = "ActorRef";
        Description = "An actor named by an attribution; query actor(id) for the rest.";
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The actor's id.");
        Field(a => a.Name).Description("The actor's name.");
    }
}
