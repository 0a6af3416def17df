using Vanguard.Domain.Disclosure;

namespace Vanguard.Server.Modules.Disclosure;

/// <summary><c>Vanguard:Disclosure</c> in configuration (docs/disclosure.md).</summary>
public sealed class DisclosureOptions
{
    public const string Section = "Vanguard:Disclosure";

    /// <summary>Whether the publication job runs on its timer (tests drive it by hand).</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>How often the job looks for new decisions and corrections.</summary>
    public int RunMinutes { get; set; } = 10;

    /// <summary>The recent window each run reads, in days of decision (and of recorded reviews); once a day the job reads the whole period.</summary>
    public int WindowDays { get; set; } = 30;

    /// <summary>公示期 of a natural person's decision, in months (3–36).</summary>
    public int PersonMonths { get; set; } = 24;

    /// <summary>公示期 of an organisation's decision, in months (3–36).</summary>
    public int OrganisationMonths { get; set; } = 36;

    /// <summary>An organisation's vehicle plate in full (营运车辆: business information); false masks it like a person's.</summary>
    public bool PublishOrganisationPlates { get; set; } = true;

    public PublicationPeriod Period => new(PersonMonths, OrganisationMonths);
}
