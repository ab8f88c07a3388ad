namespace DocCluster.Sorting
{
    /// <summary>What a completed sorting step did to a file; the Operation column of the journal.</summary>
    public enum SortOperation
    {
        Moved,
        Copied,
        Restored,
    }
}
