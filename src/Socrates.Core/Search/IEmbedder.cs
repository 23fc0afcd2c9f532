namespace Socrates.Core.Search;

/// <summary>
/// Turns text into a fixed-size, L2-normalised vector. <see cref="Version"/> identifies the exact
/// function (algorithm and fitted state): two vectors are comparable only when their versions are
/// equal, so the version is stored with every vector and is part of every cache key.
/// </summary>
public interface IEmbedder
{
    /// <summary>Stable family name, e.g. <c>hashing-tfidf</c>.</summary>
    string Name { get; }

    /// <summary>Identifies the function exactly; changes whenever any output could change.</summary>
    string Version { get; }

    /// <summary>Length of every vector <see cref="Embed"/> returns.</summary>
    int Dimensions { get; }

    /// <summary>The unit-length embedding of <paramref name="text"/> (all zeros for text with no features).</summary>
    float[] Embed(string text);
}
