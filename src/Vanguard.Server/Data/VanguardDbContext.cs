using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Modules.Audit.Data;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Online.Data;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;
using Vanguard.Server.Modules.Registry.Data;
using Vanguard.Server.Modules.Terminal.Data;
using Vanguard.Server.Modules.Terminal.Records.Data;
using Vanguard.Server.Modules.Payments.Data;
using Vanguard.Server.Modules.Performance.Data;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Complaints.Data;
using Vanguard.Server.Modules.Credit.Data;
using Vanguard.Server.Modules.Disclosure.Data;
using Vanguard.Server.Modules.Supervision.Data;
using Vanguard.Server.Modules.Warnings.Data;

namespace Vanguard.Server.Data;

/// <summary>
/// The one database of the platform. Each module configures its own tables (<c>&lt;module&gt;_&lt;thing&gt;</c>);
/// jurisdiction scoping is applied here, once, to every agency-owned entity.
/// Provider-specific subclasses exist only so each provider keeps its own migrations.
/// </summary>
public abstract class VanguardDbContext : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>
{
    protected VanguardDbContext(DbContextOptions options, IJurisdiction jurisdiction)
        : base(options) => Jurisdiction = jurisdiction;

    /// <summary>Read by the query filters at query time (EF parameterises it per query).</summary>
    public IJurisdiction Jurisdiction { get; }

    private bool Unrestricted => Jurisdiction.IsUnrestricted;

    private IReadOnlyCollection<Guid> InScope => Jurisdiction.AgencyIds;

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Officer> Officers => Set<Officer>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<PlatformSetting> PlatformSettings => Set<PlatformSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        OrganisationModel.Configure(builder);
        AuditModel.Configure(builder);
        RegistryModel.Configure(builder);
        builder.Entity<PlatformSetting>(e =>
        {
            e.ToTable("platform_settings");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(64);
            e.Property(s => s.Value).HasMaxLength(2000);
        });

        CasesModel.Configure(builder);
        OffsiteModel.Configure(builder);
        EvidenceModel.Configure(builder);
        TerminalModel.Configure(builder);         // 手持执法终端: duty, positions, tasks, look-ups
        IdempotencyModel.Configure(builder);      // Idempotency-Key rows for terminal writes (Common/Idempotency)
        Common.Jobs.JobRunsModel.Configure(builder);  // job_runs: the node that claimed each slot of a scheduled job (Common/Jobs)
        TerminalRecordsModel.Configure(builder);  // terminal hand 2: on-site records, on-the-spot penalties
        PaymentsModel.Configure(builder);         // payments_orders and payments_callbacks (online payment of fines)
        OnlineModel.Configure(builder);           // 不见面执法: statements, hearing requests, e-service, one-time codes, SMS outbox
        SurveillanceModel.Configure(builder);     // 布控: watch-lists, hotspots, suspect rules and suspects, alerts, webhook outbox
        ComplaintsModel.Configure(builder);       // 投诉举报: complaints, their steps, two-musts warnings
        PerformanceModel.Configure(builder);      // 绩效评价: catalogue versions, scoring runs and scores, objections
        DisclosureModel.Configure(builder);       // 执法公开: published decisions, withdrawals
        CreditModel.Configure(builder);           // 信用监管: credit events, blacklist entries, repairs
        WarningsModel.Configure(builder);         // 问题预警: rule settings, warnings, responses
        SupervisionModel.Configure(builder);      // 执法监督: "八六四" inspections and findings

        // Jurisdiction (管辖范围): the one place where "a user sees only their agency subtree" is enforced —
        // for the agencies themselves and for every entity of any module that implements IAgencyOwned.
        builder.Entity<Agency>().HasQueryFilter(a => Unrestricted || InScope.Contains(a.Id));
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(IAgencyOwned).IsAssignableFrom(t)).ToList())
        {
            ScopeMethod.MakeGenericMethod(type).Invoke(this, [builder]);
        }
    }

    private static readonly System.Reflection.MethodInfo ScopeMethod =
        typeof(VanguardDbContext).GetMethod(nameof(ScopeToJurisdiction), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private void ScopeToJurisdiction<T>(ModelBuilder builder)
        where T : class, IAgencyOwned =>
        builder.Entity<T>().HasQueryFilter(e => Unrestricted || InScope.Contains(e.AgencyId));

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnforceJurisdictionOnWrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnforceJurisdictionOnWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void EnforceJurisdictionOnWrites()
    {
        if (Jurisdiction.IsUnrestricted)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var agencyId = entry.Entity switch
            {
                IAgencyOwned owned => owned.AgencyId,
                Agency agency => agency.ParentId ?? agency.Id,
                _ => (Guid?)null,
            };
            if (agencyId is { } id && !Jurisdiction.AgencyIds.Contains(id))
            {
                throw new JurisdictionViolationException($"{entry.Entity.GetType().Name} of agency {id} is outside the caller's jurisdiction.");
            }
        }
    }
}

/// <summary>Platform-wide key/value settings (e.g. whether demo data was seeded).</summary>
public sealed class PlatformSetting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
