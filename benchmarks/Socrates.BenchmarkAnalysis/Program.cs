using Socrates.BenchmarkAnalysis;

return AnalysisCli.Run(args, Console.Out, Console.Error, DateTimeOffset.UtcNow);
