namespace CheckoutTotals;

/// <summary>
/// The code under test: order totals with 10% tax, rounded half away from zero to the cent in
/// exact decimal arithmetic, with prices looked up through a
/// small least-recently-used cache. Each defect a gate must catch is a named failpoint.
/// </summary>
internal sealed class Checkout(IReadOnlySet<string> failpoints, int cacheCapacity)
{
    public const string FloatRounding = "checkout.float-rounding";
    public const string CacheOff = "checkout.cache-off";

    private readonly Dictionary<string, LinkedListNode<(string Sku, decimal Price)>> _cache = [];
    private readonly LinkedList<(string Sku, decimal Price)> _recency = new();

    public int Hits { get; private set; }
    public int Lookups { get; private set; }

    public decimal Total(IEnumerable<(string Sku, int Quantity)> lines, Func<string, decimal> priceOf)
    {
        if (failpoints.Contains(FloatRounding))
        {
            // The defect: binary floating point, which cannot hold most cents exactly.
            double sum = 0;
            foreach (var (sku, quantity) in lines)
            {
                sum += (double)Price(sku, priceOf) * quantity * 1.1;
            }

            return (decimal)Math.Round(sum, 2, MidpointRounding.AwayFromZero);
        }

        decimal total = 0;
        foreach (var (sku, quantity) in lines)
        {
            total += Price(sku, priceOf) * quantity * 1.1m;
        }

        return Math.Round(total, 2, MidpointRounding.AwayFromZero);
    }

    private decimal Price(string sku, Func<string, decimal> priceOf)
    {
        Lookups++;
        if (!failpoints.Contains(CacheOff) && _cache.TryGetValue(sku, out var node))
        {
            Hits++;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Price;
        }

        var price = priceOf(sku);
        if (_cache.Count == cacheCapacity)
        {
            _cache.Remove(_recency.Last!.Value.Sku);
            _recency.RemoveLast();
        }

        _cache[sku] = _recency.AddFirst((sku, price));
        return price;
    }
}
