using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Tomon;

namespace ChatPS.Module
{
    /// <summary>Base of the Tomon cmdlets: the <c>-Connection</c> parameter and its fallback to the session's connection.</summary>
    public abstract class TomonCmdlet : ChatCmdlet
    {
        /// <summary>The connection to use (from <c>Connect-Tomon -PassThru</c>); defaults to the session's.</summary>
        [Parameter]
        [ValidateNotNull]
        public TomonConnection? Connection { get; set; }

        /// <summary>The connection in effect; terminates with a clear error when there is none.</summary>
        protected TomonConnection ActiveConnection
        {
            get
            {
                try
                {
                    return SessionConnections.ResolveTomon(Connection);
                }
                catch (NotConnectedException ex)
                {
                    Report(ex, null, forceTerminating: true);
                    throw;
                }
            }
        }

        /// <summary>The client of the connection in effect.</summary>
        protected TomonClient Client => ActiveConnection.Client;
    }
}
