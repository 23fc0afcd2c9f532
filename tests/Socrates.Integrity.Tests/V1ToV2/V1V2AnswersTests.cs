using Socrates.Core.DualRun;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;
using Socrates.Testing.Rehearsal;
using Xunit.Abstractions;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// The dual-run comparison on a migrated database (<see cref="V1V2AnswerComparison"/>): V1's code
/// on the V1 file against V2's code on the migrated file, every project loaded and every user's
/// project list read, with the projects the migration rejected (each with its reason, counted by
/// the accounting gates) left out of V1. Generated data by default; the user's own V1 database
/// when rehearsing.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class V1V2AnswersTests(ITestOutputHelper output)
{
    private const string Suite = "integrity";

    [Fact]
    public async Task DualRun_MigratedDatabase_V2AnswersAsV1()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        using var rehearsal = RehearsalDatabase.CopyConfiguredTo(v1);
        if (rehearsal is null)
        {
            // More bad rows than the profile's 2%: some projects must be rejected, so that leaving
            // them out of V1 (as real data needs) is exercised on every run.
            await V1Databases.GenerateAsync(v1, V1Databases.ForProfile() with { BadShare = 0.1 });
        }

        string? failure = null;
        try
        {
            await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options(), null, CancellationToken.None);
        }
        catch (V1ToV2MigrationException error)
        {
            failure = error.Message;
        }

        var answers = failure is null ? await V1V2AnswerComparison.CompareAsync(v1, v2, directory.File("v1-migrated-rows.db"), CancellationToken.None) : null;
        var mismatches = answers?.Mismatches ?? 1;
        var evidence = MetricsWriter.WriteEvidence(Suite, "migration-v1v2-answers.json", new
        {
            profile = TestProfile.Current.Name,
            rehearsal = rehearsal is null ? null : new { path = rehearsal.Source, bytes = rehearsal.Bytes, sha256 = rehearsal.Sha256 },
            failure,
            projects = answers?.Projects,
            users = answers?.Users,
            rejected_projects = answers?.RejectedProjects,
            compared_reads = answers?.Statistics.ComparedReads,
            mismatches = answers?.Statistics.Mismatches,
            shadow_read_failures = answers?.Statistics.ShadowReadFailures,
            failures = answers?.Failures,
            first_mismatches = answers?.Statistics.FirstMismatches,
        });
        MetricsWriter.Write(Suite, "migration.v1v2.answer_mismatches", mismatches, "answers", evidence);
        var source = rehearsal?.Finish();
        output.WriteLine($"{answers?.Projects} projects, {answers?.Users} users, {answers?.Statistics.ComparedReads} answers compared, {mismatches} differing; failure: {failure ?? "none"}");

        Assert.Null(failure);
        Assert.True(answers!.Statistics.ComparedReads > 0, "no answer was compared");
        Assert.True(rehearsal is not null || answers.RejectedProjects > 0, "no generated project was rejected: leaving rejects out of V1 went untested");
        Assert.True(mismatches == 0, string.Join("; ", answers.Failures.Concat(answers.Statistics.FirstMismatches.Take(5).Select(m => m.ToString()))));
        Assert.True(source?.SourceUnchanged ?? true, $"the user's database changed: sha256 {source?.Sha256Before} before, {source?.Sha256After} after");
    }

    [Fact]
    public async Task DualRun_V2AnswerDiffersCanary_MismatchesFound()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, new Socrates.Testing.Integrity.V1GenerationOptions(Users: 3, Projects: 6, MessagesPerProject: 2, Seed: 17, BadShare: 0));
        await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options(), null, CancellationToken.None);

        V1V2Answers answers;
        using (Failpoint.Enable(DualRunFailpoints.V2AnswerDiffers))
        {
            answers = await V1V2AnswerComparison.CompareAsync(v1, v2, directory.File("v1-migrated-rows.db"), CancellationToken.None);
        }

        Assert.True(answers.Statistics.Mismatches >= answers.Projects, $"{answers.Statistics.Mismatches} mismatches for {answers.Projects} projects");
    }

}
