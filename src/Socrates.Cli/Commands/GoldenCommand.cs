using System.CommandLine;
using Socrates.Core.Search.Golden;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates golden [--regenerate] [--fixtures DIR]</c>: verifies the committed golden search
/// expectations against a fresh exact computation (prints the number of differing queries,
/// exit code 1 when there are any), or rewrites them on purpose with <c>--regenerate</c>.
/// </summary>
public static class GoldenCommand
{
    public static Command Create()
    {
        var regenerate = new Option<bool>("--regenerate")
        {
            Description = "Rewrite fixtures/golden/expected.jsonl from the current corpus, queries and embedder (review the diff before committing).",
        };
        var fixtures = new Option<string?>("--fixtures")
        {
            Description = "The golden fixtures directory (default: fixtures/golden above the working directory).",
        };
        var command = new Command("golden", "Verify (default) or regenerate the golden vector-search expectations.")
        {
            regenerate,
            fixtures,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await GoldenRegenerator.RunAsync(parseResult.GetValue(fixtures), parseResult.GetValue(regenerate), parseResult.InvocationConfiguration.Output, cancellationToken);
            }
            catch (Exception error) when (error is DirectoryNotFoundException or FileNotFoundException)
            {
                // Run outside the repository (or with a wrong --fixtures): a usage problem, not a crash.
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    $"golden: the golden fixtures were not found ({error.Message}); run it inside the repository or pass --fixtures DIR.");
                return CliExitCodes.Usage;
            }
        });
        return command;
    }
}
