using Vanguard.Server.Modules.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Demo;

namespace Vanguard.Server.Hosting;

/// <summary>
/// <c>dotnet run --project src/Vanguard.Server -- admin create --username U --password-stdin</c>:
/// the first administrator of a platform without demo data.
/// </summary>
internal static class AdminCommand
{
    public static bool IsRequested(string[] args) => args.Length >= 2 && args[0] == "admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[1] != "create")
        {
            await Console.Error.WriteLineAsync("用法 / usage: admin create --username <name> --password-stdin");
            return 2;
        }

        var username = ValueOf(args, "--username");
        if (string.IsNullOrWhiteSpace(username) || !args.Contains("--password-stdin"))
        {
            await Console.Error.WriteLineAsync("用法 / usage: admin create --username <name> --password-stdin");
            return 2;
        }

        var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("未从标准输入读到密码 / no password on standard input");
            return 2;
        }

        await Data.DatabaseSetup.MigrateAsync(app.Services, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var result = await scope.ServiceProvider.GetRequiredService<AdminAccounts>()
            .CreateProvinceAdminAsync(username, password, CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("创建失败 / failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await Console.Out.WriteLineAsync($"已创建省级管理员 / province administrator created: {username}");
        return 0;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
