using System.CommandLine;
using System.Text.Json;
using Vanguard.Devices.Client;
using Vanguard.Devices.Commands;
using Vanguard.Devices.Tests.Client;

namespace Vanguard.Devices.Tests.Commands;

public sealed class CommandTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await Cli.Build().Parse(args).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = output, ProcessTerminationTimeout = null }, TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Setup_RegistersAStationAndACameraAndPrintsTheirKeys()
    {
        await using var fake = await FakePlatform.StartAsync();
        fake.TakenCodes.Add("SIM-WIM-410122-01");

        var (exit, output) = await RunAsync("setup", "--server", fake.Address.ToString());

        exit.ShouldBe(0, output);
        output.ShouldContain("SIM-WIM-410122-02");
        output.ShouldContain("key vgk_sim-wim-410122-02");
        output.ShouldContain("SIM-ANPR-410122-01");
        output.ShouldContain("key vgk_sim-anpr-410122-01");
        output.ShouldContain("vanguard-sim wim --server");
        var wim = fake.Registrations.Last(r => r.GetProperty("kind").GetString() == "wim-station");
        wim.GetProperty("agencyCode").GetString().ShouldBe("410122");
        wim.GetProperty("accuracyClass").GetInt32().ShouldBe(5);
        var certificate = wim.GetProperty("certificate");
        certificate.GetProperty("number").GetString().ShouldNotBeNullOrEmpty();
        DateOnly.Parse(certificate.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeLessThanOrEqualTo(DateOnly.FromDateTime(DateTime.UtcNow));
        DateOnly.Parse(certificate.GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
    }

    [Fact]
    public async Task Setup_WithAWrongPassword_FailsAndSaysWhy()
    {
        await using var fake = await FakePlatform.StartAsync();

        var (exit, output) = await RunAsync("setup", "--server", fake.Address.ToString(), "--password", "nope");

        exit.ShouldBe(1);
        output.ShouldContain("Wrong username or password");
        fake.Registrations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Wim_SendsTheRequestedCountAndPrintsASummary()
    {
        await using var fake = await FakePlatform.StartAsync();

        var (exit, output) = await RunAsync(
            "wim", "--server", fake.Address.ToString(), "--key", FakePlatform.DeviceKey, "--count", "1200", "--rate", "0", "--batch", "300",
            "--bad-percent", "0", "--resend-percent", "0", "--seed", "9");

        exit.ShouldBe(ExitCodes.Ok, output);
        fake.Stored.Count.ShouldBe(1_200);
        fake.Stored.Keys.ShouldAllBe(id => id.StartsWith(FakePlatform.DeviceCode + "-", StringComparison.Ordinal));
        output.ShouldContain("seed 9");
        output.ShouldContain("Summary");
        output.ShouldContain("accepted    1200");
    }

    [Fact]
    public async Task Anpr_WithImagesInline_SendsBase64()
    {
        await using var fake = await FakePlatform.StartAsync();

        var (exit, output) = await RunAsync(
            "anpr", "--server", fake.Address.ToString(), "--key", FakePlatform.DeviceKey, "--count", "50", "--rate", "0", "--images", "inline",
            "--bad-percent", "0", "--resend-percent", "0");

        exit.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain("warning: the key belongs to a wim-station");
        fake.Stored.Count.ShouldBe(50);
        fake.Stored.Values.ShouldAllBe(r => r.GetProperty("image").GetProperty("base64").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Wim_WhenThePlatformIsDown_ExitsNonZero()
    {
        var (exit, output) = await RunAsync("wim", "--server", $"http://127.0.0.1:{TrafficRunnerTests.ClosedPort()}", "--key", "vgk_x", "--count", "10");

        exit.ShouldBe(ExitCodes.Unreachable);
        output.ShouldContain("Could not reach the platform");
    }

    [Fact]
    public async Task Wim_WithARefusedKey_ExitsNonZero()
    {
        await using var fake = await FakePlatform.StartAsync();

        var (exit, _) = await RunAsync("wim", "--server", fake.Address.ToString(), "--key", "vgk_wrong", "--count", "10");

        exit.ShouldBe(ExitCodes.KeyRefused);
        fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Wim_WithABatchOverTheLimit_IsAUsageError()
    {
        var (exit, output) = await RunAsync("wim", "--key", "vgk_x", "--batch", "1001");

        exit.ShouldBe(1);
        output.ShouldContain("--batch must be within 1–1000");
    }

    [Theory]
    [InlineData("60s", 60)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5_400)]
    [InlineData("90", 90)]
    [InlineData("00:01:30", 90)]
    public void Duration_IsRead(string text, int seconds)
    {
        Cli.TryParseDuration(text, out var d).ShouldBeTrue();
        d.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("s")]
    [InlineData("")]
    [InlineData("0s")]
    public void Duration_Nonsense_IsRefused(string text) => Cli.TryParseDuration(text, out _).ShouldBeFalse();
}
