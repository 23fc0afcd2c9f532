namespace Socrates.Core.Search;

/// <summary>
/// The default probes a calibration chose, the recall@10 it measured there, and on which and how
/// many queries: a recall promise is only as good as the queries that made it.
/// </summary>
public sealed record ProbeCalibrationResult(int Probes, double Recall, CalibrationSource Source, int Queries);
