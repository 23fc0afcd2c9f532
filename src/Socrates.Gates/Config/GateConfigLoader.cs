using System.Text.Json;

namespace Socrates.Gates.Config;

/// <summary>
/// Reads <c>gates.json</c> and validates it completely: every problem is collected, then all are
/// thrown together in one <see cref="GateConfigException"/>. A gate without a canary is legal
/// but reported by <see cref="Warnings"/>.
/// </summary>
internal static class GateConfigLoader
{
    private static readonly JsonDocumentOptions s_documentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    /// <summary>Loads and validates the gates file at <paramref name="path"/>.</summary>
    /// <exception cref="GateConfigException">The file is unreadable, malformed or invalid.</exception>
    public static GateConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GateConfigException(new GateConfigProblem(path, null, null, $"cannot read the file: {ex.Message}"), ex);
        }

        return Parse(json, path);
    }

    /// <summary>Parses and validates gates-file text; <paramref name="file"/> names it in messages.</summary>
    /// <exception cref="GateConfigException">The text is malformed or invalid.</exception>
    public static GateConfig Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, s_documentOptions);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            throw new GateConfigException(
                new GateConfigProblem(file, null, null, $"malformed JSON at line {line}, position {position}: {ex.Message}"), ex);
        }

        using (document)
        {
            var reader = new GateConfigReader(file);
            var config = reader.ReadRoot(document.RootElement);
            if (reader.Problems.Count > 0 || config is null)
            {
                throw new GateConfigException(reader.Problems);
            }

            return config;
        }
    }

    /// <summary>
    /// What is legal but not yet right: a gate that names no canary cannot prove it can fail.
    /// </summary>
    public static IReadOnlyList<GateConfigProblem> Warnings(GateConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return
        [
            .. config.Gates
                .Where(g => g.Canary is null)
                .Select(g => new GateConfigProblem(
                    config.File, g.Id, "canary", "no canary: nothing proves this gate can fail (every gate must eventually name one)")),
        ];
    }
}
