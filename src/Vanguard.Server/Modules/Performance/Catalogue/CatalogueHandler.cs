using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Performance;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Performance.Data;

namespace Vanguard.Server.Modules.Performance.Catalogue;

/// <summary>
/// 指标体系: versions of the indicator catalogue. A draft can be replaced; publishing validates the tree (sums to 100) and freezes
/// it, and the version it replaces is retired. Scoring always uses the published version, named in each run.
/// </summary>
internal sealed class CatalogueHandler(
    VanguardDbContext db, IAuditLog audit, ICurrentActor actor, TimeProvider clock, IEnumerable<IIndicatorSource> sources)
{
    public const int MaxNoteLength = 500;

    public async Task<Result<CatalogueView>> PublishedAsync(CancellationToken ct)
    {
        var current = await db.Set<CatalogueVersion>().AsNoTracking()
            .Where(c => c.Status == CatalogueStatuses.Published).OrderByDescending(c => c.Number).FirstOrDefaultAsync(ct);
        return current is null ? PerformanceErrors.NoPublishedCatalogue : ToView(current);
    }

    /// <summary>A version by number; drafts only for those who manage the catalogue.</summary>
    public async Task<Result<CatalogueView>> VersionAsync(int number, bool mayManage, CancellationToken ct)
    {
        var version = await db.Set<CatalogueVersion>().AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, ct);
        return version is null || (version.Status == CatalogueStatuses.Draft && !mayManage) ? PerformanceErrors.CatalogueNotFound : ToView(version);
    }

    public async Task<IReadOnlyList<CatalogueSummary>> VersionsAsync(bool mayManage, CancellationToken ct) =>
        (await db.Set<CatalogueVersion>().AsNoTracking()
            .Where(c => mayManage || c.Status != CatalogueStatuses.Draft)
            .OrderByDescending(c => c.Number).ToListAsync(ct))
        .Select(c => new CatalogueSummary(c.Number, c.Status, c.Note, c.CreatedAt, c.CreatedBy, c.PublishedAt))
        .ToList();

    public async Task<Result<CatalogueView>> CreateAsync(CatalogueRequest request, CancellationToken ct)
    {
        var (catalogue, error) = Check(request);
        if (error is not null)
        {
            return error;
        }

        var number = (await db.Set<CatalogueVersion>().MaxAsync(c => (int?)c.Number, ct) ?? 0) + 1;
        var version = new CatalogueVersion
        {
            Id = Guid.CreateVersion7(), Number = number, Status = CatalogueStatuses.Draft, ContentJson = PerformanceJson.Write(catalogue),
            Note = Blank(request.Note), CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name, Version = 1,
        };
        db.Add(version);
        audit.Record("performance.catalogue_drafted", "performance_catalogue", number.ToString(), new { version.Note, catalogue });
        await db.SaveChangesAsync(ct);
        return ToView(version);
    }

    public async Task<Result<CatalogueView>> ReplaceDraftAsync(int number, CatalogueRequest request, CancellationToken ct)
    {
        var version = await db.Set<CatalogueVersion>().SingleOrDefaultAsync(c => c.Number == number, ct);
        if (version is null)
        {
            return PerformanceErrors.CatalogueNotFound;
        }

        if (version.Status != CatalogueStatuses.Draft)
        {
            return PerformanceErrors.CatalogueFrozen;
        }

        if (request.Version is null)
        {
            return Validator.Invalid("version", "required", "请提供版本号（version）。", "version is required.");
        }

        if (request.Version != version.Version)
        {
            return PerformanceErrors.ConcurrentUpdate;
        }

        var (catalogue, error) = Check(request);
        if (error is not null)
        {
            return error;
        }

        version.ContentJson = PerformanceJson.Write(catalogue);
        version.Note = Blank(request.Note);
        version.Version++;
        audit.Record("performance.catalogue_draft_replaced", "performance_catalogue", number.ToString(), new { version.Note, catalogue });
        return await TrySaveAsync(ct) ? ToView(version) : PerformanceErrors.ConcurrentUpdate;
    }

    public async Task<Result<CatalogueView>> PublishAsync(int number, CancellationToken ct)
    {
        var version = await db.Set<CatalogueVersion>().SingleOrDefaultAsync(c => c.Number == number, ct);
        if (version is null)
        {
            return PerformanceErrors.CatalogueNotFound;
        }

        if (version.Status != CatalogueStatuses.Draft)
        {
            return PerformanceErrors.CatalogueFrozen;
        }

        // Drafts are validated when written; this guards a draft stored before a rule of validation was added.
        var problems = PerformanceJson.Read<IndicatorCatalogue>(version.ContentJson).Validate();
        if (problems.Count > 0)
        {
            return Error.Validation(problems);
        }

        var now = clock.GetUtcNow();
        foreach (var old in await db.Set<CatalogueVersion>().Where(c => c.Status == CatalogueStatuses.Published).ToListAsync(ct))
        {
            old.Status = CatalogueStatuses.Retired;
            old.Version++;
        }

        version.Status = CatalogueStatuses.Published;
        version.PublishedAt = now;
        version.PublishedBy = actor.Name;
        version.Version++;
        audit.Record("performance.catalogue_published", "performance_catalogue", number.ToString(), new { number });
        return await TrySaveAsync(ct) ? ToView(version) : PerformanceErrors.ConcurrentUpdate;
    }

    private static (IndicatorCatalogue Catalogue, Error? Error) Check(CatalogueRequest request)
    {
        var catalogue = PerformanceJson.ToDomain(request);
        var problems = catalogue.Validate().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (request.Note?.Trim().Length > MaxNoteLength)
        {
            problems["note"] = [new FieldError("too_long", $"说明不能超过 {MaxNoteLength} 个字符。", $"The note is at most {MaxNoteLength} characters.")];
        }

        return (catalogue, problems.Count > 0 ? Error.Validation(problems) : null);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private CatalogueView ToView(CatalogueVersion v)
    {
        var measured = sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var catalogue = PerformanceJson.Read<IndicatorCatalogue>(v.ContentJson);
        return new CatalogueView(
            v.Number, v.Status, v.Note, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.Version, catalogue.Groups.Sum(g => g.Weight),
            catalogue.Groups.Select(g => new GroupView(g.Code, g.Name, g.Weight, g.Indicators
                .Select(i => new IndicatorView(i.Code, i.Name, i.Definition, i.Formula, i.Weight, i.SourceKey, i.Rule, measured.Contains(i.SourceKey)))
                .ToList())).ToList());
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Puts the default catalogue in as published version 1 on an empty table (every start-up; idempotent).</summary>
internal sealed class CatalogueSeeder(VanguardDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        if (await db.Set<CatalogueVersion>().AnyAsync(ct))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.Add(new CatalogueVersion
        {
            Id = Guid.CreateVersion7(), Number = 1, Status = CatalogueStatuses.Published, ContentJson = PerformanceJson.Write(DefaultCatalogue.Create()),
            Note = "默认指标体系（时效、精准、公开、可溯、成效、作风）", CreatedAt = now, CreatedBy = "system", PublishedAt = now, PublishedBy = "system",
            Version = 1,
        });
        audit.Record("performance.catalogue_published", "performance_catalogue", "1", new { number = 1, source = "default" });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
