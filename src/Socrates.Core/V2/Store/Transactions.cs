using Microsoft.Data.Sqlite;
using Socrates.Core.V2.Pooling;

namespace Socrates.Core.V2.Store;

/// <summary>The two transaction shapes of the V2 database's work.</summary>
internal static class Transactions
{
#pragma warning disable CA1068 // the work lambda reads best last at every call site
    /// <summary>Runs <paramref name="work"/> in a BEGIN IMMEDIATE transaction: committed whole or rolled back.</summary>
    public static T Write<T>(PooledConnection connection, CancellationToken token, Func<SqliteTransaction, T> work)
    {
        token.ThrowIfCancellationRequested();
        using var transaction = connection.Connection.BeginTransaction(deferred: false);
        var result = work(transaction);
        token.ThrowIfCancellationRequested();
        if (transaction.Connection is not null)
        {
            transaction.Commit();
        }

        return result;
    }

    /// <summary>Runs reads in one deferred transaction: a consistent WAL snapshot across statements.</summary>
    public static T Read<T>(PooledConnection connection, CancellationToken token, Func<SqliteTransaction, T> work)
    {
        token.ThrowIfCancellationRequested();
        using var transaction = connection.Connection.BeginTransaction(deferred: true);
        var result = work(transaction);
        transaction.Commit();
        return result;
    }
#pragma warning restore CA1068
}
