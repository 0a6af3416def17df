// vanguard-sim: simulators of the field devices (WIM stations, plate cameras) that talk to the platform only through
// its public HTTP API. See README.md beside this file.
using System.CommandLine;
using System.Text;
using Vanguard.Devices.Commands;

Console.OutputEncoding = Encoding.UTF8;
return await Cli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });
