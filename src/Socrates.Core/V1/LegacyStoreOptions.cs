using Socrates.Core.Pickle;

namespace Socrates.Core.V1;

/// <summary>How <see cref="LegacyStore"/> reaches the V1 database and writes its blobs.</summary>
public sealed record LegacyStoreOptions
{
    /// <summary>A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=socrates.db</c>.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Per-command timeout (SQLite busy wait included). Default 30 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pickle protocol for saved blobs (Python 3.8+ writes 4 by default).</summary>
    public int PickleProtocol { get; init; } = PickleEncoder.DefaultProtocol;

    /// <summary>Limits applied when blobs are unpickled.</summary>
    public PickleDecoderOptions DecoderOptions { get; init; } = PickleDecoderOptions.Default;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public LegacyStoreOptions Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString, nameof(ConnectionString));
        if (CommandTimeout < TimeSpan.FromSeconds(1) || CommandTimeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(CommandTimeout), CommandTimeout, "CommandTimeout must be between 1 s and 1 h.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(PickleProtocol, PickleEncoder.MinProtocol, nameof(PickleProtocol));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PickleProtocol, PickleEncoder.MaxProtocol, nameof(PickleProtocol));
        ArgumentNullException.ThrowIfNull(DecoderOptions, nameof(DecoderOptions));
        DecoderOptions.Validate();
        return this;
    }
}
