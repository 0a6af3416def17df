// The same host defaults as the server (Kestrel, configuration, logging, server GC) and nothing else.
var app = WebApplication.Create(args);
app.MapGet("/health", () => "Healthy");
await app.RunAsync();
