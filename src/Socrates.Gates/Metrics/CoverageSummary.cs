namespace Socrates.Gates.Metrics;

/// <summary>Code coverage in percent (0..100); a figure the report did not give is null.</summary>
internal sealed record CoverageSummary(double? Line, double? Branch, double? Method, string Source, string? HtmlReport);
