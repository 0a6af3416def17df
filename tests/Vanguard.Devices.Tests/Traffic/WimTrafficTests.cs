using Microsoft.Extensions.Time.Testing;
using Vanguard.Devices.Client;
using Vanguard.Devices.Traffic;
using Vanguard.Domain.Identifiers;

namespace Vanguard.Devices.Tests.Traffic;

public sealed class WimTrafficTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 30, 0, TimeSpan.Zero);

    private static WimTraffic Make(double overload = 3, double bad = 0, double resend = 0, int seed = 42, ImageMode images = ImageMode.Hash) =>
        new(new WimTrafficOptions
        {
            Station = "SIM-WIM-410122-01",
            FirstSequence = 1,
            Seed = seed,
            FleetSize = 2_000,
            OverloadPercent = overload,
            BadPercent = bad,
            ResendPercent = resend,
            Images = images,
        }, new FakeTimeProvider(Now));

    private static List<WimSample> Generate(WimTraffic traffic, int n = 10_000) => Enumerable.Range(0, n).Select(_ => traffic.NextSample()).ToList();

    [Fact]
    public void Plates_AreValidGa36AndTheirColourMatches()
    {
        var samples = Generate(Make());

        samples.ShouldAllBe(s => PlateNumber.IsValid(s.Record.Plate));
        samples.ShouldAllBe(s => PlateColor.IsConsistent(s.Record.Plate, s.Record.PlateColor));
        samples.Where(s => s.Record.AxleCount >= 3).ShouldAllBe(s => s.Record.PlateColor == PlateColor.Yellow || s.Record.PlateColor == PlateColor.YellowGreen);
        samples.ShouldContain(s => s.Record.PlateColor == PlateColor.Green && s.Record.AxleCount == 2);
        samples.Count(s => s.Record.Plate.StartsWith('豫')).ShouldBeGreaterThan(samples.Count / 2);
    }

    [Fact]
    public void Vehicles_Recur()
    {
        var samples = Generate(Make());

        var plates = samples.GroupBy(s => s.Record.Plate).ToList();
        plates.Count.ShouldBeLessThanOrEqualTo(2_000);
        plates.ShouldContain(g => g.Count() >= 5);
        plates.ShouldAllBe(g => g.Select(s => s.Record.AxleCount).Distinct().Count() == 1);
    }

    [Fact]
    public void AxleWeights_AddUpToTheGrossWithinOnePercent()
    {
        var samples = Generate(Make());

        samples.ShouldAllBe(s => s.Record.AxleWeightsKg.Length == s.Record.AxleCount);
        samples.ShouldAllBe(s => s.Record.AxleWeightsKg.All(w => w > 0));
        samples.ShouldAllBe(s => Math.Abs(s.Record.AxleWeightsKg.Sum() - s.Record.GrossWeightKg) <= s.Record.GrossWeightKg * 0.01);
        samples.ShouldContain(s => s.Record.AxleWeightsKg.Sum() != s.Record.GrossWeightKg);
    }

    [Fact]
    public void OverloadShare_IsCloseToTheRequestedPercent()
    {
        var samples = Generate(Make(overload: 3));

        var over = samples.Where(s => s.Record.GrossWeightKg > s.Vehicle!.LimitKg).ToList();
        (over.Count / 100.0).ShouldBe(3.0, tolerance: 0.6);
        over.ShouldAllBe(s => s.Overloaded);
        over.ShouldAllBe(s => s.Record.GrossWeightKg >= s.Vehicle!.LimitKg * 1.019 && s.Record.GrossWeightKg <= s.Vehicle!.LimitKg * 1.401);
        over.ShouldContain(s => s.Record.GrossWeightKg > s.Vehicle!.LimitKg * 1.2);
        samples.Where(s => !s.Overloaded).ShouldAllBe(s => s.Record.GrossWeightKg <= s.Vehicle!.LimitKg * 0.98 + 10);
        samples.Count(s => s.Record.GrossWeightKg >= s.Vehicle!.LimitKg * 0.6).ShouldBeGreaterThan(8_000);
    }

    [Fact]
    public void OverloadPercent_Zero_GivesNoOverload()
    {
        var samples = Generate(Make(overload: 0), 5_000);

        samples.ShouldAllBe(s => s.Record.GrossWeightKg < s.Vehicle!.LimitKg);
    }

    [Fact]
    public void ClassMix_IsMostlyTwoAxleTrucksAndSixAxleCombinations()
    {
        var byAxles = Generate(Make()).GroupBy(s => s.Record.AxleCount).ToDictionary(g => g.Key, g => g.Count());

        byAxles.Keys.Order().ShouldBe([2, 3, 4, 5, 6]);
        (byAxles[2] + byAxles[6]).ShouldBeGreaterThan(6_000);
        byAxles[3].ShouldBeLessThan(byAxles[2]);
        byAxles[5].ShouldBeLessThan(byAxles[6]);
    }

    [Fact]
    public void OverDimension_IsRareAndBeyondTheArt3Limits()
    {
        var samples = Generate(Make());

        static bool Over(WimRecord r) => r.HeightMm > AxleLimits.MaxHeightMm || r.WidthMm > AxleLimits.MaxWidthMm || r.LengthMm > AxleLimits.MaxLengthMm;
        samples.Where(s => !s.OverDimension).Count(s => Over(s.Record)).ShouldBe(0);
        samples.Where(s => s.OverDimension).Count(s => !Over(s.Record)).ShouldBe(0);
        samples.Count(s => s.OverDimension).ShouldBeInRange(50, 160);
    }

    [Fact]
    public void RecordIds_AreUniqueAndNumberedPerStationAndChinaDate()
    {
        var samples = Generate(Make());

        samples.Select(s => s.Record.RecordId).Distinct().Count().ShouldBe(samples.Count);
        samples[0].Record.RecordId.ShouldBe("SIM-WIM-410122-01-20261102-000000001");
        samples[^1].Record.RecordId.ShouldBe("SIM-WIM-410122-01-20261102-000010000");
    }

    [Fact]
    public void CapturedAt_IsNowInChinaTime()
    {
        var record = Make().NextSample().Record;

        record.CapturedAt.Offset.ShouldBe(TimeSpan.FromHours(8));
        record.CapturedAt.ShouldBe(Now);
    }

    [Fact]
    public void BadPercent_ProducesTheIntendedDefectsAndNoOthers()
    {
        var samples = Generate(Make(bad: 5));

        var bad = samples.Where(s => s.Defect != WimDefect.None).ToList();
        (bad.Count / 100.0).ShouldBe(5.0, tolerance: 0.8);
        bad.ShouldAllBe(s => s.Item.Tag == TrafficTag.Bad);
        foreach (var defect in (WimDefect[])[WimDefect.InvalidPlate, WimDefect.AxlesNotMatchingGross, WimDefect.CapturedInFuture])
        {
            bad.Count(s => s.Defect == defect).ShouldBeGreaterThan(bad.Count / 5, defect.ToString());
        }

        bad.Where(s => s.Defect == WimDefect.InvalidPlate).ShouldAllBe(s => !PlateNumber.IsValid(s.Record.Plate));
        bad.Where(s => s.Defect == WimDefect.AxlesNotMatchingGross)
            .ShouldAllBe(s => Math.Abs(s.Record.AxleWeightsKg.Sum() - s.Record.GrossWeightKg) >= s.Record.GrossWeightKg * 0.1);
        bad.Where(s => s.Defect == WimDefect.CapturedInFuture).ShouldAllBe(s => s.Record.CapturedAt >= Now.AddHours(23));

        var good = samples.Where(s => s.Defect == WimDefect.None).ToList();
        good.ShouldAllBe(s => PlateNumber.IsValid(s.Record.Plate) && s.Record.CapturedAt == Now);
        good.ShouldAllBe(s => Math.Abs(s.Record.AxleWeightsKg.Sum() - s.Record.GrossWeightKg) <= s.Record.GrossWeightKg * 0.01);
    }

    [Fact]
    public void ResendPercent_RepeatsEarlierRecordsUnchanged()
    {
        var samples = Generate(Make(resend: 2));

        var resends = samples.Where(s => s.Item.Tag == TrafficTag.Resend).ToList();
        (resends.Count / 100.0).ShouldBe(2.0, tolerance: 0.5);
        var firsts = samples.Where(s => s.Item.Tag != TrafficTag.Resend).ToDictionary(s => s.Record.RecordId, s => s.Record);
        firsts.Count.ShouldBe(samples.Count - resends.Count);
        foreach (var resend in resends)
        {
            firsts[resend.Record.RecordId].ShouldBeSameAs(resend.Record);
        }
    }

    [Fact]
    public void Resends_AreNeverOfBadRecords()
    {
        var samples = Generate(Make(bad: 10, resend: 10), 5_000);

        var bad = samples.Where(s => s.Item.Tag == TrafficTag.Bad).Select(s => s.Record.RecordId).ToHashSet();
        bad.Count.ShouldBeGreaterThan(0);
        samples.Where(s => s.Item.Tag == TrafficTag.Resend).ShouldAllBe(s => !bad.Contains(s.Record.RecordId));
    }

    [Fact]
    public void Resend_IsOlderThanOneBatch()
    {
        var samples = Generate(Make(resend: 5), 3_000);

        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i].Item.Tag == TrafficTag.Resend)
            {
                var first = samples.FindIndex(s => s.Record.RecordId == samples[i].Record.RecordId);
                (i - first).ShouldBeGreaterThan(500);
            }
        }
    }

    [Fact]
    public void SameSeed_GivesTheSameTraffic()
    {
        var a = Generate(Make(bad: 1, resend: 1, seed: 7), 2_000);
        var b = Generate(Make(bad: 1, resend: 1, seed: 7), 2_000);

        System.Text.Json.JsonSerializer.Serialize(a.Select(s => s.Record), Wire.Json)
            .ShouldBe(System.Text.Json.JsonSerializer.Serialize(b.Select(s => s.Record), Wire.Json));
    }

    [Fact]
    public void OtherSeed_GivesOtherTraffic()
    {
        var a = Generate(Make(seed: 7), 100).Select(s => s.Record.GrossWeightKg);
        var b = Generate(Make(seed: 8), 100).Select(s => s.Record.GrossWeightKg);

        a.ShouldNotBe(b);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("hash", 3)]
    [InlineData("inline", 3)]
    public void Images_FollowTheMode(string modeName, int count)
    {
        var mode = Enum.Parse<ImageMode>(modeName, ignoreCase: true);
        var record = Make(images: mode).NextSample().Record;

        record.Images.Count.ShouldBe(count);
        foreach (var image in record.Images)
        {
            image.ContentType.ShouldBe("image/jpeg");
            image.Sha256.ShouldMatch("^[0-9a-f]{64}$");
            if (mode == ImageMode.Inline)
            {
                var bytes = Convert.FromBase64String(image.Base64!);
                bytes[..2].ShouldBe(new byte[] { 0xFF, 0xD8 });
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(image.Sha256);
            }
            else
            {
                image.Base64.ShouldBeNull();
            }
        }
    }

    [Fact]
    public void Json_FollowsTheContract()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Make().NextSample().Record, Wire.Json);

        json.ShouldContain("\"recordId\":\"SIM-WIM-410122-01-20261102-000000001\"");
        json.ShouldContain("\"capturedAt\":\"2026-11-02T09:30:00+08:00\"");
        json.ShouldContain("\"axleWeightsKg\":[");
        json.ShouldContain("\"vehicleKind\":\"");
        json.ShouldContain("\"tractorSingleDriveAxle\":");
        json.ShouldNotContain("base64");
    }
}
