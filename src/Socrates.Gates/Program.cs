using Socrates.Gates.Benchmarks;
using Socrates.Gates.Benchmarks.Paired;
using Socrates.Gates.Cli;

// bench-compare and baseline turn BenchmarkDotNet results into metric files (and a stored
// baseline); every other command is the gate engine's.
return args.Length > 0 && args[0] == "bench-compare" ? await BenchmarkComparisonCommand.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "baseline" ? await BaselineCommand.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "paired-compare" ? await PairedComparisonCommand.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "paired-baseline" ? await PairedBaselineCommand.RunAsync(args[1..])
    : new GateCli(Console.Out, Console.Error, TimeProvider.System).Run(args);
