using Socrates.Evidence;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Packaging;

/// <summary>
/// The engine as another project gets it: packed from this build with <c>dotnet pack</c> and
/// installed as a .NET tool from a local folder. The install reads only that folder (its own
/// NuGet.config and package cache), so a package of the same version cached by an earlier run can
/// never stand in for this build.
/// </summary>
public sealed class PackedTool : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socrates-packed-tool-" + Guid.NewGuid().ToString("N"));

    /// <summary>The installed <c>socrates-gates</c> command.</summary>
    public string Command => Path.Combine(_folder, "tool", "socrates-gates");

    public string TempFolder(string name) => Path.Combine(_folder, name);

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Current;
        var feed = TempFolder("feed");
        var pack = await ChildProcess.RunAsync(
            "dotnet",
            ["pack", Path.Combine(root, "src", "Socrates.Gates"), "-c", Configuration, "--no-build", "--nologo", "-o", feed],
            root);
        Assert.True(pack.ExitCode == 0, "dotnet pack: " + pack.Printed);

        var config = TempFolder("nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var version = typeof(Socrates.Gates.Cli.GateCli).Assembly.GetName().Version!.ToString(3);
        var install = await ChildProcess.RunAsync(
            "dotnet",
            ["tool", "install", "Socrates.Gates", "--version", version, "--tool-path", TempFolder("tool"), "--configfile", config],
            _folder,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = TempFolder("packages") });
        Assert.True(install.ExitCode == 0, "dotnet tool install: " + install.Printed);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
