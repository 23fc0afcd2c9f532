using Socrates.BenchmarkAnalysis;
using Socrates.BenchmarkAnalysis.Paired;

return args switch
{
    [BenchmarkComparisonCommand.Name, .. var rest] => await BenchmarkComparisonCommand.RunAsync(rest),
    [BaselineCommand.Name, .. var rest] => await BaselineCommand.RunAsync(rest),
    [PairedComparisonCommand.Name, .. var rest] => await PairedComparisonCommand.RunAsync(rest),
    [PairedBaselineCommand.Name, .. var rest] => await PairedBaselineCommand.RunAsync(rest),
    ["--help" or "-h" or "help"] => Usage(Console.Out, 0),
    _ => Usage(Console.Error, AnalysisUsage.UsageExitCode),
};

static int Usage(TextWriter writer, int exitCode)
{
    writer.WriteLine(AnalysisUsage.Text);
    return exitCode;
}
