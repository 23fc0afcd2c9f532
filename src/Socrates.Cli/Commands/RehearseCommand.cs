using System.CommandLine;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Backup;
using Socrates.Core.Migration.V1ToV2;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates rehearse --v1-database PATH [--work DIR] [--keep]</c>: the migration rehearsed on a
/// copy of the user's own V1 database, the file itself only read: migrate the copy (verified
/// backup, rejects with reasons), <c>verify</c>, migrate again (a rerun must complete and verify
/// clean), then the dual-run comparison (every project, every user's list, V1 against V2). Prints
/// one JSON object naming the database by path, size and SHA-256 before and after. Exit 0 when
/// everything is clean and the source unchanged, 1 on any finding, 2 when the file cannot be read
/// as a V1 database, <see cref="CliExitCodes.Usage"/> for a bad command line. Kill points and speed
/// ratios are the gate run's: <c>dotnet cake --target=Gates --v1-database=PATH</c>.
/// </summary>
public static class RehearseCommand
{
    public const int Finding = 1;

    public const int Unreadable = 2;

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public static Command Create()
    {
        var database = new Option<string>("--v1-database") { Description = "Your V1 database (only read; the rehearsal works on a copy).", Required = true }.ExistingFile();
        var work = new Option<string?>("--work") { Description = "Folder for the copy, the backup and the V2 file (default: a new temporary folder)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the work folder (default: deleted at the end)." };
        var command = new Command("rehearse", "Rehearse the V1 -> V2 migration on a copy of your V1 database: migrate, verify, rerun, compare V1 and V2 answers.")
        {
            database, work, keep,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = Path.GetFullPath(parse.GetValue(database)!);
            var folder = Path.GetFullPath(parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "socrates-rehearsal-" + Guid.NewGuid().ToString("N")));
            Directory.CreateDirectory(folder);
            try
            {
                var (exit, report) = await RunAsync(source, folder, parse.InvocationConfiguration.Error, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(report, s_json));
                return exit;
            }
            finally
            {
                if (!parse.GetValue(keep) && parse.GetValue(work) is null)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        });
        return command;
    }

    private static async Task<(int Exit, object Report)> RunAsync(string source, string folder, TextWriter error, CancellationToken cancellationToken)
    {
        var bytes = new FileInfo(source).Length;
        var before = await SourceDigest.ComputeAsync(source, cancellationToken);
        var copy = Path.Combine(folder, "v1.db");
        var v2 = Path.Combine(folder, "v2.db");
        File.Copy(source, copy, overwrite: true);
        if (File.Exists(source + "-wal"))
        {
            // Committed pages not yet checkpointed live in the WAL: without it the copy is older than the source.
            File.Copy(source + "-wal", copy + "-wal", overwrite: true);
        }

        V1ToV2Summary? first = null;
        string? failure = null;
        V1ToV2VerificationReport? verification = null;
        string? rerunFailure = null;
        V1ToV2VerificationReport? afterRerun = null;
        V1V2Answers? answers = null;
        try
        {
            first = await V1ToV2Migrator.MigrateAsync(copy, v2, new V1ToV2Options(), null, cancellationToken);
            verification = await V1ToV2Verifier.VerifyAsync(copy, v2, cancellationToken);
            try
            {
                await V1ToV2Migrator.MigrateAsync(copy, v2, new V1ToV2Options(), null, cancellationToken);
            }
            catch (V1ToV2MigrationException rerun)
            {
                rerunFailure = rerun.Message;
            }

            afterRerun = await V1ToV2Verifier.VerifyAsync(copy, v2, cancellationToken);

            answers = await V1V2AnswerComparison.CompareAsync(copy, v2, Path.Combine(folder, "v1-migrated-rows.db"), cancellationToken);
        }
        catch (V1ToV2MigrationException stopped)
        {
            failure = stopped.Message;
            first = stopped.Summary;
        }
        catch (SqliteException unreadable)
        {
            await error.WriteLineAsync($"rehearse: '{source}' cannot be read as a V1 database: SQLite error {unreadable.SqliteErrorCode}: {unreadable.Message}");
            return (Unreadable, new { database = new { path = source, bytes, sha256_before = before }, error = unreadable.Message });
        }

        var after = await SourceDigest.ComputeAsync(source, cancellationToken);
        var unchanged = string.Equals(before, after, StringComparison.Ordinal);
        var clean = failure is null && verification is { Clean: true } && rerunFailure is null && afterRerun is { Clean: true } && answers is { Agree: true } && unchanged;
        await error.WriteLineAsync(clean
            ? $"Rehearsal clean: {first!.MigratedRows} of {first.SourceRows} rows migrated, {first.RejectedRows} rejected with a reason; rerun and verify clean; {answers!.Statistics.ComparedReads} answers agree; {source} unchanged."
            : $"Rehearsal found problems (see the JSON): migration {failure ?? "ok"}; verify {(verification?.Clean == true ? "clean" : "NOT clean")}; rerun {rerunFailure ?? (afterRerun?.Clean == true ? "clean" : "NOT clean")}; {answers?.Mismatches.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} differing answers; source {(unchanged ? "unchanged" : "CHANGED")}.");
        var report = new
        {
            clean,
            database = new { path = source, bytes, sha256_before = before, sha256_after = after, unchanged },
            migration = new
            {
                failure,
                source_rows = first?.SourceRows,
                migrated_rows = first?.MigratedRows,
                rejected_rows = first?.RejectedRows,
                backup_verified = first?.BackupVerified,
            },
            verification = verification is null ? (JsonElement?)null : JsonDocument.Parse(verification.ToJson()).RootElement,
            rerun = new { failure = rerunFailure, verified_clean = afterRerun?.Clean },
            answers = answers is null ? null : new
            {
                projects = answers.Projects,
                users = answers.Users,
                rejected_projects_left_out = answers.RejectedProjects,
                compared = answers.Statistics.ComparedReads,
                mismatches = answers.Mismatches,
                first_mismatches = answers.Statistics.FirstMismatches,
                failures = answers.Failures,
            },
        };
        return (clean ? CliExitCodes.Success : Finding, report);
    }
}
