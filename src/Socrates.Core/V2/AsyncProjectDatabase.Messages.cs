using Socrates.Core.Domain;
using Socrates.Core.Failpoints;
using Socrates.Core.V2.Rows;

namespace Socrates.Core.V2;

public sealed partial class AsyncProjectDatabase
{
    /// <summary>
    /// Appends one message at the end of a project's conversation and bumps the project's
    /// version (so a concurrent full save based on the older version conflicts instead of
    /// erasing the message). Returns the message's position, or null when the project is absent.
    /// </summary>
    public async Task<long?> AppendMessageAsync(string projectId, ConversationMessage message, CancellationToken cancellationToken = default)
    {
        var position = await RunAsync(projectId, (c, token) => AppendMessage(c, projectId, message, token), cancellationToken,
            () => ValidateAppend(nameof(AppendMessageAsync), projectId, message)).ConfigureAwait(false);
        if (position is not null)
        {
            OnSaved(nameof(AppendMessageAsync), "message", projectId);
        }

        return position;
    }

    /// <summary>The app's name for <see cref="AppendMessageAsync"/> (same behaviour, monitored separately).</summary>
    public async Task<long?> AddMessageToProjectAsync(string projectId, ConversationMessage message, CancellationToken cancellationToken = default)
    {
        var position = await RunAsync(projectId, (c, token) => AppendMessage(c, projectId, message, token), cancellationToken,
            () => ValidateAppend(nameof(AddMessageToProjectAsync), projectId, message)).ConfigureAwait(false);
        if (position is not null)
        {
            OnSaved(nameof(AddMessageToProjectAsync), "message", projectId);
        }

        return position;
    }

    /// <summary>
    /// A page of a project's messages in conversation order, starting at position
    /// <paramref name="offset"/> (0-based), at most <paramref name="limit"/>; empty past the end
    /// or when the project is absent.
    /// </summary>
    public Task<List<ConversationMessage>> GetProjectMessagesAsync(string projectId, int offset, int limit, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, _) =>
            ReadMessages(c.Command(MessageSql.Page).With("$id", projectId).With("$offset", (long)offset).With("$limit", (long)limit)),
            cancellationToken, () =>
            {
                _validate.Identifier(nameof(GetProjectMessagesAsync), "project_id", projectId);
                _validate.Page(nameof(GetProjectMessagesAsync), projectId, offset, limit);
            });

    /// <summary>How many messages the project has (0 when absent).</summary>
    public Task<long> CountProjectMessagesAsync(string projectId, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, _) => (long)c.Command(MessageSql.Count).With("$id", projectId).ExecuteScalar()!,
            cancellationToken, () => _validate.Identifier(nameof(CountProjectMessagesAsync), "project_id", projectId));

    private void ValidateAppend(string operation, string projectId, ConversationMessage message)
    {
        _validate.Identifier(operation, "project_id", projectId);
        _validate.Message(operation, projectId, "message", message);
        _validate.Json(operation, projectId, "message.extras", message.Extras);
    }

    private static long? AppendMessage(Pooling.PooledConnection c, string projectId, ConversationMessage message, CancellationToken token) =>
        InWriteTransaction(c, token, tx =>
        {
            if (c.Command(ProjectSql.BumpVersion, tx).With("$id", projectId).ExecuteNonQuery() == 0)
            {
                tx.Rollback();
                return (long?)null;
            }

            var position = (long)c.Command(MessageSql.NextPosition, tx).With("$id", projectId).ExecuteScalar()!;
            var insert = c.Command(MessageSql.Insert, tx);
            ProjectRows.BindMessage(insert, projectId, position, message);
            insert.ExecuteNonQuery();
            if (Failpoint.IsActive(V2Failpoints.AppendTwice))
            {
                // Canary: the insert is repeated after it succeeded, so the message is stored twice.
                var again = c.Command(MessageSql.Insert, tx);
                ProjectRows.BindMessage(again, projectId, position + 1, message);
                again.ExecuteNonQuery();
            }

            return position;
        });
}
