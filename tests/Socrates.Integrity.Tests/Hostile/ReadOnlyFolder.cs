using System.Diagnostics;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// A folder nothing can be written into, for the refusal tests. Owner permissions do it for a
/// normal user; root ignores them, so as root the folder is bind-mounted onto itself read-only
/// (writes then fail with EROFS, as on a read-only volume) and unmounted on dispose. Where
/// neither works (root without the right to mount), <see cref="Create"/> returns null with the
/// reason, and the test is skipped saying so.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly bool _mounted;

    private ReadOnlyFolder(string path, bool mounted)
    {
        Path = path;
        _mounted = mounted;
    }

    public string Path { get; }

    public static ReadOnlyFolder? Create(string path, out string? reason)
    {
        reason = null;
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        if (!CanWrite(path))
        {
            return new ReadOnlyFolder(path, mounted: false);
        }

        if (Run("mount", "--bind", path, path) && Run("mount", "-o", "remount,ro,bind", path))
        {
            if (!CanWrite(path))
            {
                return new ReadOnlyFolder(path, mounted: true);
            }

            Run("umount", path);
        }

        reason = $"cannot make {path} read-only: permissions do not bind this user (root) and a read-only bind mount was refused";
        return null;
    }

    public void Dispose()
    {
        if (_mounted)
        {
            Run("umount", Path);
        }

        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static bool CanWrite(string folder)
    {
        var probe = System.IO.Path.Combine(folder, "probe");
        try
        {
            File.WriteAllText(probe, "x");
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static bool Run(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
