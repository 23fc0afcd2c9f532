namespace Socrates.Core.V1;

/// <summary>What went wrong in <see cref="LegacyStore"/>.</summary>
public enum LegacyStoreErrorCode
{
    /// <summary>A row's <c>data</c> blob does not unpickle (the inner exception says why) or is not a dict.</summary>
    CorruptBlob,

    /// <summary>The dict to save cannot be pickled (the inner <see cref="Pickle.PickleEncodingException"/> says where).</summary>
    UnpicklableData,

    /// <summary>SQLite refused the statement (the inner exception carries SQLite's error code).</summary>
    Database,
}
