using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Api.Actors;
using Transparency.Api.Dataset;
using Transparency.Api.Explorer.Pages;
using Transparency.Api.Http;
using Transparency.Api.Operations;
using Transparency.Api.Stats;
using Transparency.Api.Vocabularies;

namespace Transparency.Api.Explorer;

/// <summary>
/// The public explorer: HTML pages for people who do not write code, rendered on the server by Razor components
/// (static rendering, no script) from the same queries the API answers with. See docs/explorer.md.
/// </summary>
public static class ExplorerEndpoints
{
    public static IServiceCollection AddExplorer(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddSingleton<ExplorerQueries>();
        services.AddSingleton<ExplorerCatalog>();
        return services;
    }

    public static WebApplication MapExplorer(this WebApplication app)
    {
        var pages = app.MapGroup("/").ExcludeFromDescription().WithDatasetETag();
        pages.MapGet("/", Home);
        pages.MapGet("/operations/{id}", Operation);
        pages.MapGet("/actors", Actors);
        pages.MapGet("/actors/{id}", Actor);
        pages.MapGet("/disclosers", Disclosers);
        pages.MapGet("/disclosers/{id}", Discloser);
        pages.MapGet("/platforms", Platforms);
        pages.MapGet("/platforms/{id}", Platform);
        pages.MapGet("/charts", Charts);
        pages.MapGet("/about", About);
        pages.MapGet("/explorer.css", Stylesheet);
        return app;
    }

    public static RazorComponentResult Home(HttpContext context, Vocabulary vocabulary, OperationQueries operations, StatsQueries stats, ExplorerQueries explorer)
    {
        var state = SearchState.Read(context.Request.Query, context.RequestServices);
        if (state.Error is not null)
        {
            return Page<HomePage>(new HomeModel(state, null, null, []), StatusCodes.Status400BadRequest);
        }
        var rows = operations.List(state.Filter, state.Sort, SearchState.PageSize, state.Cursor);
        var page = new OperationPage(rows.Items, rows.NextCursor, rows.Total);
        return Page<HomePage>(new HomeModel(state, page, stats.Get(state.Filter), explorer.ByTopic(state.Filter)));
    }

    public static IResult Operation(string id, HttpContext context, OperationQueries operations)
    {
        var status = operations.Status(id);
        if (status is null)
        {
            return NotFound("No such operation", $"There is no operation with the id “{id}”.");
        }
        if (status.Status == "merged" && status.MergedInto is not null)
        {
            return TypedResults.Redirect($"/operations/{Uri.EscapeDataString(status.MergedInto)}", permanent: true);
        }
        if (status.Status == "withdrawn")
        {
            return Page<MessagePage>(new MessageModel("This operation was withdrawn",
                $"“{id}” was withdrawn from the dataset on {status.RetiredOn}: {status.RetiredReason}"), StatusCodes.Status410Gone);
        }
        var operation = operations.Get(id)!;
        var related = operation.Related.Select(r => r.Operation).Distinct()
            .Select(operations.Find).OfType<OperationSummary>().ToDictionary(o => o.Id, StringComparer.Ordinal);
        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/operations/{Uri.EscapeDataString(id)}";
        return Page<OperationRecordPage>(new OperationModel(operation, related, url));
    }

    public static RazorComponentResult Actors(ActorQueries actors) => Page<ActorsPage>(new ActorsModel(actors.List(null)));

    public static IResult Actor(string id, ActorQueries actors) => actors.Get(id) is { } actor
        ? Page<ActorPage>(new ActorModel(actor))
        : NotFound("No such actor", $"There is no actor with the id “{id}”.");

    public static RazorComponentResult Disclosers(VocabularyQueries vocabularies) => Page<DisclosersPage>(new DisclosersModel(vocabularies.Organisations()));

    public static IResult Discloser(string id, ExplorerCatalog catalog, OperationQueries operations, ExplorerQueries explorer)
    {
        if (!catalog.Organisations.TryGetValue(id, out var organisation))
        {
            return NotFound("No such discloser", $"There is no disclosing organisation with the id “{id}”.");
        }
        var disclosed = operations.All(new OperationFilter { DisclosedBy = [id] }, OperationSort.Parse(SearchState.DefaultSort)).ToList();
        var perYear = explorer.DisclosuresByDiscloserAndYear().Where(p => p.Series == id).ToList();
        return Page<DiscloserPage>(new DiscloserModel(organisation, disclosed, perYear));
    }

    public static RazorComponentResult Platforms(VocabularyQueries vocabularies) => Page<PlatformsPage>(new PlatformsModel(vocabularies.Platforms()));

    public static IResult Platform(string id, ExplorerCatalog catalog, OperationQueries operations, ExplorerQueries explorer)
    {
        if (!catalog.Platforms.TryGetValue(id, out var platform))
        {
            return NotFound("No such platform", $"There is no platform with the id “{id}”.");
        }
        var seen = operations.All(new OperationFilter { Platform = [id] }, OperationSort.Parse(SearchState.DefaultSort)).ToList();
        var perYear = explorer.AccountsRemovedByPlatformAndYear().Where(p => p.Series == id).ToList();
        return Page<PlatformPage>(new PlatformModel(platform, seen, perYear));
    }

    public static RazorComponentResult Charts(ExplorerQueries explorer) =>
        Page<ChartsPage>(new ChartsModel(explorer.DisclosuresByDiscloserAndYear(), explorer.AccountsRemovedByPlatformAndYear()));

    public static RazorComponentResult About(StatsQueries stats) => Page<AboutPage>(new AboutModel(stats.Get(new OperationFilter())));

    public static IResult Stylesheet() => TypedResults.Bytes(Css.Value, "text/css; charset=utf-8");

    /// <summary>The page's stylesheet, compiled into the app so that a published build needs no files beside it.</summary>
    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Transparency.Api.Explorer.explorer.css")!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });

    private static RazorComponentResult<MessagePage> NotFound(string title, string message) =>
        Page<MessagePage>(new MessageModel(title, message), StatusCodes.Status404NotFound);

    private static RazorComponentResult<TPage> Page<TPage>(object model, int status = StatusCodes.Status200OK) where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TPage>(new { Model = model }) { StatusCode = status };
}
