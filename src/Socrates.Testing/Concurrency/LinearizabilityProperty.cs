using FsCheck;
using FsCheck.Fluent;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Properties;

namespace Socrates.Testing.Concurrency;

/// <summary>
/// The property "every generated program's history is linearizable", run through
/// <see cref="PropertyRunner"/> (seed printed, <c>SOCRATES_PBT_REPLAY</c> honoured). A failing
/// program is shrunk by <see cref="ProgramShrinker"/> and the failure message carries the minimal
/// program and its timeline. Everything seen is added to the tally, also on failure.
/// </summary>
public static class LinearizabilityProperty
{
    /// <summary>Checks <paramref name="programs"/>; returns the failure (or null) after filling <paramref name="tally"/>.</summary>
    public static PropertyFailedException? Check(
        string name,
        Gen<ConcurrentProgram> programs,
        ConcurrencyTally tally,
        int? maxTest = null,
        ProgramRunOptions? runOptions = null,
        ShrinkOptions? shrinkOptions = null)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var property = Prop.ForAll(Arb.From(programs), async program =>
        {
            var result = await DatabaseProgramRunner.RunAsync(program, runOptions).ConfigureAwait(false);
            tally.Add(result);
            if (result.Outcome == CheckOutcome.Linearizable && result.UnexpectedErrors.Count == 0)
            {
                return;
            }

            if (result.Outcome != CheckOutcome.NotLinearizable)
            {
                throw new ConcurrencyViolationException($"Verdict {result.Outcome}, {result.UnexpectedErrors.Count} unexpected errors for:{Environment.NewLine}{program}{result.Render()}");
            }

            var shrunk = await ProgramShrinker.ShrinkAsync(program, result, runOptions, shrinkOptions).ConfigureAwait(false);
            var report = shrunk.Report();
            tally.FirstReport ??= report;
            throw new ConcurrencyViolationException(report);
        });

        try
        {
            PropertyRunner.Check(name, property, maxTest);
            return null;
        }
        catch (PropertyFailedException failure)
        {
            return failure;
        }
    }
}
