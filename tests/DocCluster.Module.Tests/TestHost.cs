using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace DocCluster.Module.Tests
{
        /// <summary>Just enough of a host for Out-Host: every line written is kept in <see cref="CapturingUi.Text"/>.</summary>
        internal sealed class CapturingHost : PSHost
        {
            private readonly Guid id = Guid.NewGuid();
            public CapturingUi Ui { get; } = new CapturingUi();
            public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
            public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
            public override Guid InstanceId => id;
            public override string Name => "DocCluster.FormatTests";
            public override PSHostUserInterface UI => Ui;
            public override Version Version => new Version(1, 0);
            public override void EnterNestedPrompt() => throw new NotSupportedException();
            public override void ExitNestedPrompt() => throw new NotSupportedException();
            public override void NotifyBeginApplication() { }
            public override void NotifyEndApplication() { }
            public override void SetShouldExit(int exitCode) { }
        }

        internal sealed class CapturingUi : PSHostUserInterface
        {
            public StringBuilder Text { get; } = new StringBuilder();
            public override PSHostRawUserInterface RawUI { get; } = new Raw();
            public override void Write(string value) => Text.Append(value);
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Text.Append(value);
            public override void WriteLine(string value) => Text.Append(value).Append('\n');
            public override void WriteErrorLine(string value) { }
            public override void WriteDebugLine(string message) { }
            public override void WriteProgress(long sourceId, ProgressRecord record) { }
            public override void WriteVerboseLine(string message) { }
            public override void WriteWarningLine(string message) { }
            public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) => throw new NotSupportedException();
            /// <summary>Answers ShouldProcess/-Confirm prompts (choice labels such as "&amp;Yes", "&amp;No"); null = no prompt expected.</summary>
            public Func<string, System.Collections.ObjectModel.Collection<ChoiceDescription>, int> AnswerChoice { get; set; }
            public List<string> Prompts { get; } = new List<string>();

            public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice)
            {
                if (AnswerChoice == null) throw new NotSupportedException("Unexpected prompt: " + message);
                Prompts.Add(message);
                return AnswerChoice(message, choices);
            }
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
            public override string ReadLine() => throw new NotSupportedException();
            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
        }

        internal sealed class Raw : PSHostRawUserInterface
        {
            public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
            public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.White;
            public override Size BufferSize { get; set; } = new Size(200, 1000);
            public override Coordinates CursorPosition { get; set; }
            public override int CursorSize { get; set; }
            public override bool KeyAvailable => false;
            public override Size MaxPhysicalWindowSize => new Size(200, 1000);
            public override Size MaxWindowSize => new Size(200, 1000);
            public override Coordinates WindowPosition { get; set; }
            public override Size WindowSize { get; set; } = new Size(200, 50);
            public override string WindowTitle { get; set; } = "";
            public override void FlushInputBuffer() { }
            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();
            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();
            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
        }
}
