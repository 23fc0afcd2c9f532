namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// An operation on one document. <see cref="ExpectedVersion"/> is the optimistic-concurrency
/// guard: null saves or deletes unconditionally, 0 means "must not exist yet" (create), n means
/// "only if the stored version is n".
/// </summary>
public sealed record DocumentInput(DocumentOperationKind Kind, string DocumentId, long? ExpectedVersion = null, string? Value = null)
{
    public static DocumentInput Save(string documentId, long? expectedVersion, string value) =>
        new(DocumentOperationKind.Save, documentId, expectedVersion, value);

    public static DocumentInput Load(string documentId) => new(DocumentOperationKind.Load, documentId);

    public static DocumentInput Delete(string documentId, long? expectedVersion = null) =>
        new(DocumentOperationKind.Delete, documentId, expectedVersion);
}
