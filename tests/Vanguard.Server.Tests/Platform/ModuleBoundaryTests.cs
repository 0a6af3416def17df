using System.Text.RegularExpressions;

namespace Vanguard.Server.Tests.Platform;

/// <summary>Modules reach each other only through their <c>Contracts</c> namespace (conventions.md).</summary>
public sealed partial class ModuleBoundaryTests
{
    private static string ModulesFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vanguard.slnx")))
        {
            dir = dir.Parent;
        }

        dir.ShouldNotBeNull("the repository root (Vanguard.slnx) was not found above the test binaries");
        return Path.Combine(dir.FullName, "src", "Vanguard.Server", "Modules");
    }

    [Fact]
    public void Modules_UseOtherModulesOnlyThroughContracts()
    {
        var modules = ModulesFolder();
        var violations = new List<string>();
        var files = Directory.EnumerateFiles(modules, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .ToList();
        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            var owner = Path.GetRelativePath(modules, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match reference in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var module = reference.Groups["module"].Value;
                var part = reference.Groups["part"].Value;
                if (module != owner && part != "Contracts")
                {
                    violations.Add($"{Path.GetRelativePath(modules, file)} uses {module}.{part}");
                }
            }
        }

        violations.ShouldBeEmpty();
    }

    [GeneratedRegex(@"Vanguard\.Server\.Modules\.(?<module>\w+)(\.(?<part>\w+))?\b")]
    private static partial Regex ModuleReference();
}
