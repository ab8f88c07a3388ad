using System;
using System.IO;
using System.Linq;
using System.Text;
using DocCluster.Sorting;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Core.Tests
{
    public class SortingJournalTests
    {
        private static string Write(string dir, string name, string content)
        {
            Directory.CreateDirectory(dir);
            var p = Path.Combine(dir, name);
            File.WriteAllText(p, content);
            return p;
        }

        [Fact]
        public void Journal_round_trips_paths_with_commas_quotes_and_line_breaks()
        {
            var dir = TestPaths.NewTempDir();
            var path = JournalWriter.DefaultPath(dir);
            var hash = new string('a', 64);
            var when = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567);
            using (var w = JournalWriter.Open(path))
            {
                w.Append(new JournalEntry(when, SortOperation.Moved, "/in/a, \"b\".png", "/out/c 1/a, \"b\".png", hash, "bills, 2024"));
                w.Append(SortOperation.Copied, "/in/line\nbreak.png", " /out/lead space ", "", "cluster-02");
            }
            var entries = JournalReader.Read(path, out var skipped);
            Assert.Equal(0, skipped);
            Assert.Equal(2, entries.Count);
            Assert.Equal(when, entries[0].Timestamp);
            Assert.Equal(DateTimeKind.Utc, entries[0].Timestamp.Kind);
            Assert.Equal(SortOperation.Moved, entries[0].Operation);
            Assert.Equal("/in/a, \"b\".png", entries[0].Source);
            Assert.Equal("/out/c 1/a, \"b\".png", entries[0].Destination);
            Assert.Equal(hash, entries[0].Sha256);
            Assert.Equal("bills, 2024", entries[0].Cluster);
            Assert.Equal("/in/line\nbreak.png", entries[1].Source);
            Assert.Equal(" /out/lead space ", entries[1].Destination);
            Assert.Equal(1, entries[1].Index);

            var text = File.ReadAllText(path);
            Assert.StartsWith("Timestamp,Operation,Source,Destination,Sha256,Cluster\r\n", text.TrimStart('\uFEFF'));
            Assert.Contains("2024-05-06T07:08:09.1234567Z,Moved,", text);
        }

        [Fact]
        public void Journal_appends_across_opens_and_has_one_header()
        {
            var path = Path.Combine(TestPaths.NewTempDir(), "sub", "j.csv");
            using (var w = JournalWriter.Open(path)) w.Append(SortOperation.Moved, "/a", "/b", "", "c");
            using (var w = JournalWriter.Open(path)) w.Append(SortOperation.Moved, "/c", "/d", "", "c");
            Assert.Equal(new[] { "/a", "/c" }, JournalReader.Read(path).Select(e => e.Source));
            Assert.Single(File.ReadAllLines(path), l => l.Contains("Timestamp"));
        }

        [Fact]
        public void Journal_can_be_read_while_it_is_being_written_and_each_line_is_flushed()
        {
            var path = JournalWriter.DefaultPath(TestPaths.NewTempDir());
            using (var w = JournalWriter.Open(path))
            {
                w.Append(SortOperation.Moved, "/a", "/b", "", "c");
                Assert.Single(JournalReader.Read(path));
                w.Append(SortOperation.Moved, "/c", "/d", "", "c");
                Assert.Equal(2, JournalReader.Read(path).Count);
            }
        }

        [Fact]
        public void A_torn_last_line_is_ignored_and_the_next_entry_starts_on_its_own_line()
        {
            var path = JournalWriter.DefaultPath(TestPaths.NewTempDir());
            using (var w = JournalWriter.Open(path)) w.Append(SortOperation.Moved, "/a", "/b", "", "c");
            File.AppendAllText(path, "2024-01-01T00:00:00.0000000Z,Moved,\"/half", new UTF8Encoding(false));
            Assert.Single(JournalReader.Read(path));
            using (var w = JournalWriter.Open(path)) w.Append(SortOperation.Moved, "/e", "/f", "", "c");
            var entries = JournalReader.Read(path, out var skipped);
            Assert.Equal(new[] { "/a", "/e" }, entries.Select(e => e.Source));
            Assert.Equal(1, skipped);

            // Torn outside quotes too.
            File.AppendAllText(path, "2024-01-01T00:00:00.0000000Z,Moved,/g,/h", new UTF8Encoding(false));
            using (var w = JournalWriter.Open(path)) w.Append(SortOperation.Moved, "/i", "/j", "", "c");
            Assert.Equal(new[] { "/a", "/e", "/i" }, JournalReader.Read(path).Select(e => e.Source));
        }

        [Fact]
        public void Malformed_lines_are_counted_and_skipped()
        {
            var path = Path.Combine(TestPaths.NewTempDir(), "j.csv");
            File.WriteAllText(path, "Timestamp,Operation,Source,Destination,Sha256,Cluster\n" +
                "garbage\n" +
                "2024-01-01T00:00:00.0000000Z,Exploded,/a,/b,,c\n" +
                "2024-01-01T00:00:00.0000000Z,Moved,/a,/b,nothex,c\n" +
                "\n" +
                "2024-01-01T00:00:00.0000000Z,moved,/a,/b,,c\n");
            var entries = JournalReader.Read(path, out var skipped);
            Assert.Equal(3, skipped);
            Assert.Single(entries);
            Assert.Equal(SortOperation.Moved, entries[0].Operation);
        }

        [Fact]
        public void Restore_moves_files_back_newest_first_and_appends_Restored_entries()
        {
            var root = TestPaths.NewTempDir();
            var inDir = Path.Combine(root, "in");
            var outDir = Path.Combine(root, "out");
            var a = Write(inDir, "a.png", "alpha");
            var b = Write(Path.Combine(inDir, "sub"), "b.png", "beta");
            var t = new SafeFileTransfer();
            var journal = JournalWriter.DefaultPath(outDir);
            using (var w = JournalWriter.Open(journal))
            {
                foreach (var f in new[] { a, b })
                {
                    var r = t.Move(f, Path.Combine(outDir, "c1"));
                    w.Append(SortOperation.Moved, r.Source, r.Destination, r.Sha256, "c1");
                }
            }
            Directory.Delete(Path.Combine(inDir, "sub")); // the source folder is re-created
            var report = new JournalRestorer().RestoreAll(journal);
            Assert.Empty(report.Failures);
            Assert.Equal(new[] { b, a }, report.Restored.Select(e => e.Destination));
            Assert.Equal("alpha", File.ReadAllText(a));
            Assert.Equal("beta", File.ReadAllText(b));
            Assert.Empty(Directory.GetFiles(Path.Combine(outDir, "c1")));
            var entries = JournalReader.Read(journal);
            Assert.Equal(new[] { SortOperation.Moved, SortOperation.Moved, SortOperation.Restored, SortOperation.Restored }, entries.Select(e => e.Operation));

            // Running it again finds nothing to do and reports nothing as failed.
            var again = new JournalRestorer().RestoreAll(journal);
            Assert.Empty(again.Failures);
            Assert.Empty(again.Restored);
            Assert.Equal(2, again.AlreadyRestored);
        }

        [Fact]
        public void Restore_undoes_chained_moves_through_the_same_journal()
        {
            var root = TestPaths.NewTempDir();
            var a = Write(Path.Combine(root, "in"), "a.png", "alpha");
            var journal = Path.Combine(root, "j.csv");
            var t = new SafeFileTransfer();
            using (var w = JournalWriter.Open(journal))
            {
                var r1 = t.Move(a, Path.Combine(root, "x"));
                w.Append(SortOperation.Moved, r1.Source, r1.Destination, r1.Sha256, "x");
                var r2 = t.Move(r1.Destination, Path.Combine(root, "y"));
                w.Append(SortOperation.Moved, r2.Source, r2.Destination, r2.Sha256, "y");
            }
            var report = new JournalRestorer().RestoreAll(journal);
            Assert.Empty(report.Failures);
            Assert.Equal("alpha", File.ReadAllText(a));
            Assert.Equal(new[] { "in/a.png", "j.csv" }, Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).OrderBy(f => f));
        }

        [Fact]
        public void Restore_reports_what_it_cannot_restore_and_goes_on()
        {
            var root = TestPaths.NewTempDir();
            var inDir = Path.Combine(root, "in");
            var outDir = Path.Combine(root, "out");
            var files = new[] { "gone.png", "occupied.png", "changed.png", "fine.png" }.Select(n => Write(inDir, n, n)).ToArray();
            var journal = JournalWriter.DefaultPath(outDir);
            var t = new SafeFileTransfer();
            var moved = new string[files.Length];
            using (var w = JournalWriter.Open(journal))
            {
                for (int i = 0; i < files.Length; i++)
                {
                    var r = t.Move(files[i], outDir);
                    moved[i] = r.Destination;
                    w.Append(SortOperation.Moved, r.Source, r.Destination, r.Sha256, "c");
                }
                var copy = t.Copy(Write(inDir, "copied.png", "c"), outDir);
                w.Append(SortOperation.Copied, copy.Source, copy.Destination, copy.Sha256, "c");
            }
            File.Delete(moved[0]);
            File.WriteAllText(files[1], "someone else");
            File.AppendAllText(moved[2], " edited");

            var report = new JournalRestorer().RestoreAll(journal);
            Assert.Equal(new[] { files[3] }, report.Restored.Select(e => e.Destination));
            var reasons = report.Failures.ToDictionary(f => Path.GetFileName(f.Entry.Source), f => f.Reason);
            Assert.Equal(3, reasons.Count);
            Assert.Equal(RestoreFailureReason.FileNotFound, reasons["gone.png"]);
            Assert.Equal(RestoreFailureReason.OriginalPathOccupied, reasons["occupied.png"]);
            Assert.Equal(RestoreFailureReason.ContentChanged, reasons["changed.png"]);
            Assert.Equal("someone else", File.ReadAllText(files[1]));
            Assert.True(File.Exists(moved[1]));
            Assert.True(File.Exists(moved[2]));
            Assert.True(File.Exists(Path.Combine(inDir, "copied.png")));
            Assert.True(File.Exists(Path.Combine(outDir, "copied.png")));
        }

        [Fact]
        public void Restore_across_volumes_uses_copy_and_verify()
        {
            var root = TestPaths.NewTempDir();
            var a = Write(Path.Combine(root, "in"), "a.png", "alpha");
            var journal = Path.Combine(root, "j.csv");
            var t = new SafeFileTransfer { ForceCopyVerify = true };
            using (var w = JournalWriter.Open(journal))
            {
                var r = t.Move(a, Path.Combine(root, "out"));
                Assert.Equal(TransferMethod.CopyVerify, r.Method);
                w.Append(SortOperation.Moved, r.Source, r.Destination, r.Sha256, "c");
            }
            var report = new JournalRestorer(new SafeFileTransfer { ForceCopyVerify = true }).RestoreAll(journal);
            Assert.Empty(report.Failures);
            Assert.Equal("alpha", File.ReadAllText(a));
            Assert.Equal(FileHash.Sha256(a), report.Restored[0].Sha256);
        }
    }
}
