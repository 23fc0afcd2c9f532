using Socrates.Evidence;
using Socrates.Testing.Identity;
using Socrates.Testing.Metrics;

namespace Socrates.Testing.Rehearsal;

/// <summary>
/// The seam through which a migration test runs on the user's own V1 database instead of a
/// generated one (a rehearsal): <c>SOCRATES_V1_DATABASE</c> names the file, set by
/// <c>dotnet cake --target=Gates --v1-database=PATH</c>. The test works on a copy in its own
/// folder; the source is only read, and its SHA-256 is taken before the copy and again when the
/// test ends (<see cref="Finish"/>), both kept in a <see cref="RehearsalRecord"/> under the
/// artifacts root. While the copy is in use, every metric the test writes on this async flow
/// carries the source's SHA-256 (<see cref="CurrentDataset"/>), which is how the report tells a
/// gate measured on real data from one measured on generated data.
/// </summary>
/// <remarks>
/// Create it with a synchronous call from the test method itself: the dataset mark is an
/// <see cref="AsyncLocal{T}"/>, and a value set inside an awaited async helper would not flow back
/// to the test.
/// </remarks>
public sealed class RehearsalDatabase : IDisposable
{
    public const string EnvironmentVariable = "SOCRATES_V1_DATABASE";

    private static readonly AsyncLocal<string?> s_dataset = new();

    private readonly string _recordRoot;
    private RehearsalRecord? _record;

    private RehearsalDatabase(string source, string copy, long bytes, string sha256, string recordRoot)
    {
        Source = source;
        Copy = copy;
        Bytes = bytes;
        Sha256 = sha256;
        _recordRoot = recordRoot;
    }

    /// <summary>The user's file (absolute); never written.</summary>
    public string Source { get; }

    /// <summary>The copy the test works on.</summary>
    public string Copy { get; }

    /// <summary>The source's size in bytes when it was copied.</summary>
    public long Bytes { get; }

    /// <summary>The source's SHA-256 (lower-case hex) when it was copied.</summary>
    public string Sha256 { get; }

    /// <summary>The SHA-256 of the user's database the test on this flow works on; null for generated data.</summary>
    public static string? CurrentDataset => s_dataset.Value;

    /// <summary>The file <c>SOCRATES_V1_DATABASE</c> names, or null when the suites run on generated data.</summary>
    /// <exception cref="RehearsalSourceException">The variable names no readable file.</exception>
    public static string? Configured() => Resolve(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The full path of <paramref name="configured"/>; null when it is empty.</summary>
    /// <exception cref="RehearsalSourceException">It names no file.</exception>
    public static string? Resolve(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var full = Path.GetFullPath(configured);
        if (!File.Exists(full))
        {
            throw new RehearsalSourceException(full, "no such file");
        }

        return full;
    }

    /// <summary>
    /// Copies the configured database to <paramref name="destination"/> and marks this flow as
    /// rehearsing; null (nothing done) when no database is configured.
    /// </summary>
    public static RehearsalDatabase? CopyConfiguredTo(string destination) =>
        Configured() is { } source ? CopyTo(source, destination) : null;

    /// <summary>
    /// Copies <paramref name="source"/> (and its <c>-wal</c> file, if there is one) to
    /// <paramref name="destination"/>, takes its size and SHA-256, and marks this flow's metrics
    /// with that SHA-256. <paramref name="recordRoot"/> is the artifacts root the record goes to
    /// (default <see cref="ArtifactPaths.Root"/>).
    /// </summary>
    public static RehearsalDatabase CopyTo(string source, string destination, string? recordRoot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var full = Path.GetFullPath(source);
        string sha256;
        long bytes;
        try
        {
            (bytes, sha256) = FileFingerprint.Of(full);
            File.Copy(full, destination, overwrite: false);
            if (File.Exists(full + "-wal"))
            {
                // Committed pages not yet checkpointed live in the WAL: without it the copy is older than the source.
                File.Copy(full + "-wal", destination + "-wal", overwrite: false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RehearsalSourceException(full, ex.Message, ex);
        }

        s_dataset.Value = sha256;
        return new RehearsalDatabase(full, Path.GetFullPath(destination), bytes, sha256, recordRoot ?? ArtifactPaths.Root);
    }

    /// <summary>
    /// Takes the source's SHA-256 again, writes the record (once) and ends the mark on this flow.
    /// The caller asserts <see cref="RehearsalRecord.SourceUnchanged"/>.
    /// </summary>
    public RehearsalRecord Finish()
    {
        if (_record is not null)
        {
            return _record;
        }

        var after = File.Exists(Source) ? FileFingerprint.Of(Source).Sha256 : "missing";
        _record = new RehearsalRecord(Source, Bytes, Sha256, after, TestIdentity.Current, DateTimeOffset.UtcNow);
        var name = (TestIdentity.Current ?? "test").Split('.')[^1];
        _record.Write(_recordRoot, $"{name}-{Guid.NewGuid():N}");
        s_dataset.Value = null;
        return _record;
    }

    /// <summary>Records the use even when the test ended early.</summary>
    public void Dispose() => Finish();
}
