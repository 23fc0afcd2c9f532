namespace Socrates.Core.Migration.V1ToV2;

/// <summary>Where a V1 -> V2 migration stopped.</summary>
public enum V1ToV2Stage
{
    VerifySource,
    Backup,
    ScanKeys,
    Schema,
    Copy,
    Accounting,
    Validate,
    Complete,
}
