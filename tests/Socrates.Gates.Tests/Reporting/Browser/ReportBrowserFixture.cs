using Microsoft.Playwright;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting.Browser;

/// <summary>
/// One generated report and one headless Chromium for every test of the class (a browser start
/// costs more than all the checks); each test opens its own page. Without Chromium there is no
/// browser and <see cref="Missing"/> says why.
/// </summary>
public sealed class ReportBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    internal GeneratedReport Report { get; } = new();

    internal IBrowser? Browser { get; private set; }

    internal string? Missing { get; } = SystemChromium.Missing;

    /// <summary>Screenshots, kept with the run's evidence.</summary>
    internal string Screenshots { get; } = EvidenceFolder.Create("unit", "report-browser");

    public async Task InitializeAsync()
    {
        if (Missing is not null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(SystemChromium.LaunchOptions);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Report.Dispose();
    }
}
