namespace Socrates.Core.Search;

/// <summary>
/// Two vectors from different embedder versions were about to be compared. Their dot product
/// would be a number, but a meaningless one, so this is always an error, never a silent result.
/// </summary>
public sealed class EmbedderVersionMismatchException(string expectedVersion, string actualVersion, string context)
    : Exception($"Embedder version mismatch in {context}: the index holds vectors of '{expectedVersion}' but was given '{actualVersion}'. Re-embed the entries (rebuild) before searching with the new embedder.")
{
    public const string ErrorCode = "SEARCH_EMBEDDER_VERSION_MISMATCH";

    public string Code { get; } = ErrorCode;

    public string ExpectedVersion { get; } = expectedVersion;

    public string ActualVersion { get; } = actualVersion;

    public string Context { get; } = context;

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/> (ordinal).</summary>
    public static void ThrowIfDifferent(string expected, string actual, string context)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new EmbedderVersionMismatchException(expected, actual, context);
        }
    }
}
