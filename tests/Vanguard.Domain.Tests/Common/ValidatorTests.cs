using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;

namespace Vanguard.Domain.Tests.Common;

public sealed class ValidatorTests
{
    [Fact]
    public void ToError_ListsEveryFailedField()
    {
        var error = new Validator()
            .Require("name", null, "名称", "Name")
            .MaxLength("code", new string('x', 70), 64, "编号", "Code")
            .Check(false, "kind", "unknown", "类型未知", "Unknown kind")
            .Require("ok", "present", "有值", "Present")
            .ToError();

        error.Code.ShouldBe("validation.failed");
        error.Kind.ShouldBe(ErrorKind.Validation);
        error.Fields.Keys.ShouldBe(["name", "code", "kind"], ignoreOrder: true);
        error.Fields["code"][0].Code.ShouldBe("too_long");
    }

    [Fact]
    public void Result_FromError_IsFailureAndHidesTheValue()
    {
        Result<int> result = Error.NotFound("x.not_found", "不存在", "Not found");

        result.IsSuccess.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => _ = result.Value);
    }
}

public sealed class EnforcementCertificateTests
{
    [Theory]
    [InlineData("41012022000001", true)]
    [InlineData("4101", false)]
    [InlineData("00012022000001", false)]
    [InlineData("41A12022000001", false)]
    public void IsValid_ChecksTheShape(string number, bool valid) => EnforcementCertificateNumber.IsValid(number).ShouldBe(valid);

    [Fact]
    public void IsValidOn_TheLastDayCounts_TheNextDoesNot()
    {
        var until = new DateOnly(2026, 6, 30);

        EnforcementCertificateNumber.IsValidOn(until, new DateOnly(2026, 6, 30)).ShouldBeTrue();
        EnforcementCertificateNumber.IsValidOn(until, new DateOnly(2026, 7, 1)).ShouldBeFalse();
        EnforcementCertificateNumber.IsValidOn(null, new DateOnly(2026, 7, 1)).ShouldBeFalse();
    }
}
