using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Cases.Features;

namespace Vanguard.Server.Modules.Cases;

internal sealed class CaseIntake(CasesHandler cases, TimeProvider clock) : ICaseIntake
{
    public async Task<Result<CaseRef>> OpenOffsiteCaseAsync(OffsiteCaseRequest request, CancellationToken ct)
    {
        var created = await cases.CreateAsync(
            new CreateCaseRequest(
                "offsite", request.AgencyCode, request.OffenceCode, request.Title, 1,
                new PartyInput(request.Party.Kind, request.Party.Name, request.Party.IdNumber, request.Party.Address, request.Party.Phone),
                new VehicleInput(request.Plate, request.PlateColor), request.ActOn, request.Facts, request.PenaltyFacts.ToDictionary(), request.OfficerIds,
                AcceptedOn: LegalClock.Today(clock)),
            ct,
            evidenceReviewed: true);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        var id = created.Value.Summary.Id;
        foreach (var item in request.FileItems)
        {
            var added = await cases.AddFileItemAsync(id, item.Code, item.Description, item.Reference, ct);
            if (!added.IsSuccess)
            {
                return added.Error!;
            }
        }

        var filed = await cases.ActAsync(id, "file", new CaseActionRequest(ApprovedBy: request.ApprovedBy), idempotencyKey: null, ct);
        return filed.IsSuccess ? new CaseRef(id, filed.Value.Summary.CaseNumber) : filed.Error!;
    }
}
