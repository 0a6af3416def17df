using Vanguard.Domain.Disclosure;

namespace Vanguard.Domain.Tests.Disclosure;

public sealed class DisclosureMaskTests
{
    private static readonly DisclosureParty Person = new(
        true, "张三丰", "410102199001011234", "13812345678", "河南省郑州市中牟县官渡镇幸福路 8 号", "豫A7K345");

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李四", "李*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("王", "王")]
    public void PersonName_KeepsTheFirstCharacter_OneStarPerOtherCharacter(string name, string masked) =>
        DisclosureMask.PersonName(name).ShouldBe(masked);

    [Theory]
    [InlineData("410102199001011234", "410102********1234")]
    [InlineData("41010219900101123X", "410102********123X")]
    [InlineData("410102900101123", "410102*****1123")]
    public void IdNumber_KeepsTheCountyAndTheLastFour(string id, string masked) => DisclosureMask.IdNumber(id).ShouldBe(masked);

    [Fact]
    public void Phone_And_Plate_AreCut()
    {
        DisclosureMask.Phone("13812345678").ShouldBe("138****5678");
        DisclosureMask.Plate("豫A12345").ShouldBe("豫A·***45");
        DisclosureMask.Plate("豫A·12345").ShouldBe("豫A·***45");
    }

    [Theory]
    [InlineData("河南省郑州市中牟县官渡镇幸福路 8 号", "河南省郑州市中牟县")]
    [InlineData("郑州市金水区花园路 1 号院 3 单元", "郑州市金水区")]
    [InlineData("河南省禹州市钧台街道办事处", "河南省禹州市")]
    [InlineData("北京市朝阳区建国路", "北京市朝阳区")]
    [InlineData("幸福路 8 号", null)]
    [InlineData("", null)]
    public void AddressToCounty_CutsAtTheCounty_OrRemovesIt(string address, string? expected) =>
        DisclosureMask.AddressToCounty(address).ShouldBe(expected);

    [Fact]
    public void Party_OfAPerson_HidesEveryPersonalField()
    {
        var shown = DisclosureMask.Party(Person);
        shown.ShouldBe(new DisclosedParty("张**", "410102********1234", null, "豫A·***45", "河南省郑州市中牟县"));
    }

    [Fact]
    public void Party_OfAnOrganisation_IsInFull_ButItsLegalRepresentativeIsMasked()
    {
        var org = new DisclosureParty(false, "郑州顺达物流有限公司", "91410100MA44XXXX1A", "037112345678", "郑州市经开区第八大街 6 号", "豫A9D210", "刘德华");
        DisclosureMask.Party(org).ShouldBe(new DisclosedParty("郑州顺达物流有限公司", "91410100MA44XXXX1A", "刘**", "豫A9D210", "郑州市经开区第八大街 6 号"));
        DisclosureMask.Party(org, publishOrganisationPlates: false).Plate.ShouldBe("豫A·***10");
    }

    [Fact]
    public void Scrub_RemovesTheNameIdPhonePlateAndAddress_AndAnyOtherIdOrMobile()
    {
        var facts = "当事人张三丰（身份证 410102199001011234，电话 13812345678，住河南省郑州市中牟县官渡镇幸福路 8 号）驾驶豫A7K345货车超限；"
            + "同车人电话 13987654321，身份证 41010519800101001X；张三丰对事实无异议，车辆豫A·7K345已卸载。";
        var scrubbed = DisclosureMask.Scrub(facts, Person)!;
        foreach (var secret in new[] { "张三丰", "410102199001011234", "13812345678", "幸福路", "豫A7K345", "豫A·7K345", "13987654321", "41010519800101001X" })
        {
            scrubbed.ShouldNotContain(secret);
        }

        scrubbed.ShouldContain("当事人张**");
        scrubbed.ShouldContain("410102********1234");
        scrubbed.ShouldContain("138****5678");
        scrubbed.ShouldContain("河南省郑州市中牟县）");
        scrubbed.ShouldContain("驾驶豫A·***45货车");
        scrubbed.ShouldContain("139****4321");
    }

    [Fact]
    public void Scrub_OfAnOrganisation_KeepsItsName_ButMasksItsRepresentativeAndPhones()
    {
        var org = new DisclosureParty(false, "郑州顺达物流有限公司", "91410100MA44XXXX1A", "13812345678", null, "豫A9D210", "刘德华");
        var scrubbed = DisclosureMask.Scrub("郑州顺达物流有限公司（法定代表人刘德华，电话 13812345678）的豫A9D210货车超限。", org)!;
        scrubbed.ShouldBe("郑州顺达物流有限公司（法定代表人刘**，电话 138****5678）的豫A9D210货车超限。");
    }
}
