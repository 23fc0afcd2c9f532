using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Socrates.Benchmarks.Harness;
using Socrates.Core.Failpoints;

namespace Socrates.Benchmarks.Sqlite;

/// <summary>
/// The floor of a point load: one row fetched by primary key from a WAL-mode SQLite database of
/// <see cref="Rows"/> rows, against the same row found by a full table scan (a predicate on an
/// unindexed column; the V1 store's "read every row" habit, minus the unpickling). Both return
/// the same single row through a prepared, parameterized command on one open connection, so the
/// difference is the B-tree seek against the scan. The V2 point load will be compared to
/// <see cref="PrimaryKeySelect"/>: it cannot be faster than this, and should not be much slower.
/// </summary>
public class SqliteFloorBenchmarks
{
    /// <summary>Failpoint (read from SOCRATES_FAILPOINTS): the primary-key seek no longer uses the index.</summary>
    public const string NoIndexFailpoint = HarnessFailpoints.SqliteNoIndex;

    private const int BlobBytes = 512;

    private string _directory = string.Empty;
    private SqliteConnection? _connection;
    private SqliteCommand? _byKey;
    private SqliteCommand? _byScan;
    private int _next;

    [Params(1000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "socrates-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_directory, "floor.db"),
            Pooling = false,
        };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL;");
        Execute("PRAGMA synchronous = NORMAL;");
        Execute("CREATE TABLE items (id TEXT PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL);");

        using (var transaction = _connection.BeginTransaction())
        using (var insert = _connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO items (id, name, data) VALUES ($id, $name, $data);";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            var data = insert.Parameters.Add("$data", SqliteType.Blob);
            var random = new Random(20_240_601);
            for (var i = 0; i < Rows; i++)
            {
                var blob = new byte[BlobBytes];
                random.NextBytes(blob);
                id.Value = Key(i);
                name.Value = "name-" + Key(i);
                data.Value = blob;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        // Canary: with bench.sqlite.no-index the seek's predicate becomes "+id = $key"; SQLite's
        // unary plus keeps the same rows but stops the planner from using the primary-key index,
        // which is exactly the defect the speed-up gate exists to catch.
        _byKey = Prepare(Failpoint.IsActive(NoIndexFailpoint)
            ? "SELECT id, data FROM items WHERE +id = $key;"
            : "SELECT id, data FROM items WHERE id = $key;");
        _byScan = Prepare("SELECT id, data FROM items WHERE name = $key;");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _byKey?.Dispose();
        _byScan?.Dispose();
        _connection?.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The "before": a full scan of the table to find one row.</summary>
    [Benchmark(Baseline = true)]
    public int FullScanSelect() => ReadOne(_byScan!, "name-" + Key(NextIndex()));

    /// <summary>The "after" floor: a primary-key seek.</summary>
    [Benchmark]
    public int PrimaryKeySelect() => ReadOne(_byKey!, Key(NextIndex()));

    /// <summary>The calibration workload measured next to the seeks, for the regression check's normalisation.</summary>
    [Benchmark]
    public ulong Reference() => Socrates.Benchmarks.Reference.FixedWorkload.Run(2);

    private static string Key(int i) => "row-" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static int ReadOne(SqliteCommand command, string key)
    {
        command.Parameters["$key"].Value = key;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"Row '{key}' is missing from the benchmark table.");
        }

        var length = (int)reader.GetBytes(1, 0, null, 0, 0);
        return reader.GetString(0).Length + length;
    }

    // Visits the rows in a fixed, scattered order (7919 is prime, so every row is visited).
    private int NextIndex()
    {
        _next = (_next + 7919) % Rows;
        return _next;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$key", SqliteType.Text);
        command.Prepare();
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
