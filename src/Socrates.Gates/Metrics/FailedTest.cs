namespace Socrates.Gates.Metrics;

/// <summary>
/// One test that did not pass, as its result file names it: the reader of a NO-GO report needs
/// the name and the first line of the message, not just a count.
/// </summary>
internal sealed record FailedTest(string Name, string Outcome, string? Message);
