using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Socrates.Core.V2.Rows;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// The reference workload: V2's own project load statement on bare Microsoft.Data.Sqlite
/// connections, one per reader, opened once, the command prepared once; no pool, no timeout, no
/// monitor. What one and N of these achieve in the same moment is what SQLite and this machine
/// give readers in parallel right now (memory bandwidth, SQLite's own locks, the cores another
/// process leaves free), the ceiling against which V2's scaling is judged.
/// </summary>
internal sealed class ReaderScalingBaseline : IDisposable
{
    private readonly ConcurrentBag<Reader> _readers = [];
    private readonly string _connectionString;
    private readonly string[] _projectIds;

    public ReaderScalingBaseline(string path, string[] projectIds)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _projectIds = projectIds;
    }

    /// <summary>Loads projects until <paramref name="clock"/> says stop, on a connection of its own; returns the loads.</summary>
    public Task<long> LoopAsync(ReaderLoopClock clock) => Task.FromResult(Loop(clock));

    public void Dispose()
    {
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    // Synchronous on purpose: Microsoft.Data.Sqlite's async methods complete synchronously anyway.
    private long Loop(ReaderLoopClock clock)
    {
        if (!_readers.TryTake(out var reader))
        {
            reader = new Reader(_connectionString);
        }

        try
        {
            long reads = 0;
            while (clock.Continue())
            {
                reader.Id.Value = _projectIds[Random.Shared.Next(_projectIds.Length)];
                using var rows = reader.Command.ExecuteReader();
                if (!rows.Read())
                {
                    throw new InvalidOperationException("a seeded project vanished");
                }

                for (var i = 0; i < rows.FieldCount; i++)
                {
                    _ = rows.IsDBNull(i) ? null : rows.GetValue(i); // every column materialised, as V2 maps them
                }

                reads++;
            }

            return reads;
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;

        public Reader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            Command = _connection.CreateCommand();
            Command.CommandText = ProjectSql.LoadOne;
            Id = Command.Parameters.Add("$id", SqliteType.Text);
            Command.Prepare();
        }

        public SqliteCommand Command { get; }

        public SqliteParameter Id { get; }

        public void Dispose()
        {
            Command.Dispose();
            _connection.Dispose();
        }
    }
}
