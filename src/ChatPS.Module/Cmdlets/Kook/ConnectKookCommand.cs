using System;
using System.Management.Automation;
using System.Security;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Kook;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Connect-Kook: sets the session's KOOK connection.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Kook", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(KookConnection))]
    public sealed class ConnectKookCommand : ConnectCmdletBase
    {
        private const string TokenSet = "Token";
        private const string CredentialSet = "Credential";
        private const string EnvironmentSet = "Environment";

        /// <summary>The bot (or OAuth) token.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>A credential whose password is the token (the user name is ignored).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>Bot (default) or Bearer for an OAuth token.</summary>
        [Parameter]
        public KookTokenType TokenType { get; set; } = KookTokenType.Bot;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                var token = ParameterSetName switch
                {
                    TokenSet => new ApiToken(Token!),
                    CredentialSet => new ApiToken(Credential!.Password),
                    _ => Connector.TokenFromEnvironment(Connector.KookTokenVariable, "Connect-Kook"),
                };
                var settings = Settings;
                var connection = Run(token1 => Connector.ConnectKookAsync(token, TokenType, settings, SkipValidation, token1));
                SessionConnections.SetKook(connection);
                // The text names the account, which reads it from the token check's reply: only when it will be seen.
                if (VerboseWanted) WriteVerbose("Connected: " + connection);
                if (PassThru) WriteObject(connection);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Report(ex, BaseUri ?? KookClient.DefaultBaseUri, forceTerminating: true);
            }
        }
    }
}
