using Vanguard.Domain.Overload;

namespace Vanguard.Domain.Tests.Overload;

public sealed class WeighingConsistencyTests
{
    [Theory]
    [InlineData(new[] { 7_000, 18_000, 24_000 }, 49_000, true)]  // exact
    [InlineData(new[] { 7_000, 18_000, 26_000 }, 49_000, true)]  // +2 000 = 4.08 %
    [InlineData(new[] { 7_000, 18_000, 26_450 }, 49_000, true)]  // +2 450 = exactly 5 %: the bound passes
    [InlineData(new[] { 7_000, 18_000, 26_451 }, 49_000, false)] // +2 451
    [InlineData(new[] { 7_000, 18_000, 21_550 }, 49_000, true)]  // −2 450 = exactly −5 %
    [InlineData(new[] { 7_000, 18_000, 21_549 }, 49_000, false)] // −2 451
    public void AxlesMatchGross_DefaultFivePercent(int[] axles, int gross, bool expected) =>
        WeighingConsistency.AxlesMatchGross(axles, gross).ShouldBe(expected);

    [Theory]
    [InlineData(0, 10_000, true)]
    [InlineData(0, 10_001, false)]
    [InlineData(2, 10_200, true)]
    [InlineData(2, 10_201, false)]
    public void AxlesMatchGross_OtherTolerances(int tolerancePercent, int axleSum, bool expected) =>
        WeighingConsistency.AxlesMatchGross([axleSum / 2, axleSum - (axleSum / 2)], 10_000, tolerancePercent).ShouldBe(expected);

    [Fact]
    public void AxlesMatchGross_FractionalTolerance_IsExact()
    {
        WeighingConsistency.AxlesMatchGross([5_000, 5_025], 10_000, 0.25m).ShouldBeTrue();
        WeighingConsistency.AxlesMatchGross([5_000, 5_026], 10_000, 0.25m).ShouldBeFalse();
    }

    [Theory]
    [InlineData(new int[0], 10_000)]
    [InlineData(new[] { 5_000, 5_000 }, 0)]
    [InlineData(new[] { 5_000, 5_000 }, -10_000)]
    [InlineData(new[] { 10_500, -500 }, 10_000)]
    public void AxlesMatchGross_BadData_IsFalse(int[] axles, int gross) =>
        WeighingConsistency.AxlesMatchGross(axles, gross).ShouldBeFalse();

    [Fact]
    public void AxlesMatchGross_LargeSums_DoNotOverflow() =>
        WeighingConsistency.AxlesMatchGross([int.MaxValue, int.MaxValue], int.MaxValue).ShouldBeFalse();

    [Fact]
    public void AxlesMatchGross_NegativeTolerance_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => WeighingConsistency.AxlesMatchGross([5_000], 5_000, -1m));

    [Fact]
    public void AxlesMatchGross_NullAxles_Throws() =>
        Should.Throw<ArgumentNullException>(() => WeighingConsistency.AxlesMatchGross(null!, 5_000));
}
