global using Shouldly;
global using Xunit;
global using Vanguard.Server.Tests.Infrastructure;
