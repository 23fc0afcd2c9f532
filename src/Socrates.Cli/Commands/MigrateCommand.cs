using System.CommandLine;
using Socrates.Core.Migration.Progress;
using Socrates.Core.Migration.V1ToV2;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates migrate --from v1.db --to v2.db [--summary out.json]</c>: runs the V1 -> V2 migration
/// (resumes an interrupted one), prints the JSON summary and writes it to <c>--summary</c>.
/// Exit 0 when migrated and validated, 1 when the migration stopped (the error says where and where the backup is).
/// </summary>
public static class MigrateCommand
{
    public const int Failed = 1;

    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The V1 database (read only).", Required = true };
        var to = new Option<string>("--to") { Description = "The V2 database to create or resume.", Required = true };
        var summary = new Option<string?>("--summary") { Description = "Also write the JSON summary to this file." };
        var batch = new Option<int>("--batch-size") { Description = "Source rows per transaction.", DefaultValueFactory = _ => 200 };
        var command = new Command("migrate", "Migrate a V1 database to V2: backup, key scan, batched resumable copy, rejects, validation.")
        {
            from, to, summary, batch,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var progress = new Progress<MigrationProgressSnapshot>(p =>
                Console.Error.WriteLine($"  {p.RowsDone}/{p.RowsTotal} rows, {p.RowsPerSecond:F0} rows/s, ETA {p.Eta?.ToString(@"hh\:mm\:ss") ?? "?"}"));
            string json;
            int exit;
            try
            {
                var result = await V1ToV2Migrator.MigrateAsync(parse.GetValue(from)!, parse.GetValue(to)!,
                    new V1ToV2Options { BatchSize = parse.GetValue(batch) }, progress, cancellationToken);
                json = result.ToJson();
                exit = CliExitCodes.Success;
            }
            catch (V1ToV2MigrationException error)
            {
                await Console.Error.WriteLineAsync(error.Message);
                json = error.Summary?.ToJson() ?? System.Text.Json.JsonSerializer.Serialize(new
                {
                    failed = true, stage = error.Stage.ToString(), code = error.Code.ToString(), backup = error.BackupPath, error = error.Message,
                });
                exit = Failed;
            }

            await Console.Out.WriteLineAsync(json);
            if (parse.GetValue(summary) is { } path)
            {
                await File.WriteAllTextAsync(path, json, cancellationToken);
            }

            return exit;
        });
        return command;
    }
}
