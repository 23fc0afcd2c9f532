using Socrates.Gates.Cli;

return new GateCli(Console.Out, Console.Error, TimeProvider.System).Run(args);
