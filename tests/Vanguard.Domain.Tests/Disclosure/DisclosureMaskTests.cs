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

    [Theory]
    [InlineData("郑州市文化路小区3号楼", "郑州市")]
    [InlineData("河南省郑州市金水路社区服务中心", "河南省郑州市")]
    [InlineData("郑州市科学大道软件园区 2 号", "郑州市")]
    [InlineData("郑州市大学路校区东门", "郑州市")]
    [InlineData("郑州市二七路市场 5 号", "郑州市")]
    [InlineData("新乡市景区服务区", "新乡市")]
    [InlineData("幸福小区 3 号楼", null)]
    [InlineData("郑州市管城回族区文化小区", "郑州市管城回族区")]
    [InlineData("河南省镇平县城关镇", "河南省镇平县")]
    public void AddressToCounty_NeverTakesAHousingEstateOrMarketForACounty(string address, string? expected) =>
        DisclosureMask.AddressToCounty(address).ShouldBe(expected);

    [Fact]
    public void Facts_OfAPerson_AreGeneratedFromTheMaskedFields()
    {
        var shown = DisclosureMask.Party(Person);
        DisclosureFacts.Compose(true, shown, new DateOnly(2026, 11, 3), "车货总质量超限", "《超限运输车辆行驶公路管理规定》第三条第一款第（四）至（八）项")
            .ShouldBe("2026年11月3日，张**驾驶豫A·***45号车辆，车货总质量超限，违反了《超限运输车辆行驶公路管理规定》第三条第一款第（四）至（八）项的规定。");
        DisclosureFacts.Compose(true, shown with { Plate = null }, null, "车货总质量超限", null).ShouldBe("张**，车货总质量超限。");
    }

    [Fact]
    public void Facts_OfAnOrganisation_NameItAndItsVehicle()
    {
        var org = new DisclosureParty(false, "郑州顺达物流有限公司", "91410100MA44XXXX1A", "037112345678", "郑州市经开区第八大街 6 号", "豫A9D210", "刘德华");
        DisclosureFacts.Compose(false, DisclosureMask.Party(org), new DateOnly(2026, 11, 3), "车货外廓尺寸超限", null)
            .ShouldBe("2026年11月3日，郑州顺达物流有限公司所属豫A9D210号车辆，车货外廓尺寸超限。");
    }

    [Fact]
    public void Plate_OfATrailer_KeepsItsLastTwo() => DisclosureMask.Plate("豫A1234挂").ShouldBe("豫A·***4挂");
}
