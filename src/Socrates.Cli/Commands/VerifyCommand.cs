using System.CommandLine;
using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.V1ToV2;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates verify --v1 v1.db --v2 v2.db</c>: runs every V1-vs-V2 validator and prints the JSON
/// result; exit 1 on any discrepancy, 0 when clean, 2 when a file cannot be read as what it should be,
/// <see cref="CliExitCodes.Usage"/> when a file does not exist.
/// </summary>
public static class VerifyCommand
{
    public const int Discrepancy = 1;

    public const int Unreadable = 2;

    public static Command Create()
    {
        var v1 = new Option<string>("--v1") { Description = "The V1 database.", Required = true }.ExistingFile();
        var v2 = new Option<string>("--v2") { Description = "The migrated V2 database.", Required = true }.ExistingFile();
        var command = new Command("verify", "Compare a V2 database with the V1 database it was migrated from (rows, ids, every field, rejects, foreign keys, integrity).")
        {
            v1, v2,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            V1ToV2VerificationReport report;
            try
            {
                report = await V1ToV2Verifier.VerifyAsync(parse.GetValue(v1)!, parse.GetValue(v2)!, cancellationToken);
            }
            catch (SqliteException error)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"verify: '{parse.GetValue(v1)}' and '{parse.GetValue(v2)}' cannot be compared (is --v1 a V1 database and --v2 the V2 file migrated from it?): SQLite error {error.SqliteErrorCode}: {error.Message}");
                return Unreadable;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(report.ToJson());
            return report.Clean ? CliExitCodes.Success : Discrepancy;
        });
        return command;
    }
}
