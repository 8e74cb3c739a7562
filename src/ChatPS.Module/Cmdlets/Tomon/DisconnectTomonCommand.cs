using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Disconnect-Tomon: forgets the session's Tomon connection (or the one given) and closes it.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Tomon")]
    [OutputType(typeof(TomonConnection))]
    public sealed class DisconnectTomonCommand : ChatCmdlet
    {
        /// <summary>The connection to close; defaults to the session's.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public TomonConnection? Connection { get; set; }

        /// <summary>Writes the closed connection.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var connection = Connection ?? SessionConnections.CurrentTomon;
            if (connection is null)
            {
                WriteVerbose("There is no Tomon connection to close.");
                return;
            }
            SessionConnections.ForgetTomon(connection);
            connection.Dispose();
            WriteVerbose("Disconnected: " + connection);
            if (PassThru) WriteObject(connection);
        }
    }
}
