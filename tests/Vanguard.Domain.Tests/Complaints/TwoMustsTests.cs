using Vanguard.Domain.Complaints;

namespace Vanguard.Domain.Tests.Complaints;

public sealed class TwoMustsTests
{
    private static readonly DateTimeOffset AssignedAt = new(2026, 3, 7, 23, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void DueTimes_ByDefault_AreTwoAndTwentyFourHoursAfterAssignment()
    {
        var (contact, onsite) = TwoMustsTable.Default.DueTimes(ComplaintType.Complaint, AssignedAt);

        contact.ShouldBe(new DateTimeOffset(2026, 3, 8, 1, 30, 0, TimeSpan.FromHours(8)));
        onsite.ShouldBe(new DateTimeOffset(2026, 3, 8, 23, 30, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void DueTimes_UseTheTypesOwnRow_AndTheFallbackForOthers()
    {
        var table = new TwoMustsTable(
            new Dictionary<string, TwoMustsLimits> { [ComplaintType.Consultation] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(72)) },
            TwoMustsLimits.Default);

        table.DueTimes(ComplaintType.Consultation, AssignedAt).ShouldBe((AssignedAt.AddHours(1), AssignedAt.AddHours(72)));
        table.DueTimes(ComplaintType.Complaint, AssignedAt).ShouldBe((AssignedAt.AddHours(2), AssignedAt.AddHours(24)));
    }

    [Fact]
    public void Table_WithANonPositiveLimit_IsRefused() =>
        Should.Throw<ArgumentException>(() => new TwoMustsTable(
            new Dictionary<string, TwoMustsLimits> { [ComplaintType.Complaint] = new(TimeSpan.Zero, TimeSpan.FromHours(24)) }, TwoMustsLimits.Default));

    [Theory]
    [InlineData(null, 119, MustState.Pending)]
    [InlineData(null, 120, MustState.Pending)]
    [InlineData(null, 121, MustState.Overdue)]
    [InlineData(120, 500, MustState.OnTime)]
    [InlineData(121, 500, MustState.Late)]
    public void State_AgainstTheDueTime(int? doneAfterMinutes, int nowAfterMinutes, MustState expected)
    {
        var due = AssignedAt.AddHours(2);
        DateTimeOffset? done = doneAfterMinutes is { } d ? AssignedAt.AddMinutes(d) : null;

        TwoMustsTable.State(due, done, AssignedAt.AddMinutes(nowAfterMinutes)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("12328", "*****")]
    public void Phone_IsMasked(string phone, string masked) => ComplainantMask.Phone(phone).ShouldBe(masked);

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳修远", "欧***")]
    [InlineData("王", "*")]
    public void Name_IsMasked(string name, string masked) => ComplainantMask.Name(name).ShouldBe(masked);

    [Fact]
    public void Types_HaveChineseNames() =>
        ComplaintType.All.Select(ComplaintType.NameZh).ShouldBe(["咨询", "意见建议", "投诉举报"]);
}
