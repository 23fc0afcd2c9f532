using Socrates.Core.Failpoints;

namespace Socrates.Core.DualRun;

/// <summary>Canaries of the dual-run comparison (off unless enabled).</summary>
[FailpointCatalog]
public static class DualRunFailpoints
{
    /// <summary>
    /// The V2 repository answers one field differently: every project it loads has " [v2]" appended
    /// to its description (<c>dualrun.mismatches</c> goes above 0).
    /// </summary>
    public const string V2AnswerDiffers = "dualrun.v2.answer-differs";
}
