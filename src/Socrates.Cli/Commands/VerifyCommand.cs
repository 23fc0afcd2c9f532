using System.CommandLine;
using Socrates.Core.Migration.V1ToV2;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates verify --v1 v1.db --v2 v2.db</c>: runs every V1-vs-V2 validator and prints the JSON
/// result; exit 1 on any discrepancy, 0 when clean.
/// </summary>
public static class VerifyCommand
{
    public const int Discrepancy = 1;

    public static Command Create()
    {
        var v1 = new Option<string>("--v1") { Description = "The V1 database.", Required = true };
        var v2 = new Option<string>("--v2") { Description = "The migrated V2 database.", Required = true };
        var command = new Command("verify", "Compare a V2 database with the V1 database it was migrated from (rows, ids, every field, rejects, foreign keys, integrity).")
        {
            v1, v2,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var report = await V1ToV2Verifier.VerifyAsync(parse.GetValue(v1)!, parse.GetValue(v2)!, cancellationToken);
            await Console.Out.WriteLineAsync(report.ToJson());
            return report.Clean ? CliExitCodes.Success : Discrepancy;
        });
        return command;
    }
}
