using System.Numerics;
using Socrates.Core.Pickle;

namespace Socrates.Core.Tests.Pickle;

[Trait("Category", "Unit")]
public sealed class PyValueComparerTests
{
    private static Dictionary<string, object?> Project(DateTime joined) => new()
    {
        ["name"] = "p",
        ["team_members"] = new List<object?>
        {
            new Dictionary<string, object?> { ["username"] = "a", ["joined_at"] = new DateTime(2024, 1, 1) },
            new Dictionary<string, object?> { ["username"] = "b", ["joined_at"] = new DateTime(2024, 1, 1) },
            new Dictionary<string, object?> { ["username"] = "c", ["joined_at"] = joined },
        },
    };

    [Fact]
    public void FindDifference_DeepDateTime_ReportsPathAndBothValues()
    {
        var expected = Project(new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(1_234_560));
        var actual = Project(new DateTime(2024, 1, 2, 3, 4, 5));

        var difference = PyValueComparer.Default.FindDifference(expected, actual);

        Assert.NotNull(difference);
        Assert.Equal("$.team_members[2].joined_at", difference.Path);
        Assert.Equal("datetime 2024-01-02T03:04:05.123456", difference.Expected);
        Assert.Equal("datetime 2024-01-02T03:04:05.000000", difference.Actual);
    }

    [Fact]
    public void Equals_SameStructure_True() =>
        Assert.True(PyValueComparer.Strict.Equals(Project(new DateTime(1, 1, 1)), Project(new DateTime(1, 1, 1))));

    [Fact]
    public void FindDifference_DecimalScale_Differs() =>
        Assert.NotNull(PyValueComparer.Default.FindDifference(1.5m, 1.50m));

    [Fact]
    public void FindDifference_NegativeZero_Differs() =>
        Assert.NotNull(PyValueComparer.Default.FindDifference(0.0, -0.0));

    [Fact]
    public void Equals_NaNPayloads_OnlyStrictDistinguishes()
    {
        var pythonNaN = BitConverter.Int64BitsToDouble(0x7ff8000000000000);
        Assert.True(PyValueComparer.Default.Equals(pythonNaN, double.NaN));
        Assert.False(PyValueComparer.Strict.Equals(pythonNaN, double.NaN));
        Assert.True(PyValueComparer.Strict.Equals(double.NaN, double.NaN));
    }

    [Fact]
    public void Equals_IntegersOfDifferentClrTypes_ComparedByValue()
    {
        Assert.True(PyValueComparer.Strict.Equals(5, 5L));
        Assert.True(PyValueComparer.Strict.Equals(new BigInteger(5), 5L));
        Assert.False(PyValueComparer.Strict.Equals(5L, 5.0));
        Assert.False(PyValueComparer.Strict.Equals(1L, true));
    }

    [Fact]
    public void FindDifference_TupleAgainstList_ReportsKinds()
    {
        var difference = PyValueComparer.Default.FindDifference(new object?[] { 1L }, new List<object?> { 1L });

        Assert.Equal("$: expected tuple of 1, actual list of 1", difference?.ToString());
    }

    [Fact]
    public void FindDifference_DictKeyOrder_OnlyOrderedComparersCare()
    {
        var ab = new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L };
        var ba = new Dictionary<string, object?> { ["b"] = 2L, ["a"] = 1L };

        Assert.True(PyValueComparer.Default.Equals(ab, ba));
        Assert.Contains("key order", PyValueComparer.Strict.FindDifference(ab, ba)?.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void FindDifference_MissingAndExtraKeys_NamedInPath()
    {
        var expected = new Dictionary<string, object?> { ["description"] = "x" };
        var actual = new Dictionary<string, object?> { ["goals"] = "y" };

        var missing = PyValueComparer.Default.FindDifference(expected, actual);
        Assert.Equal("$.description", missing?.Path);
        Assert.Equal("no such key", missing?.Actual);

        var extra = PyValueComparer.Default.FindDifference(new Dictionary<string, object?>(), actual);
        Assert.Equal("$.goals", extra?.Path);
        Assert.Equal("no such key", extra?.Expected);
    }

    [Fact]
    public void FindDifference_ObjectKeyedDictAgainstStringKeyed_ComparesEntries()
    {
        var typed = new Dictionary<string, object?> { ["k"] = 1L };
        var untyped = new Dictionary<object, object?> { ["k"] = 1L };
        var intKeyed = new Dictionary<object, object?> { [1L] = "one" };

        Assert.True(PyValueComparer.Strict.Equals(typed, untyped));
        Assert.Equal("$[1]", PyValueComparer.Strict.FindDifference(intKeyed, new Dictionary<object, object?> { [1L] = "uno" })?.Path);
    }

    [Fact]
    public void FindDifference_ListLengths_ReportsCounts()
    {
        var difference = PyValueComparer.Default.FindDifference(
            new List<object?> { 1L, 2L }, new List<object?> { 1L });

        Assert.Equal("$: expected 2 items, actual 1 items", difference?.ToString());
    }

    [Fact]
    public void FindDifference_Bytes_ComparedBySequence()
    {
        Assert.True(PyValueComparer.Strict.Equals(new byte[] { 1, 2 }, new byte[] { 1, 2 }));
        Assert.NotNull(PyValueComparer.Strict.FindDifference(new byte[] { 1, 2 }, new byte[] { 1, 3 }));
    }

    [Fact]
    public void FindDifference_CyclicValues_ReportsInsteadOfOverflowing()
    {
        var a = new List<object?>();
        a.Add(a);
        var b = new List<object?>();
        b.Add(b);

        var difference = PyValueComparer.Default.FindDifference(a, b);

        Assert.NotNull(difference);
        Assert.Contains("a cycle?", difference.Actual, StringComparison.Ordinal);
    }
}
