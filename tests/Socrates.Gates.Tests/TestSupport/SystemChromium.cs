using Microsoft.Playwright;

namespace Socrates.Gates.Tests.TestSupport;

/// <summary>
/// The machine's own Chromium, driven by Playwright (which may not download a browser here).
/// <c>SOCRATES_CHROMIUM</c> names another binary (a Chrome on a laptop, say); the default is
/// Debian's <c>/usr/bin/chromium</c>.
/// </summary>
internal static class SystemChromium
{
    public const string PathVariable = "SOCRATES_CHROMIUM";

    public const string DefaultPath = "/usr/bin/chromium";

    public const string InstallCommand = "sudo apt-get install -y chromium";

    /// <summary>The binary to launch.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultPath;

    /// <summary>Why a browser test cannot run here, or null when the binary is present.</summary>
    public static string? Missing => File.Exists(ExecutablePath)
        ? null
        : $"Chromium not found at {ExecutablePath}: install it with `{InstallCommand}` or set {PathVariable} to a Chromium or Chrome binary.";

    /// <summary>
    /// True under CI (the conventional <c>CI</c> variable, which <c>.ci/run</c> sets): there a
    /// missing browser fails the test instead of skipping it, so no pipeline passes without it.
    /// </summary>
    public static bool Required =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    /// <summary>
    /// Headless and closed off: no sandbox (root in containers), no GPU, and none of Chromium's
    /// own background connections, which this machine's closed network refuses. Playwright gives
    /// every launch a fresh temporary profile (<c>--user-data-dir</c>).
    /// </summary>
    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        ChromiumSandbox = false,
        Args =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
    };
}
