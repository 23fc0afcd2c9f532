using System.Text.Json;
using CheckoutTotals;

// Measures the checkout on a fixed, seeded workload and writes one metric file per figure into
// <out>/metrics/, in the format the gate engine reads (docs/gates.md, "Artifacts layout").
// Defects to prove the gates can fail are switched on by CHECKOUT_FAILPOINTS=name,...
if (args.Length != 2 || args[0] != "--out")
{
    Console.Error.WriteLine("usage: CheckoutTotals --out <artifacts folder>");
    return 2;
}

var failpoints = (Environment.GetEnvironmentVariable("CHECKOUT_FAILPOINTS") ?? "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .ToHashSet();
var random = new Random(20261207);
var prices = Enumerable.Range(0, 200).ToDictionary(i => $"sku-{i}", _ => random.Next(1, 100_000) / 100m);
var checkout = new Checkout(failpoints, cacheCapacity: 50);

var mismatches = 0;
for (var order = 0; order < 2_000; order++)
{
    // Skewed popularity: most lines name one of the first few dozen products.
    var lines = Enumerable.Range(0, random.Next(1, 8))
        .Select(_ => ($"sku-{(int)Math.Min(199, Math.Floor(-Math.Log(1 - random.NextDouble()) * 25))}", random.Next(1, 5)))
        .ToList();
    var expected = Math.Round(lines.Sum(line => prices[line.Item1] * line.Item2 * 1.1m), 2, MidpointRounding.AwayFromZero);
    if (checkout.Total(lines, sku => prices[sku]) != expected)
    {
        mismatches++;
    }
}

var metrics = Path.Combine(args[1], "metrics");
Directory.CreateDirectory(metrics);
Write("checkout.total_mismatches", mismatches, "orders");
Write("checkout.price_cache_hit_rate", (double)checkout.Hits / checkout.Lookups, "ratio");
Console.WriteLine($"{mismatches} mismatched totals, hit rate {(double)checkout.Hits / checkout.Lookups:F3} -> {metrics}");
return 0;

void Write(string name, double value, string unit)
{
    var record = new
    {
        name,
        value,
        unit,
        suite = "checkout",
        profile = "ci",
        failpoints = failpoints.Order().ToArray(),
        writtenAt = DateTimeOffset.UtcNow,
    };
    File.WriteAllText(Path.Combine(metrics, name + ".json"), JsonSerializer.Serialize(record));
}
