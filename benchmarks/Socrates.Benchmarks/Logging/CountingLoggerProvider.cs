using Microsoft.Extensions.Logging;

namespace Socrates.Benchmarks.Logging;

/// <summary>
/// A logging sink that formats every message (as a real provider must) and keeps only how many
/// characters it saw: the cost of logging without the cost of a console or a disk.
/// </summary>
public sealed class CountingLoggerProvider : ILoggerProvider
{
    private long _characters;

    /// <summary>Characters formatted so far.</summary>
    public long Characters => Interlocked.Read(ref _characters);

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this);

    public void Dispose()
    {
    }

    private sealed class CountingLogger(CountingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            Interlocked.Add(ref owner._characters, formatter(state, exception).Length);
        }
    }
}
