using System.Text.Json;
using Socrates.Core.Pickle;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.Pickle;

/// <summary>The files <c>fixtures/v1/generate_fixtures.py</c> wrote with CPython.</summary>
internal static class V1FixtureFiles
{
    public static readonly int[] Protocols = [2, 3, 4, 5];

    public static string Root { get; } = Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "v1");

    public static string PicklePath(string entity, int protocol) => Path.Combine(Root, "pickles", $"{entity}.p{protocol}.pickle");

    public static string ExpectedPath(string entity) => Path.Combine(Root, "expected", entity + ".json");

    public static string SampleDatabase => Path.Combine(Root, "sample-v1.db");

    /// <summary>Every entity with an expected JSON file (the 8 blob kinds, their variants, edge values).</summary>
    public static IReadOnlyList<string> Entities() =>
        Directory.GetFiles(Path.Combine(Root, "expected"), "*.json")
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static object? Expected(string entity) => PyTaggedJson.Parse(File.ReadAllText(ExpectedPath(entity)));

    public static byte[] Pickle(string entity, int protocol) => File.ReadAllBytes(PicklePath(entity, protocol));

    public static IReadOnlyList<HostileCase> HostileCases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "hostile", "expected.json")));
        return document.RootElement.EnumerateArray()
            .Select(e => new HostileCase(
                e.GetProperty("file").GetString()!,
                e.GetProperty("offset").GetInt64(),
                e.GetProperty("opcode").ValueKind == JsonValueKind.Null ? null : e.GetProperty("opcode").GetString(),
                e.GetProperty("opcode_byte").ValueKind == JsonValueKind.Null ? null : (byte)e.GetProperty("opcode_byte").GetInt32(),
                e.GetProperty("reason").GetString()!))
            .ToList();
    }

    public static byte[] HostileBytes(HostileCase hostile) => File.ReadAllBytes(Path.Combine(Root, "hostile", hostile.File));
}

internal sealed record HostileCase(string File, long Offset, string? Opcode, byte? OpcodeByte, string Reason)
{
    public override string ToString() => File;
}
