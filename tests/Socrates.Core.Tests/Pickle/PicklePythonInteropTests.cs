using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using Socrates.Core.Pickle;

namespace Socrates.Core.Tests.Pickle;

/// <summary>
/// C# → CPython: pickles written by <see cref="PickleEncoder"/> are loaded by the real
/// <c>pickle.loads</c> and must come back equal. Needs <c>python3</c> (3.8+, stdlib only) on
/// PATH — CI has it; without it this test FAILS with a message saying so (it never passes
/// silently), which is why it lives in the Integrity category rather than Unit.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class PicklePythonInteropTests
{
    private const string Loader = """
        import json, os, pickle, sys
        sys.path.insert(0, sys.argv[1])
        from generate_fixtures import to_tagged
        out = {}
        for name in sorted(os.listdir(sys.argv[2])):
            with open(os.path.join(sys.argv[2], name), "rb") as f:
                out[name] = to_tagged(pickle.loads(f.read()))
        print(json.dumps(out))
        """;

    [Fact]
    public async Task Encode_EveryFixtureValueAndProtocol_CPythonLoadsEqualValue()
    {
        var directory = Directory.CreateTempSubdirectory("socrates-pickle-interop-");
        try
        {
            var written = new Dictionary<string, object?>();
            foreach (var (name, value) in Values())
            {
                foreach (var protocol in V1FixtureFiles.Protocols)
                {
                    var file = $"{name}.p{protocol}.pickle";
                    await File.WriteAllBytesAsync(Path.Combine(directory.FullName, file), PickleEncoder.Encode(value, protocol));
                    written[file] = value;
                }
            }

            var json = await RunPythonAsync(directory.FullName);
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            var failures = new List<string>();
            foreach (var (file, value) in written)
            {
                var loaded = PyTaggedJson.Read(document.RootElement.GetProperty(file));
                if (PyValueComparer.Ordered.FindDifference(value, loaded) is { } difference)
                {
                    failures.Add($"{file}: {difference}");
                }
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
            Assert.Equal(written.Count, document.RootElement.EnumerateObject().Count());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static IEnumerable<(string Name, object? Value)> Values()
    {
        foreach (var entity in V1FixtureFiles.Entities())
        {
            yield return (entity, V1FixtureFiles.Expected(entity));
        }

        yield return ("csharp_specials", new Dictionary<string, object?>
        {
            ["big"] = BigInteger.Pow(-7, 90),
            ["int_min"] = long.MinValue,
            ["floats"] = new List<object?> { -0.0, double.NegativeInfinity, double.Epsilon, 1e-310 },
            ["decimals"] = new List<object?> { 1.50m, decimal.MaxValue, decimal.MinValue, new decimal(1, 0, 0, true, 28) },
            ["when"] = new DateTime(1999, 12, 31, 23, 59, 59).AddTicks(9_999_990),
            ["day"] = new DateOnly(1, 1, 1),
            ["astral"] = "𝄞🎉\u0000é",
            ["tuple"] = new object?[] { Array.Empty<object?>(), null, new byte[] { 0, 255 } },
            ["mixed_keys"] = new Dictionary<object, object?> { [2L] = "a", ["b"] = 2L, [true] = null },
        });
    }

    private static async Task<string> RunPythonAsync(string pickleDirectory)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Loader);
        start.ArgumentList.Add(V1FixtureFiles.Root);
        start.ArgumentList.Add(pickleDirectory);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException(
                "This Integrity test needs python3 on PATH to load C#-written pickles with CPython; install python3 (stdlib only).", error);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"python3 failed ({process.ExitCode}): {await errors}");
            return await output;
        }
    }
}
