global using Shouldly;
global using Vanguard.Server.Tests.Infrastructure;
global using Xunit;
