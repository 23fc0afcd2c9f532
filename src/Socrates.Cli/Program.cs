using System.Runtime.InteropServices;
using Socrates.Cli;

// Ctrl-C (SIGINT) and SIGTERM ask the running command to stop at its next safe point (a migration:
// the next batch boundary); a second signal ends the process at once.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);
return await CliApp.RunAsync(args, Console.Out, Console.Error, stop.Token);

void RequestStop(PosixSignalContext context)
{
    if (stop.IsCancellationRequested)
    {
        return;
    }

    context.Cancel = true;
    Console.Error.WriteLine($"{context.Signal} received: stopping at the next safe point (send it again to stop at once).");
    stop.Cancel();
}
