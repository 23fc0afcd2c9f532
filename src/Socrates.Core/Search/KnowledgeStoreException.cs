namespace Socrates.Core.Search;

/// <summary>A knowledge store operation failed; <see cref="Code"/> says how, <see cref="EntryId"/> on what.</summary>
public sealed class KnowledgeStoreException(string code, string message, string? entryId, Exception? inner = null)
    : Exception(message, inner)
{
    public const string CorruptEmbedding = "SEARCH_STORE_CORRUPT_EMBEDDING";
    public const string InvalidRow = "SEARCH_STORE_INVALID_ROW";

    public string Code { get; } = code;

    public string? EntryId { get; } = entryId;
}
