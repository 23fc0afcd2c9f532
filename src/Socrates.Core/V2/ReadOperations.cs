namespace Socrates.Core.V2;

/// <summary>
/// Which public operations are reads, by the API's naming conventions (Load, Get, Count, Exists,
/// Has): the canaries that treat reads apart from writes agree on one definition.
/// </summary>
internal static class ReadOperations
{
    private static readonly string[] s_readPrefixes = ["Load", "Get", "Count", "Exists", "Has"];

    public static bool IsRead(string operation) =>
        Array.Exists(s_readPrefixes, p => operation.StartsWith(p, StringComparison.Ordinal));
}
