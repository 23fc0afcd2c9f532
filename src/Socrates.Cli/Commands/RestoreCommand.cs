using System.CommandLine;
using Socrates.Core.Migration.Restore;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates restore --backup V1.backup-....db [--to v1.db] [--force]</c>: brings the V1 database
/// back from a backup the migration verified, byte for byte (see <see cref="DatabaseRestore"/>).
/// Prints the JSON result on stdout and one line for a person on stderr.
/// Exit 0 when restored (or the destination already holds the backed-up source),
/// <see cref="BackupUnverified"/> when the backup does not verify, <see cref="DestinationDiffers"/>
/// when the destination changed since the backup and <c>--force</c> was not given,
/// <see cref="DestinationUnwritable"/> when its folder cannot take the file,
/// <see cref="CliExitCodes.Usage"/> for a bad command line (a backup file that does not exist).
/// </summary>
public static class RestoreCommand
{
    public const int BackupUnverified = 1;

    public const int DestinationDiffers = 2;

    public const int DestinationUnwritable = 4;

    public static Command Create()
    {
        var backup = new Option<string>("--backup") { Description = "The backup file a migration made (its .manifest.json must sit beside it).", Required = true }.ExistingFile();
        var to = new Option<string?>("--to") { Description = "Where to restore to (default: the source path the manifest recorded)." };
        var force = new Option<bool>("--force") { Description = "Replace a destination that changed since the backup; it is kept as <name>.replaced-<time>." };
        var command = new Command("restore", "Bring a V1 database back from a verified backup (checksums compared; written beside it, checked, then renamed into place).")
        {
            backup, to, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var result = await DatabaseRestore.RestoreAsync(parse.GetValue(backup)!, new RestoreOptions
                {
                    Destination = parse.GetValue(to),
                    Force = parse.GetValue(force),
                }, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync(result.ToJson());
                await error.WriteLineAsync(result.Describe());
                return CliExitCodes.Success;
            }
            catch (RestoreException refused)
            {
                await error.WriteLineAsync($"restore refused ({refused.Code}): {refused.Message}");
                return refused.Code switch
                {
                    RestoreErrorCode.DestinationDiffers => DestinationDiffers,
                    RestoreErrorCode.DestinationUnwritable => DestinationUnwritable,
                    _ => BackupUnverified,
                };
            }
        });
        return command;
    }
}
