using Socrates.Core.Search;
using Socrates.Core.Search.Golden;

namespace Socrates.Accuracy.Tests.Search;

/// <summary>The golden dataset, its vectors and the committed expectations, loaded once per test run.</summary>
internal sealed class GoldenData
{
    private static readonly AsyncOnce<GoldenData> s_instance = new(LoadAsync);

    private GoldenData(GoldenDataset dataset, IReadOnlyList<VectorRecord> vectors, GoldenExpectations expected)
    {
        Dataset = dataset;
        Vectors = vectors;
        Expected = expected;
        ExpectedById = expected.Queries.ToDictionary(q => q.QueryId, StringComparer.Ordinal);
        QueryVectors = dataset.Queries.Select(q => dataset.Embedder.Embed(q.Text)).ToArray();
    }

    public GoldenDataset Dataset { get; }

    public IReadOnlyList<VectorRecord> Vectors { get; }

    public GoldenExpectations Expected { get; }

    public IReadOnlyDictionary<string, GoldenExpectation> ExpectedById { get; }

    public float[][] QueryVectors { get; }

    public string Version => Dataset.Embedder.Version;

    public static Task<GoldenData> GetAsync() => s_instance.GetAsync();

    private static async Task<GoldenData> LoadAsync()
    {
        var dataset = await GoldenDataset.LoadAsync(GoldenDataset.FindDirectory(), CancellationToken.None);
        var expected = await GoldenExpectations.ReadAsync(dataset.ExpectedPath, CancellationToken.None);
        return new GoldenData(dataset, dataset.EmbedAll(), expected);
    }
}
