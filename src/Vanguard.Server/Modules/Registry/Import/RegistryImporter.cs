using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Registry;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Registry.Data;

namespace Vanguard.Server.Modules.Registry.Import;

/// <summary>What an import did: rows inserted, rows that changed, rows equal to what was stored, and every rejected field.</summary>
internal sealed record ImportOutcome(int Imported, int Updated, int Unchanged, IReadOnlyList<RowError> Rejected);

/// <summary>
/// Upserts the rows of a file by natural key (ID number, credit code, plate + colour, qualification number) with the same
/// rules as the JSON API. A bad row is reported and skipped, its neighbours go in; a row equal to the stored one is
/// "unchanged", so importing the same file twice changes nothing. All accepted rows are saved in one transaction.
/// </summary>
internal sealed class RegistryImporter(VanguardDbContext db, IAuditLog audit, TimeProvider clock, ILogger<RegistryImporter> logger)
{
    private const int ChunkSize = 500;

    public async Task<Result<ImportOutcome>> ImportAsync(ImportKind kind, TabularFile file, string fileDigest, CancellationToken ct)
    {
        var (columns, missing) = ImportColumns.Match(kind, file.Headers);
        var check = new Validator();
        foreach (var column in missing)
        {
            check.Add(column.Field, "registry.import_column_missing",
                $"缺少必需的列“{column.Headers[1]}”（或 {column.Headers[0]}）。", $"The required column '{column.Headers[0]}' ({column.Headers[1]}) is missing.");
        }

        if (kind == ImportKind.Vehicles && !columns.ContainsKey("ownerIdNumber") && !columns.ContainsKey("ownerCreditCode"))
        {
            check.Add("owner", "registry.import_column_missing",
                "缺少所有人列：“所有人身份证号”或“所有人统一社会信用代码”。", "An owner column is missing: ownerIdNumber or ownerCreditCode.");
        }

        if (!check.IsValid)
        {
            return check.ToError() with
            {
                Code = "registry.import_columns_missing",
                MessageZh = "导入文件缺少必需的列，请对照导入模板。",
                MessageEn = "The file lacks required columns; see the import format.",
            };
        }

        var rejected = new List<RowError>();
        var (imported, updated, unchanged, changedIds) = kind switch
        {
            ImportKind.Persons => await PersonsAsync(file, columns, rejected, ct),
            ImportKind.Organisations => await OrganisationsAsync(file, columns, rejected, ct),
            ImportKind.Vehicles => await VehiclesAsync(file, columns, rejected, ct),
            ImportKind.Drivers => await DriversAsync(file, columns, rejected, ct),
        };

        var rejectedRows = rejected.Select(r => r.Row).Distinct().Count();
        audit.Record("registry.import", "registry_import", kind.ToString().ToLowerInvariant(), new
        {
            kind = kind.ToString(), fileDigest, rows = file.Rows.Count, imported, updated, unchanged, rejectedRows, changedIds,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (RegistryUpserts.IsUniqueViolation(e))
        {
            // Another import or registration added one of these keys after we looked: nothing of ours was saved.
            db.ChangeTracker.Clear();
            return Error.Conflict("registry.import_concurrent",
                "导入期间有相同的数据被同时登记，本次导入未保存，请重新导入。", "The same records were registered meanwhile; nothing was saved, import again.");
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Registry import of {Kind}: {Imported} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rows rejected",
                kind, imported, updated, unchanged, rejectedRows);
        }
        return new ImportOutcome(imported, updated, unchanged, rejected.OrderBy(r => r.Row).ToList());
    }

    private async Task<Counts> PersonsAsync(TabularFile file, Dictionary<string, int> columns, List<RowError> rejected, CancellationToken ct)
    {
        var candidates = Checked(file, columns, rejected, r => RegistryRules.Check(new CreatePersonRequest(r.Text("name"), r.Text("idNumber"), r.Text("phone"), r.Text("address"))));
        candidates = Distinct(candidates, d => d.IdNumber, "idNumber", rejected);
        var existing = await LoadAsync(candidates.Select(c => c.Data.IdNumber), keys => db.RegistryPersons.Where(p => keys.Contains(p.IdNumber)), p => p.IdNumber, ct);
        return Upsert(candidates, c => existing.GetValueOrDefault(c.IdNumber), c =>
        {
            var now = clock.GetUtcNow();
            var person = new RegistryPerson { Id = Guid.CreateVersion7(), Name = c.Name, IdNumber = c.IdNumber, CreatedAt = now, UpdatedAt = now };
            db.RegistryPersons.Add(person);
            return person;
        }, RegistryUpserts.Apply, p => p.Id, (p, at) => p.UpdatedAt = at);
    }

    private async Task<Counts> OrganisationsAsync(TabularFile file, Dictionary<string, int> columns, List<RowError> rejected, CancellationToken ct)
    {
        var candidates = Checked(file, columns, rejected, r => RegistryRules.Check(new CreateOrganisationRequest(
            r.Text("name"), r.Text("creditCode"), r.Text("legalRepresentative"), r.Text("address"), r.Text("phone"), r.Text("operatingLicenceNo"))));
        candidates = Distinct(candidates, d => d.CreditCode, "creditCode", rejected);
        var existing = await LoadAsync(
            candidates.Select(c => c.Data.CreditCode), keys => db.RegistryOrganisations.Where(o => keys.Contains(o.CreditCode)), o => o.CreditCode, ct);
        return Upsert(candidates, c => existing.GetValueOrDefault(c.CreditCode), c =>
        {
            var now = clock.GetUtcNow();
            var organisation = new RegistryOrganisation { Id = Guid.CreateVersion7(), Name = c.Name, CreditCode = c.CreditCode, CreatedAt = now, UpdatedAt = now };
            db.RegistryOrganisations.Add(organisation);
            return organisation;
        }, RegistryUpserts.Apply, o => o.Id, (o, at) => o.UpdatedAt = at);
    }

    private async Task<Counts> VehiclesAsync(TabularFile file, Dictionary<string, int> columns, List<RowError> rejected, CancellationToken ct)
    {
        var candidates = Checked(file, columns, rejected, r =>
        {
            var typeCode = r.Text("vehicleTypeCode");
            var typeName = r.Text("vehicleTypeName");
            // Some exports put the type's name in the 车辆类型 column.
            if (typeCode is not null && !VehicleType.IsWellFormed(typeCode.ToUpperInvariant()) && VehicleType.CodeOf(typeCode) is { } code)
            {
                typeName ??= typeCode;
                typeCode = code;
            }

            return RegistryRules.Check(new CreateVehicleRequest(
                r.Text("plate"), r.Text("plateColor"), typeCode, typeName, r.Text("ownerIdNumber"), r.Text("ownerCreditCode"), r.Int("axleCount"),
                r.Int("registeredTotalMassKg"), r.Text("transportCertificateNo"), r.Date("transportCertificateValidUntil"), r.Text("status")));
        });
        candidates = Distinct(candidates, d => d.Plate + "/" + d.PlateColor, "plate", rejected);

        var persons = await LoadAsync(
            candidates.Where(c => c.Data.OwnerIdNumber is not null).Select(c => c.Data.OwnerIdNumber!),
            keys => db.RegistryPersons.Where(p => keys.Contains(p.IdNumber)), p => p.IdNumber, ct);
        var organisations = await LoadAsync(
            candidates.Where(c => c.Data.OwnerCreditCode is not null).Select(c => c.Data.OwnerCreditCode!),
            keys => db.RegistryOrganisations.Where(o => keys.Contains(o.CreditCode)), o => o.CreditCode, ct);
        candidates = candidates.Where(c =>
        {
            var found = c.Data.OwnerIdNumber is { } id ? persons.ContainsKey(id) : organisations.ContainsKey(c.Data.OwnerCreditCode!);
            if (!found)
            {
                rejected.AddRange(RowError.From(c.Row, Features.VehiclesHandler.OwnerNotFound(c.Data)));
            }

            return found;
        }).ToList();

        var byPlate = await LoadAsync(
            candidates.Select(c => c.Data.Plate), keys => db.RegistryVehicles.Where(v => keys.Contains(v.Plate)), v => v.Plate + "/" + v.PlateColor, ct);
        return Upsert(candidates, c => byPlate.GetValueOrDefault(c.Plate + "/" + c.PlateColor), c =>
        {
            var now = clock.GetUtcNow();
            var vehicle = new RegistryVehicle
            {
                Id = Guid.CreateVersion7(), Plate = c.Plate, PlateColor = c.PlateColor, VehicleTypeCode = c.VehicleTypeCode,
                VehicleTypeName = c.VehicleTypeName, Status = c.Status, CreatedAt = now, UpdatedAt = now,
            };
            db.RegistryVehicles.Add(vehicle);
            return vehicle;
        }, (v, d) => RegistryUpserts.Apply(
            v, d, d.OwnerIdNumber is { } id ? persons[id].Id : null, d.OwnerCreditCode is { } code ? organisations[code].Id : null),
            v => v.Id, (v, at) => v.UpdatedAt = at);
    }

    private async Task<Counts> DriversAsync(TabularFile file, Dictionary<string, int> columns, List<RowError> rejected, CancellationToken ct)
    {
        var candidates = Checked(file, columns, rejected, r => RegistryRules.Check(new CreateDriverRequest(
            r.Text("idNumber"), r.Text("qualificationNo"), r.Text("qualificationCategory"), r.Date("validUntil"), r.Text("employerCreditCode"))));
        candidates = Distinct(candidates, d => d.QualificationNo, "qualificationNo", rejected);

        var persons = await LoadAsync(
            candidates.Select(c => c.Data.IdNumber), keys => db.RegistryPersons.Where(p => keys.Contains(p.IdNumber)), p => p.IdNumber, ct);
        var employers = await LoadAsync(
            candidates.Where(c => c.Data.EmployerCreditCode is not null).Select(c => c.Data.EmployerCreditCode!),
            keys => db.RegistryOrganisations.Where(o => keys.Contains(o.CreditCode)), o => o.CreditCode, ct);
        candidates = candidates.Where(c =>
        {
            var ok = true;
            if (!persons.ContainsKey(c.Data.IdNumber))
            {
                rejected.Add(new RowError(c.Row, "idNumber", "registry.person_not_found",
                    "运政数据中没有该公民身份号码的人员，请先导入人员。", "No person with that ID number is registered; import the persons first."));
                ok = false;
            }

            if (c.Data.EmployerCreditCode is { } code && !employers.ContainsKey(code))
            {
                rejected.Add(new RowError(c.Row, "employerCreditCode", "registry.organisation_not_found",
                    "运政数据中没有该统一社会信用代码的单位。", "No organisation with that credit code is registered."));
                ok = false;
            }

            return ok;
        }).ToList();

        var existing = await LoadAsync(
            candidates.Select(c => c.Data.QualificationNo), keys => db.RegistryDrivers.Where(d => keys.Contains(d.QualificationNo)), d => d.QualificationNo, ct);
        return Upsert(candidates, c => existing.GetValueOrDefault(c.QualificationNo), c =>
        {
            var now = clock.GetUtcNow();
            var driver = new RegistryDriver
            {
                Id = Guid.CreateVersion7(), QualificationNo = c.QualificationNo, QualificationCategory = c.QualificationCategory, CreatedAt = now, UpdatedAt = now,
            };
            db.RegistryDrivers.Add(driver);
            return driver;
        }, (r, d) => RegistryUpserts.Apply(r, d, persons[d.IdNumber].Id, d.EmployerCreditCode is { } code ? employers[code].Id : null),
            r => r.Id, (r, at) => r.UpdatedAt = at);
    }

    /// <summary>Each row read and checked; rows with any problem go to <paramref name="rejected"/>.</summary>
    private static List<(int Row, T Data)> Checked<T>(
        TabularFile file, Dictionary<string, int> columns, List<RowError> rejected, Func<RowReader, Result<T>> check)
    {
        var accepted = new List<(int Row, T Data)>();
        foreach (var row in file.Rows)
        {
            var reader = new RowReader(row, columns);
            var result = check(reader);
            if (reader.Errors.Count > 0 || !result.IsSuccess)
            {
                rejected.AddRange(reader.Errors);
                if (!result.IsSuccess)
                {
                    // A value that did not parse was passed on as empty; its "required" would say the same thing twice.
                    rejected.AddRange(RowError.From(row.Row, result.Error!).Where(e => !reader.Errors.Any(r => r.Field == e.Field)));
                }

                continue;
            }

            accepted.Add((row.Row, result.Value));
        }

        return accepted;
    }

    /// <summary>A natural key twice in one file is a mistake in the file: the first row counts, later ones are reported.</summary>
    private static List<(int Row, T Data)> Distinct<T>(List<(int Row, T Data)> rows, Func<T, string> key, string field, List<RowError> rejected)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<(int Row, T Data)>();
        foreach (var row in rows)
        {
            if (first.TryGetValue(key(row.Data), out var earlier))
            {
                rejected.Add(new RowError(row.Row, field, "registry.import_duplicate_row",
                    $"与第 {earlier} 行重复，已忽略。", $"Same key as row {earlier}; ignored."));
                continue;
            }

            first[key(row.Data)] = row.Row;
            result.Add(row);
        }

        return result;
    }

    private static async Task<Dictionary<string, TEntity>> LoadAsync<TEntity>(
        IEnumerable<string> keys, Func<List<string>, IQueryable<TEntity>> query, Func<TEntity, string> keyOf, CancellationToken ct)
    {
        var result = new Dictionary<string, TEntity>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(ChunkSize))
        {
            foreach (var entity in await query([.. chunk]).ToListAsync(ct))
            {
                result[keyOf(entity)] = entity;
            }
        }

        return result;
    }

    private Counts Upsert<T, TEntity>(
        List<(int Row, T Data)> rows, Func<T, TEntity?> find, Func<T, TEntity> add, Func<TEntity, T, bool> apply, Func<TEntity, Guid> idOf,
        Action<TEntity, DateTimeOffset> touch)
        where TEntity : class
    {
        int imported = 0, updated = 0, unchanged = 0;
        var changed = new List<Guid>();
        foreach (var (_, data) in rows)
        {
            if (find(data) is { } entity)
            {
                if (apply(entity, data))
                {
                    touch(entity, clock.GetUtcNow());
                    updated++;
                    changed.Add(idOf(entity));
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                var created = add(data);
                apply(created, data);
                imported++;
                changed.Add(idOf(created));
            }
        }

        return new Counts(imported, updated, unchanged, changed);
    }

    private sealed record Counts(int Imported, int Updated, int Unchanged, List<Guid> ChangedIds);
}
