using System.CommandLine;
using Socrates.Testing.Integrity;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates generate-v1 --out v1.db --users N --projects N --messages N --seed S --bad-share 0.02</c>:
/// writes a seeded V1 database (the same arguments give the same data) with the given share of bad rows.
/// </summary>
public static class GenerateV1Command
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The V1 database file to create (must not exist).", Required = true }.NewFile();
        var users = new Option<int>("--users") { Description = "Users (at least 1).", DefaultValueFactory = _ => 10 }.AtLeast(1);
        var projects = new Option<int>("--projects") { Description = "Projects (spread over the users).", DefaultValueFactory = _ => 50 }.AtLeast(0);
        var messages = new Option<int>("--messages") { Description = "Conversation messages per project.", DefaultValueFactory = _ => 20 }.AtLeast(0);
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var badShare = new Option<double>("--bad-share") { Description = "Share of rows made bad on purpose (0..1).", DefaultValueFactory = _ => 0.02 }.Between(0, 1);
        var command = new Command("generate-v1", "Generate a seeded V1 (pickle blob) database with a share of bad rows.")
        {
            output, users, projects, messages, seed, badShare,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await V1DatabaseGenerator.GenerateAsync(parse.GetValue(output)!,
                new V1GenerationOptions(parse.GetValue(users), parse.GetValue(projects), parse.GetValue(messages), parse.GetValue(seed), parse.GetValue(badShare)),
                cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"{result.Path}: {result.TotalRows} rows ({string.Join(", ", result.RowsPerTable.Select(t => $"{t.Key} {t.Value}"))}), {result.Defects.Count} bad on purpose");
            return CliExitCodes.Success;
        });
        return command;
    }
}
