using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Kook;

namespace ChatPS.Module
{
    /// <summary>Base of the KOOK cmdlets: the <c>-Connection</c> parameter and its fallback to the session's connection.</summary>
    public abstract class KookCmdlet : ChatCmdlet
    {
        /// <summary>The connection to use (from <c>Connect-Kook -PassThru</c>); defaults to the session's.</summary>
        [Parameter]
        [ValidateNotNull]
        public KookConnection? Connection { get; set; }

        /// <summary>The connection in effect; terminates with a clear error when there is none.</summary>
        protected KookConnection ActiveConnection
        {
            get
            {
                try
                {
                    return SessionConnections.ResolveKook(Connection);
                }
                catch (NotConnectedException ex)
                {
                    Report(ex, null, forceTerminating: true);
                    throw;
                }
            }
        }

        /// <summary>The client of the connection in effect.</summary>
        protected KookClient Client => ActiveConnection.Client;
    }
}
