using System;
using System.Management.Automation;
using System.Security;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Tomon;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Connect-Tomon: signs in and sets the session's Tomon connection.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Tomon", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(TomonConnection))]
    public sealed class ConnectTomonCommand : ConnectCmdletBase
    {
        private const string TokenSet = "Token";
        private const string BotTokenSet = "BotToken";
        private const string CredentialSet = "Credential";
        private const string EnvironmentSet = "Environment";

        /// <summary>A session (bearer) token, used as it is.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>A bot token, exchanged for a session at <c>/auth/login</c>.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BotTokenSet)]
        [ValidateNotNull]
        public SecureString? BotToken { get; set; }

        /// <summary>User name as <c>name#1234</c> and password, exchanged for a session at <c>/auth/login</c>.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                var settings = Settings;
                bool skip = SkipValidation;
                TomonConnection connection = ParameterSetName switch
                {
                    TokenSet => Run(t => Connector.ConnectTomonAsync(TomonSignIn.WithSessionToken(new ApiToken(Token!)), settings, skip, t)),
                    BotTokenSet => Run(t => Connector.ConnectTomonAsync(TomonSignIn.WithBotToken(new ApiToken(BotToken!)), settings, skip, t)),
                    CredentialSet => Run(t => Connector.ConnectTomonAsync(TomonSignIn.WithPassword(Credential!.UserName, Credential.Password), settings, skip, t)),
                    _ => Run(t => Connector.ConnectTomonFromEnvironmentAsync(settings, t)),
                };
                SessionConnections.SetTomon(connection);
                // The text names the account, which reads it from the token check's reply: only when it will be seen.
                if (VerboseWanted) WriteVerbose("Connected: " + connection);
                if (PassThru) WriteObject(connection);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Report(ex, BaseUri ?? TomonClient.DefaultBaseUri, forceTerminating: true);
            }
        }
    }
}
