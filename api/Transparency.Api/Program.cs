using Transparency.Api.Actors;
using Transparency.Api.Aggregates;
using Transparency.Api.Changes;
using Transparency.Api.Dataset;
using Transparency.Api.Explorer;
using Transparency.Api.GraphQL;
using Transparency.Api.Hosting;
using Transparency.Api.Http;
using Transparency.Api.Operations;
using Transparency.Api.Query;
using Transparency.Api.Stats;
using Transparency.Api.Vocabularies;

var builder = WebApplication.CreateBuilder(args);
StartupFailure.ExitWithOneLine(builder);

builder.Services.AddDatasetFile(builder.Configuration);
builder.Services.AddSingleton<DatasetLoading>();
builder.Services.AddSingleton<Vocabulary>();
builder.Services.AddOperationJson();
builder.Services.AddSingleton<OperationQueries>();
builder.Services.AddSingleton<ActorQueries>();
builder.Services.AddSingleton<StatsQueries>();
builder.Services.AddSingleton<AggregateQueries>();
builder.Services.AddSingleton<VocabularyQueries>();
builder.Services.AddSingleton<ChangeQueries>();
builder.Services.AddGraphQLEndpoint(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddQueryBinding();
builder.Services.AddHttpPolicies(builder.Configuration);
builder.Services.AddApiDocumentation();
builder.Services.AddExplorer();

await using var app = builder.Build();

// Open (or compile) the database and read every record while the host starts; requests wait for it (in
// UseHttpPolicies, before anything that reads the dataset), and a missing or broken file stops the process (below).
var dataset = app.Services.GetRequiredService<DatasetLoading>();
dataset.Start();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHttpPolicies();
app.MapApiDocumentation();

// Static bytes: a liveness probe, and the baseline that benchmarks/api.sh measures every endpoint against.
app.MapGet("/health", () => TypedResults.Text("ok")).ExcludeFromDescription();

var v1 = app.MapGroup("/v1");
v1.MapOperations();
v1.MapActors();
v1.MapVocabularies();
v1.MapStats();
v1.MapAggregates();
v1.MapDataset();
v1.MapChanges();
app.MapGraphQLEndpoint();
app.MapExplorer();

await app.StartAsync();
if (!await dataset.Succeeded(app.Logger))
{
    await app.StopAsync();
    return StartupFailure.ExitCode;
}
await app.WaitForShutdownAsync();
return 0;

/// <summary>The entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
