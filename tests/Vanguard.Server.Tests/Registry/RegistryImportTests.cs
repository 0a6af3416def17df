using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace Vanguard.Server.Tests.Registry;

public sealed class RegistryImportTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private static async Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string kind, string csv, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        var content = new ByteArrayContent(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return await client.PostAsync($"/api/v1/registry/import/{kind}", content, Ct);
    }

    private static async Task<JsonNode> ImportedAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private static (int Imported, int Updated, int Unchanged, int Rejected) Counts(JsonNode result) => (
        result["imported"]!.GetValue<int>(), result["updated"]!.GetValue<int>(), result["unchanged"]!.GetValue<int>(), result["rejected"]!.AsArray().Count);

    [Fact]
    public async Task CsvImport_WithABadRowInTheMiddle_ImportsTheGoodRowsAndReportsTheBadOneByRow()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var ids = Enumerable.Range(0, 3).Select(_ => RegistryData.IdNumber(RegistryData.Next())).ToList();
        var bad = RegistryData.WithWrongCheck(RegistryData.IdNumber(RegistryData.Next()));
        var csv = $"""
            姓名,身份证号,联系电话,住址
            张一,{ids[0]},13900000001,巩义市一号
            李二,{ids[1]},13900000002,巩义市二号
            王三,{bad},13900000003,巩义市三号
            赵四,{ids[2]},13900000004,巩义市四号

            """;

        var result = await ImportedAsync(await PostCsvAsync(admin, "persons", csv, bom: true));

        Counts(result).ShouldBe((3, 0, 0, 1));
        var rejection = result["rejected"]!.AsArray().Single()!;
        rejection["row"]!.GetValue<int>().ShouldBe(4);
        rejection["field"]!.GetValue<string>().ShouldBe("idNumber");
        rejection["code"]!.GetValue<string>().ShouldBe("registry.id_number_invalid");
        rejection["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        (await admin.GetAsync($"/api/v1/registry/persons/{ids[2]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/registry/persons/{bad}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReImport_OfTheSameFile_ChangesNothing_AndAChangedRowIsAnUpdate()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var codes = Enumerable.Range(0, 2).Select(_ => RegistryData.CreditCode(RegistryData.Next())).ToList();
        var csv = $"""
            name,creditCode,legalRepresentative,address,phone,operatingLicenceNo
            巩义甲物流有限公司,{codes[0]},甲某,巩义市甲路,0371-64000001,410381200001
            巩义乙物流有限公司,{codes[1]},乙某,巩义市乙路,0371-64000002,

            """;

        var first = await ImportedAsync(await PostCsvAsync(admin, "organisations", csv));
        var again = await ImportedAsync(await PostCsvAsync(admin, "organisations", csv));
        var changed = await ImportedAsync(await PostCsvAsync(admin, "organisations", csv.Replace("乙某", "乙某某", StringComparison.Ordinal)));

        Counts(first).ShouldBe((2, 0, 0, 0));
        Counts(again).ShouldBe((0, 0, 2, 0));
        Counts(changed).ShouldBe((0, 1, 1, 0));
        var detail = await (await admin.GetAsync($"/api/v1/registry/organisations/{codes[1]}", Ct)).JsonAsync();
        detail["legalRepresentative"]!.GetValue<string>().ShouldBe("乙某某");
    }

    [Fact]
    public async Task VehicleImport_ResolvesOwners_ReportsUnknownOwnersAndDuplicateRows()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var owner = RegistryData.IdNumber(RegistryData.Next());
        await ImportedAsync(await PostCsvAsync(admin, "persons", $"姓名,身份证号\n车主甲,{owner}\n"));
        var unknownOwner = RegistryData.IdNumber(RegistryData.Next());
        var plates = Enumerable.Range(0, 3).Select(_ => RegistryData.Plate(RegistryData.Next())).ToList();
        var csv = $"""
            车牌号码,号牌颜色,车辆类型,所有人身份证号,轴数,总质量(kg),道路运输证号,道路运输证有效期至,车辆状态
            {plates[0]},黄色,重型半挂牵引车,{owner},3,25000,410381000101,2020/5/1,营运
            {plates[1]},yellow,H11,{unknownOwner},4,31000,410381000102,2030-01-31,
            {plates[0]},黄色,Q11,{owner},3,25000,410381000101,2020-05-01,营运
            {plates[2]},蓝色,H32,{owner},2,4495,,,
            {plates[2]},黄色,H11,{owner},two,31000,410381000103,tomorrow,

            """;

        var result = await ImportedAsync(await PostCsvAsync(admin, "vehicles", csv));

        Counts(result).ShouldBe((2, 0, 0, 4), result.ToJsonString());
        result["rejected"]!.AsArray().Select(r => (r!["row"]!.GetValue<int>(), r["field"]!.GetValue<string>(), r["code"]!.GetValue<string>())).ShouldBe(
        [
            (3, "ownerIdNumber", "registry.owner_not_found"),
            (4, "plate", "registry.import_duplicate_row"),
            (6, "axleCount", "registry.number_invalid"),
            (6, "transportCertificateValidUntil", "registry.date_invalid"),
        ], ignoreOrder: true);
        var lookup = await (await admin.GetAsync($"/api/v1/registry/vehicles/{Uri.EscapeDataString(plates[0])}", Ct)).JsonAsync();
        lookup["vehicle"]!["vehicleTypeCode"]!.GetValue<string>().ShouldBe("Q11");
        lookup["vehicle"]!["transportCertificateValidUntil"]!.GetValue<string>().ShouldBe("2020-05-01");
        lookup["vehicle"]!["certificateStatus"]!.GetValue<string>().ShouldBe("expired");
        lookup["owner"]!["number"]!.GetValue<string>().ShouldBe(owner);
    }

    [Fact]
    public async Task XlsxUpload_WithChineseHeaders_IsImported()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var employer = RegistryData.CreditCode(RegistryData.Next());
        var person = RegistryData.IdNumber(RegistryData.Next());
        await ImportedAsync(await PostCsvAsync(admin, "organisations", $"单位名称,统一社会信用代码\n巩义丙运输有限公司,{employer}\n"));
        await ImportedAsync(await PostCsvAsync(admin, "persons", $"姓名,身份证号\n驾驶员丙,{person}\n"));
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["身份证号"] = person, ["从业资格证号"] = person, ["从业资格类别"] = "道路货物运输驾驶员", ["有效期至"] = new DateTime(2030, 6, 30), ["所属企业统一社会信用代码"] = employer },
            new() { ["身份证号"] = person, ["从业资格证号"] = "4101" + person[^8..], ["从业资格类别"] = "", ["有效期至"] = "2031-01-01", ["所属企业统一社会信用代码"] = null },
        };
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(rows, excelType: ExcelType.XLSX, cancellationToken: Ct);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "驾驶员.xlsx");

        var result = await ImportedAsync(await admin.PostAsync("/api/v1/registry/import/drivers", form, Ct));

        Counts(result).ShouldBe((1, 0, 0, 1));
        var rejection = result["rejected"]!.AsArray().Single()!;
        rejection["row"]!.GetValue<int>().ShouldBe(3);
        rejection["field"]!.GetValue<string>().ShouldBe("qualificationCategory");
        var driver = await (await admin.GetAsync($"/api/v1/registry/drivers/{person}", Ct)).JsonAsync();
        driver["validUntil"]!.GetValue<string>().ShouldBe("2030-06-30");
        driver["employerCreditCode"]!.GetValue<string>().ShouldBe(employer);
    }

    [Fact]
    public async Task Gb18030Csv_IsRead()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var id = RegistryData.IdNumber(RegistryData.Next());
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var content = new ByteArrayContent(gb18030.GetBytes($"姓名,身份证号,住址\n欧阳锋,{id},河南省巩义市\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var result = await ImportedAsync(await admin.PostAsync("/api/v1/registry/import/persons", content, Ct));

        Counts(result).ShouldBe((1, 0, 0, 0));
        var person = await (await admin.GetAsync($"/api/v1/registry/persons/{id}", Ct)).JsonAsync();
        person["name"]!.GetValue<string>().ShouldBe("欧阳锋");
        person["address"]!.GetValue<string>().ShouldBe("河南省巩义市");
    }

    [Fact]
    public async Task Import_WithoutTheRequiredColumns_IsRefusedWhole()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await PostCsvAsync(admin, "vehicles", "车牌号码,轴数\n豫P12348,3\n");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "registry.import_columns_missing");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldBe(["plateColor", "vehicleTypeCode", "owner"], ignoreOrder: true);
    }

    [Fact]
    public async Task Import_OverTheRowLimit_IsAClearProblem()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var csv = new StringBuilder("name,idNumber\n");
        for (var i = 0; i <= 50_000; i++)
        {
            csv.Append("某,1\n");
        }

        var response = await PostCsvAsync(admin, "persons", csv.ToString());

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "registry.import_too_many_rows");
    }

    [Fact]
    public async Task Import_OverTheSizeLimit_IsAClearProblem()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var content = new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await admin.PostAsync("/api/v1/registry/import/persons", content, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "registry.import_too_large");
    }

    [Fact]
    public async Task Import_OfAnUnknownKind_OrAsJson_IsRefused()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var kind = await PostCsvAsync(admin, "officers", "name\nx\n");
        var json = await admin.PostAsync("/api/v1/registry/import/persons", new StringContent("[]", Encoding.UTF8, "application/json"), Ct);

        await kind.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "registry.import_kind_unknown");
        await json.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "registry.import_unsupported_media_type");
    }

    [Fact]
    public async Task Import_OfALegacyXlsFile_SaysSo()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]), "file", "车辆.xls");

        var response = await admin.PostAsync("/api/v1/registry/import/vehicles", form, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "registry.import_xls_unsupported");
    }

    [Fact]
    public async Task Import_IsForEditorsOnly()
    {
        var field = await factory.SignedInAsync("zhengzhou.field");

        var response = await PostCsvAsync(field, "persons", "name,idNumber\n");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
