// vanguard-sim: simulators of the field devices (WIM stations, plate cameras, docking stations) that talk to the platform only through
// its public HTTP API. See README.md beside this file.
using System.CommandLine;
using System.Text;
using Vanguard.Devices.Commands;

Console.OutputEncoding = Encoding.UTF8;
if (args is ["dock", ..])
{
    // Docking stations upload body-camera clips over tus (evidence module).
    return await DockCommand.RunAsync(args[1..]);
}

return await Cli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });
