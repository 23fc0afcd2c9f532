namespace Socrates.Testing.Search;

/// <summary>One point of the recall/speed trade-off: mean recall@k, throughput and the share of rows scored.</summary>
public sealed record ProbesSweepPoint(int Probes, double Recall, double Qps, double ScannedFraction, bool IsDefault);
