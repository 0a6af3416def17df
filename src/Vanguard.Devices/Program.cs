// vanguard-sim: simulators of the field devices (WIM stations, plate cameras, docking stations, terminals) that talk
// to the platform only through its public API. The simulators arrive with the off-site and evidence modules.
if (args is ["dock", ..]) return await Vanguard.Devices.Commands.DockCommand.RunAsync(args[1..]);
Console.WriteLine("vanguard-sim: device simulators — not built yet; see the off-site and evidence issues.");
return 0;
