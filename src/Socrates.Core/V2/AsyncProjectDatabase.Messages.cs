using Socrates.Core.Domain;
using Socrates.Core.V2.Rows;
using Socrates.Core.V2.Store;

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
            ProjectStore.ReadMessages(c.Command(MessageSql.Page).With("$id", projectId).With("$offset", (long)offset).With("$limit", (long)limit)),
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

    private long? AppendMessage(Pooling.PooledConnection c, string projectId, ConversationMessage message, CancellationToken token) =>
        InWriteTransaction(c, token, tx => _store.Append(c, tx, projectId, message));
}
