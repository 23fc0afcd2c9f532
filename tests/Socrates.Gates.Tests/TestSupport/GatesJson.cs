using System.Text.Json.Nodes;

namespace Socrates.Gates.Tests.TestSupport;

/// <summary>A valid gates document to start from; tests break one thing in it and look for that one problem.</summary>
internal static class GatesJson
{
    public const string File = "test-gates.json";

    public static JsonObject Valid() => new()
    {
        ["$schema"] = "./gates.schema.json",
        ["version"] = 1,
        ["risks"] = new JsonArray(
            new JsonObject { ["id"] = "DATA-LOSS", ["title"] = "Rows lost", ["severity"] = "critical", ["description"] = "A saved row is gone.", ["runbook"] = Runbook() },
            new JsonObject { ["id"] = "RACE", ["title"] = "Lost updates", ["severity"] = "high", ["description"] = "A concurrent write is lost.", ["runbook"] = Runbook() }),
        ["gates"] = new JsonArray(
            new JsonObject
            {
                ["id"] = "roundtrip",
                ["title"] = "V2 round trip",
                ["risks"] = new JsonArray("DATA-LOSS"),
                ["metric"] = "v2.roundtrip.equality_rate",
                ["direction"] = "min",
                ["fail"] = 1.0,
                ["warn"] = null,
                ["unit"] = "ratio",
                ["profiles"] = new JsonArray("quick", "ci", "full"),
                ["suite"] = "unit",
                ["canary"] = new JsonObject { ["failpoint"] = "v2.save.drop-field" },
                ["description"] = "Every field saved comes back.",
                ["runbook"] = Runbook(),
            },
            new JsonObject
            {
                ["id"] = "lost-updates",
                ["title"] = "No lost updates",
                ["risks"] = new JsonArray("RACE"),
                ["metric"] = "race.lost_updates",
                ["direction"] = "max",
                ["fail"] = 0,
                ["unit"] = "count",
                ["profiles"] = new JsonArray("ci", "full"),
                ["suite"] = "properties",
                ["canary"] = new JsonObject { ["fixture"] = "fixtures/canaries/lost-update.json" },
                ["description"] = "Linearizability checker over recorded histories.",
                ["runbook"] = Runbook(),
            }),
    };

    /// <summary>A runbook: what red means, where to look.</summary>
    public static JsonObject Runbook() => new() { ["red"] = "Do not release.", ["causes"] = new JsonArray("the last change") };

    /// <summary>The first gate of <paramref name="document"/>.</summary>
    public static JsonObject Gate(JsonObject document, int index = 0) => document["gates"]![index]!.AsObject();
}
