using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Disconnect-Kook: forgets the session's KOOK connection (or the one given) and closes it.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Kook")]
    [OutputType(typeof(KookConnection))]
    public sealed class DisconnectKookCommand : ChatCmdlet
    {
        /// <summary>The connection to close; defaults to the session's.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public KookConnection? Connection { get; set; }

        /// <summary>Writes the closed connection.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var connection = Connection ?? SessionConnections.CurrentKook;
            if (connection is null)
            {
                WriteVerbose("There is no KOOK connection to close.");
                return;
            }
            SessionConnections.ForgetKook(connection);
            connection.Dispose();
            WriteVerbose("Disconnected: " + connection);
            if (PassThru) WriteObject(connection);
        }
    }
}
