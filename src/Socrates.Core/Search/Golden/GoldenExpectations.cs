using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Socrates.Core.Search.Golden;

/// <summary>
/// The committed expectations: a header line (embedder name and version, k, corpus size) then
/// one line per query, in query order, scores rounded to 6 decimals. One query per line keeps
/// a regeneration's diff readable.
/// </summary>
public sealed record GoldenExpectations(string Embedder, string EmbedderVersion, int K, int CorpusCount, IReadOnlyList<GoldenExpectation> Queries)
{
    /// <summary>Scores within this of each other are equal (SIMD width changes the float sum order).</summary>
    public const float ScoreTolerance = 1e-5f;

    public string Serialize()
    {
        var text = new StringBuilder();
        using (var buffer = new MemoryStream())
        {
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("embedder", Embedder);
                w.WriteString("embedderVersion", EmbedderVersion);
                w.WriteNumber("k", K);
                w.WriteNumber("corpus", CorpusCount);
                w.WriteNumber("queries", Queries.Count);
                w.WriteEndObject();
            }

            text.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append('\n');
        }

        foreach (var q in Queries)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("query", q.QueryId);
                w.WriteStartArray("hits");
                foreach (var hit in q.Hits)
                {
                    w.WriteStartObject();
                    w.WriteString("id", hit.Id);
                    w.WriteNumber("score", Math.Round((double)hit.Score, 6));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            text.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append('\n');
        }

        return text.ToString();
    }

    public static async Task<GoldenExpectations> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        if (lines.Length == 0)
        {
            throw new GoldenDataFormatException(path, 1, "empty file: no header");
        }

        try
        {
            using var header = JsonDocument.Parse(lines[0]);
            var h = header.RootElement;
            var queries = new List<GoldenExpectation>();
            for (var i = 1; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(lines[i]);
                var hits = doc.RootElement.GetProperty("hits").EnumerateArray()
                    .Select(x => new SearchHit(x.GetProperty("id").GetString()!, x.GetProperty("score").GetSingle()))
                    .ToList();
                queries.Add(new GoldenExpectation(doc.RootElement.GetProperty("query").GetString()!, hits));
            }

            return new GoldenExpectations(h.GetProperty("embedder").GetString()!, h.GetProperty("embedderVersion").GetString()!,
                h.GetProperty("k").GetInt32(), h.GetProperty("corpus").GetInt32(), queries);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new GoldenDataFormatException(path, 0, "malformed expectations: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Queries whose results differ from <paramref name="actual"/>'s: a different count, a score
    /// off by more than <see cref="ScoreTolerance"/> at some rank, or a different id anywhere
    /// except among the hits tied (within tolerance) with the last one, whose order and
    /// membership are a float rounding matter.
    /// </summary>
    public IReadOnlyList<string> Differences(GoldenExpectations actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var diffs = new List<string>();
        if (!string.Equals(EmbedderVersion, actual.EmbedderVersion, StringComparison.Ordinal))
        {
            diffs.Add($"embedder version: expected {EmbedderVersion}, got {actual.EmbedderVersion}");
        }

        var byId = actual.Queries.ToDictionary(q => q.QueryId, StringComparer.Ordinal);
        foreach (var expected in Queries)
        {
            if (!byId.Remove(expected.QueryId, out var got))
            {
                diffs.Add($"{expected.QueryId}: missing");
                continue;
            }

            var problem = Compare(expected.Hits, got.Hits);
            if (problem is not null)
            {
                diffs.Add($"{expected.QueryId}: {problem}");
            }
        }

        diffs.AddRange(byId.Keys.Order(StringComparer.Ordinal).Select(id => $"{id}: not expected"));
        return diffs;
    }

    private static string? Compare(IReadOnlyList<SearchHit> expected, IReadOnlyList<SearchHit> actual)
    {
        if (expected.Count != actual.Count)
        {
            return $"{actual.Count} hits, expected {expected.Count}";
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (Math.Abs(expected[i].Score - actual[i].Score) > ScoreTolerance)
            {
                return string.Create(CultureInfo.InvariantCulture, $"rank {i + 1} score {actual[i].Score:F6}, expected {expected[i].Score:F6}");
            }
        }

        if (expected.Count == 0)
        {
            return null;
        }

        var tieBand = expected[^1].Score + ScoreTolerance;
        var expectedIds = expected.Where(h => h.Score > tieBand).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var actualIds = actual.Where(h => h.Score > tieBand).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        return expectedIds.SetEquals(actualIds) ? null : $"ids differ: expected [{string.Join(' ', expected.Select(h => h.Id))}], got [{string.Join(' ', actual.Select(h => h.Id))}]";
    }
}
