using System.CommandLine;
using Vanguard.Devices.Client;
using Vanguard.Devices.Commands;
using Vanguard.Devices.Terminal;

namespace Vanguard.Devices.Tests.Terminal;

public sealed class TerminalCommandTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await Cli.Build().Parse(args).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = output, ProcessTerminationTimeout = null }, TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task CreateAccounts_CreatesTheOfficersThenTheyPatrolAndGoOffDuty()
    {
        await using var fake = await FakeTerminal.StartAsync();

        var (exit, output) = await RunAsync(
            "terminal", "--url", fake.Address.ToString(), "--officers", "4", "--create-accounts", "--duration", "3s",
            "--position-interval", "1", "--batch-seconds", "1", "--seed", "7");

        exit.ShouldBe(ExitCodes.Ok, output);
        var created = fake.CreatedOfficers.ToList();
        created.Select(o => o.GetProperty("account").GetProperty("username").GetString())
            .ShouldBe(["sim.field01", "sim.field02", "sim.field03", "sim.field04"]);
        created.Select(o => o.GetProperty("agencyCode").GetString()).ShouldBe(["410100", "411300", "411000", "410100"]);
        created.ShouldAllBe(o => o.GetProperty("account").GetProperty("roles")[0].GetString() == "field-officer");
        created.ShouldAllBe(o => o.GetProperty("account").GetProperty("password").GetString() == FakeTerminal.Password);
        created.Select(o => o.GetProperty("officerNo").GetString()).Distinct().Count().ShouldBe(4);
        created.Select(o => o.GetProperty("certificateNo").GetString()).ShouldAllBe(c => c!.Length == 13 && c.StartsWith("41", StringComparison.Ordinal));
        output.ShouldContain("Accounts: 4 created, 0 already there.");
        output.ShouldContain("seed 7");

        fake.DutyChanges.Count(d => d.OnDuty).ShouldBe(4);
        fake.DutyChanges.Count(d => !d.OnDuty).ShouldBe(4);
        fake.Positions.Keys.Select(k => k.User).Distinct().Count().ShouldBe(4);
        var nanyang = PatrolArea.ForAgency("411300").Centre;
        fake.Positions.Where(p => p.Key.User == "sim.field02").ShouldAllBe(p => Geo.DistanceM(nanyang, new GeoPoint(p.Value.Lat, p.Value.Lon)) <= 20_000);
        output.ShouldContain("Summary");
        output.ShouldContain("on duty 0/4");

        // A second run finds them there.
        (exit, output) = await RunAsync("terminal", "--url", fake.Address.ToString(), "--officers", "4", "--create-accounts", "--duration", "1s");
        exit.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain("Accounts: 0 created, 4 already there.");
    }

    [Fact]
    public async Task Users_AreTheDemoFieldAccounts()
    {
        await using var fake = await FakeTerminal.StartAsync();

        var (exit, output) = await RunAsync(
            "terminal", "--url", fake.Address.ToString(), "--users", "zhengzhou.field, nanyang.field", "--password", FakeTerminal.Password, "--duration", "2s");

        exit.ShouldBe(ExitCodes.Ok, output);
        fake.SignIns.Order(StringComparer.Ordinal).ShouldBe(["nanyang.field", "zhengzhou.field"]);
        output.ShouldContain("2 officers");
    }

    [Fact]
    public async Task WithoutADuration_RunsUntilCtrlC_ThenSendsWhatIsLeftAndGoesOffDuty()
    {
        await using var fake = await FakeTerminal.StartAsync();
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        ctrlC.CancelAfter(TimeSpan.FromSeconds(2));
        var output = new StringWriter();

        var exit = await Cli.Build().Parse(["terminal", "--url", fake.Address.ToString(), "--users", "xuchang.field"]).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = output, ProcessTerminationTimeout = null }, ctrlC.Token);

        exit.ShouldBe(ExitCodes.Ok, output.ToString());
        output.ToString().ShouldContain("until Ctrl+C");
        fake.DutyChanges.ShouldBe([("xuchang.field", true), ("xuchang.field", false)]);
        fake.Positions.Count.ShouldBe(2, "the fix on going on duty and the one on stopping, both sent on the way out (batches are 30 s apart)");
    }

    [Fact]
    public async Task MoreOfficersThanAccounts_IsAUsageError()
    {
        var (exit, output) = await RunAsync("terminal", "--users", "zhengzhou.field,nanyang.field", "--officers", "3");

        exit.ShouldBe(1);
        output.ShouldContain("--officers 3 needs as many accounts");
    }

    [Fact]
    public async Task AccountsThatDoNotExist_AreRefused()
    {
        await using var fake = await FakeTerminal.StartAsync();

        var (exit, output) = await RunAsync("terminal", "--url", fake.Address.ToString(), "--officers", "2", "--duration", "5s");

        exit.ShouldBe(ExitCodes.KeyRefused, output);
        output.ShouldContain("sim.field01: could not sign in");
        output.ShouldContain("auth.invalid_credentials×2");
    }

    [Fact]
    public async Task APlatformWithoutTheTerminalApi_IsNamed()
    {
        await using var fake = await FakeTerminal.StartAsync();
        fake.WithoutTerminalApi = true;

        var (exit, output) = await RunAsync("terminal", "--url", fake.Address.ToString(), "--users", "zhengzhou.field", "--duration", "5s");

        exit.ShouldBe(ExitCodes.Undelivered, output);
        output.ShouldContain("has no terminal API");
    }

    [Theory]
    [InlineData("sim.field01", "SIMFIELD01")]
    [InlineData("zhengzhou.field", "SIMZHENGZHOUFIELD")]
    public void OfficerNumbers_AreStableAndShort(string username, string officerNo)
    {
        OfficerAccounts.OfficerNo(username).ShouldBe(officerNo);
        OfficerAccounts.CertificateNo(username).ShouldBe(OfficerAccounts.CertificateNo(username));
        OfficerAccounts.CertificateNo(username).ShouldNotBe(OfficerAccounts.CertificateNo(username + "x"));
    }
}
