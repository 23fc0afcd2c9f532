using Socrates.Core.Search;

namespace Socrates.Testing.Search;

/// <summary>One text of a set generated from a corpus: copy 0 is the entry itself, later copies a variant of it.</summary>
public sealed record CorpusVariant(KnowledgeEntry Source, int Copy, string Text)
{
    /// <summary>Unique in the set: the source's id and the copy number.</summary>
    public string Id => $"{Source.Id}#{Copy}";
}
