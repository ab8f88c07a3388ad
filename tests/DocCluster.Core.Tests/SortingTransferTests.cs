using System;
using System.IO;
using System.Linq;
using DocCluster.Sorting;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Core.Tests
{
    public class SortingTransferTests
    {
        private static string Write(string dir, string name, string content)
        {
            Directory.CreateDirectory(dir);
            var p = Path.Combine(dir, name);
            File.WriteAllText(p, content);
            return p;
        }

        private static string[] Files(string dir) =>
            Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToArray();

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Move_puts_the_file_in_the_folder_and_removes_the_source(bool copyVerify)
        {
            var root = TestPaths.NewTempDir();
            var src = Write(Path.Combine(root, "in"), "a.png", "alpha");
            var t = new SafeFileTransfer { ForceCopyVerify = copyVerify };
            var r = t.Move(src, Path.Combine(root, "out", "cluster-01"));
            Assert.False(File.Exists(src));
            Assert.Equal(Path.Combine(root, "out", "cluster-01", "a.png"), r.Destination);
            Assert.Equal("alpha", File.ReadAllText(r.Destination));
            Assert.Equal(SortOperation.Moved, r.Operation);
            Assert.Equal(copyVerify ? TransferMethod.CopyVerify : TransferMethod.Rename, r.Method);
            Assert.Equal(FileHash.Sha256(r.Destination), r.Sha256);
            Assert.False(r.Renamed);
            Assert.Equal(new[] { "out/cluster-01/a.png" }, Files(root));
        }

        [Fact]
        public void Copy_keeps_the_source_and_verifies()
        {
            var root = TestPaths.NewTempDir();
            var src = Write(Path.Combine(root, "in"), "a.png", "alpha");
            File.SetLastWriteTimeUtc(src, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
            var r = new SafeFileTransfer().Copy(src, Path.Combine(root, "out"));
            Assert.True(File.Exists(src));
            Assert.Equal("alpha", File.ReadAllText(r.Destination));
            Assert.Equal(SortOperation.Copied, r.Operation);
            Assert.Equal(TransferMethod.CopyVerify, r.Method);
            Assert.Equal(FileHash.Sha256(src), r.Sha256);
            Assert.Equal(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), File.GetLastWriteTimeUtc(r.Destination));
            Assert.Equal(new[] { "in/a.png", "out/a.png" }, Files(root));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_taken_name_gets_a_unique_name_and_nothing_is_overwritten(bool copyVerify)
        {
            var root = TestPaths.NewTempDir();
            var outDir = Path.Combine(root, "out");
            Write(outDir, "a.png", "existing");
            Write(outDir, "a (2).png", "existing 2");
            var t = new SafeFileTransfer { ForceCopyVerify = copyVerify };
            Assert.Equal(Path.Combine(outDir, "a (3).png"), t.PlanDestination(Path.Combine(root, "in", "a.png"), outDir));
            var r = t.Move(Write(Path.Combine(root, "in"), "a.png", "new"), outDir);
            Assert.True(r.Renamed);
            Assert.Equal(Path.Combine(outDir, "a (3).png"), r.Destination);
            Assert.Equal("existing", File.ReadAllText(Path.Combine(outDir, "a.png")));
            Assert.Equal("existing 2", File.ReadAllText(Path.Combine(outDir, "a (2).png")));
            Assert.Equal("new", File.ReadAllText(r.Destination));
        }

        [Fact]
        public void Names_without_extension_and_dot_files_get_unique_names_too()
        {
            var root = TestPaths.NewTempDir();
            var outDir = Path.Combine(root, "out");
            Write(outDir, "README", "x");
            Write(outDir, ".profile", "x");
            var t = new SafeFileTransfer();
            Assert.EndsWith("README (2)", t.Move(Write(Path.Combine(root, "in"), "README", "y"), outDir).Destination);
            Assert.EndsWith(".profile (2)", t.Move(Write(Path.Combine(root, "in"), ".profile", "y"), outDir).Destination);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Overwrite_replaces_the_existing_file(bool copyVerify)
        {
            var root = TestPaths.NewTempDir();
            var outDir = Path.Combine(root, "out");
            var existing = Write(outDir, "a.png", "existing");
            var src = Write(Path.Combine(root, "in"), "a.png", "new");
            var r = new SafeFileTransfer { Overwrite = true, ForceCopyVerify = copyVerify }.Move(src, outDir);
            Assert.Equal(existing, r.Destination);
            Assert.True(r.Overwritten);
            Assert.False(r.Renamed);
            Assert.Equal("new", File.ReadAllText(existing));
            Assert.False(File.Exists(src));
            Assert.Equal(new[] { "out/a.png" }, Files(root));
        }

        [Fact]
        public void Same_source_and_destination_is_skipped_with_a_reason()
        {
            var root = TestPaths.NewTempDir();
            var src = Write(root, "a.png", "alpha");
            var r = new SafeFileTransfer().Move(src, root);
            Assert.True(r.Skipped);
            Assert.Contains("same file", r.SkipReason);
            Assert.Equal("alpha", File.ReadAllText(src));
            Assert.Equal(new[] { "a.png" }, Files(root));
            Assert.True(new SafeFileTransfer { Overwrite = true }.Copy(src, root + Path.DirectorySeparatorChar).Skipped);
        }

        [Fact]
        public void Missing_source_throws_FileNotFound_and_creates_nothing()
        {
            var root = TestPaths.NewTempDir();
            var ex = Assert.Throws<FileNotFoundException>(() => new SafeFileTransfer().Move(Path.Combine(root, "nope.png"), Path.Combine(root, "out")));
            Assert.Equal(Path.Combine(root, "nope.png"), ex.FileName);
            Assert.False(Directory.Exists(Path.Combine(root, "out")));
        }

        [Fact]
        public void A_corrupted_copy_fails_verification_and_leaves_the_source_and_no_partial()
        {
            var root = TestPaths.NewTempDir();
            var src = Write(Path.Combine(root, "in"), "a.png", "alpha");
            var t = new SafeFileTransfer { ForceCopyVerify = true, CorruptPartial = p => File.AppendAllText(p, "!") };
            var ex = Assert.Throws<TransferVerificationException>(() => t.Move(src, Path.Combine(root, "out")));
            Assert.Equal(src, ex.Source);
            Assert.NotEqual(ex.ExpectedSha256, ex.ActualSha256);
            Assert.Equal("alpha", File.ReadAllText(src));
            Assert.Equal(new[] { "in/a.png" }, Files(root));
        }

        [Theory]
        [InlineData("PartialWritten")]
        [InlineData("Verified")]
        [InlineData("Renamed")]
        public void Interrupted_copy_move_leaves_the_file_at_its_source_or_complete_at_its_destination(string stageName)
        {
            var stage = (TransferStage)Enum.Parse(typeof(TransferStage), stageName);
            var root = TestPaths.NewTempDir();
            var content = string.Concat(Enumerable.Repeat("0123456789", 50000));
            var src = Write(Path.Combine(root, "in"), "a.png", content);
            var outDir = Path.Combine(root, "out");
            var t = new SafeFileTransfer
            {
                ForceCopyVerify = true,
                OnStage = (s, p) => { if (s == stage) throw new OperationCanceledException("interrupted"); },
            };
            Assert.Throws<OperationCanceledException>(() => t.Move(src, outDir));
            Assert.Equal(content, File.ReadAllText(src));
            var final = Path.Combine(outDir, "a.png");
            if (File.Exists(final)) Assert.Equal(content, File.ReadAllText(final));
            Assert.Equal(stage == TransferStage.Renamed, File.Exists(final));
            Assert.False(File.Exists(SafeFileTransfer.PartialPathFor(final)));
        }

        [Fact]
        public void A_stale_partial_is_never_a_result_and_is_replaced_on_the_next_run()
        {
            var root = TestPaths.NewTempDir();
            var outDir = Path.Combine(root, "out");
            var src = Write(Path.Combine(root, "in"), "a.png", "alpha");
            var partial = SafeFileTransfer.PartialPathFor(Path.Combine(outDir, "a.png"));
            Write(outDir, Path.GetFileName(partial), "half-writ");
            Assert.StartsWith(".a.png", Path.GetFileName(partial));
            var r = new SafeFileTransfer { ForceCopyVerify = true }.Move(src, outDir);
            Assert.Equal(Path.Combine(outDir, "a.png"), r.Destination);
            Assert.False(r.Renamed);
            Assert.Equal("alpha", File.ReadAllText(r.Destination));
            Assert.False(File.Exists(partial));
            Assert.Equal(new[] { "out/a.png" }, Files(root));
        }

        [Fact]
        public void MoveToPath_never_renames_and_never_overwrites()
        {
            var root = TestPaths.NewTempDir();
            var src = Write(root, "a.png", "alpha");
            var taken = Write(Path.Combine(root, "x"), "b.png", "beta");
            Assert.Throws<DestinationExistsException>(() => new SafeFileTransfer().MoveToPath(src, taken));
            Assert.Equal("beta", File.ReadAllText(taken));
            Assert.True(File.Exists(src));
            var r = new SafeFileTransfer().MoveToPath(src, Path.Combine(root, "new", "deep", "c.png"));
            Assert.Equal("alpha", File.ReadAllText(Path.Combine(root, "new", "deep", "c.png")));
            Assert.False(r.Renamed);
        }

        [Fact]
        public void Volume_detection_sees_one_folder_tree_as_one_volume()
        {
            var root = TestPaths.NewTempDir();
            var mounts = PathUtil.MountPoints();
            var a = PathUtil.VolumeOf(Path.Combine(root, "in", "a.png"), mounts);
            Assert.NotNull(a);
            Assert.Equal(a, PathUtil.VolumeOf(Path.Combine(root, "out", "cluster-01"), mounts));
            // On one volume a move is a rename, not a copy.
            Directory.CreateDirectory(Path.Combine(root, "in"));
            File.WriteAllText(Path.Combine(root, "in", "a.png"), "x");
            Assert.Equal(TransferMethod.Rename, new SafeFileTransfer().Move(Path.Combine(root, "in", "a.png"), Path.Combine(root, "out")).Method);
        }

        [Fact]
        public void A_real_cross_volume_move_copies_verifies_and_deletes()
        {
            // Needs a second mounted file system: /dev/shm (tmpfs) on Linux. Passes vacuously elsewhere.
            const string shm = "/dev/shm";
            var mounts = PathUtil.MountPoints();
            var root = TestPaths.NewTempDir();
            if (PathUtil.IsWindows || !Directory.Exists(shm) || PathUtil.VolumeOf(shm, mounts) == PathUtil.VolumeOf(root, mounts)) return;
            var dir = Path.Combine(shm, "doccluster-tests-" + Guid.NewGuid().ToString("N"));
            try
            {
                var src = Write(dir, "a.png", "alpha");
                var r = new SafeFileTransfer().Move(src, Path.Combine(root, "out"));
                Assert.Equal(TransferMethod.CopyVerify, r.Method);
                Assert.False(File.Exists(src));
                Assert.Equal("alpha", File.ReadAllText(r.Destination));
                Assert.Equal(new[] { "out/a.png" }, Files(root));
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Plan_destination_touches_nothing()
        {
            var root = TestPaths.NewTempDir();
            var src = Write(Path.Combine(root, "in"), "a.png", "alpha");
            var plan = new SafeFileTransfer().PlanDestination(src, Path.Combine(root, "out"));
            Assert.Equal(Path.Combine(root, "out", "a.png"), plan);
            Assert.False(Directory.Exists(Path.Combine(root, "out")));
        }

        [Theory]
        [InlineData("cluster-01", "cluster-01")]
        [InlineData("bills/2024", "bills_2024")]
        [InlineData("a<b>c:d\"e|f?g*h\\i", "a_b_c_d_e_f_g_h_i")]
        [InlineData("CON", "CON_")]
        [InlineData("nul", "nul_")]
        [InlineData("Com1.txt", "Com1_.txt")]
        [InlineData("lpt9", "lpt9_")]
        [InlineData("CONSOLE", "CONSOLE")]
        [InlineData("invoices. . ", "invoices")]
        [InlineData("  ids  ", "ids")]
        [InlineData("..", "unnamed")]
        [InlineData(".", "unnamed")]
        [InlineData("", "unnamed")]
        [InlineData(null, "unnamed")]
        [InlineData("../../etc", ".._.._etc")]
        [InlineData("tab\there", "tab_here")]
        public void Folder_names_are_sanitised(string input, string expected)
        {
            Assert.Equal(expected, FolderName.Sanitize(input));
        }

        [Fact]
        public void Folder_names_are_bounded_in_length()
        {
            Assert.Equal(FolderName.MaxLength, FolderName.Sanitize(new string('x', 500)).Length);
        }
    }
}
