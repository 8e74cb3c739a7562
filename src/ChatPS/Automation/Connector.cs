using System;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Tomon;

namespace ChatPS.Automation
{
    /// <summary>Makes connections the way the Connect cmdlets promise: pick the credential, build the client, validate.</summary>
    public static class Connector
    {
        /// <summary>Environment variable a scheduled task can set instead of passing <c>-Token</c> to <c>Connect-Kook</c>.</summary>
        public const string KookTokenVariable = "CHATPS_KOOK_TOKEN";

        /// <summary>Environment variable for <c>Connect-Tomon</c>: a bot token (exchanged at sign-in) or a session token.</summary>
        public const string TomonTokenVariable = "CHATPS_TOMON_TOKEN";

        /// <summary>Reads a token from an environment variable; throws a clear error when it is unset.</summary>
        /// <exception cref="InvalidOperationException">The variable is unset or empty.</exception>
        public static ApiToken TokenFromEnvironment(string variable, string cmdlet)
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(value))
                throw new MissingCredentialException(
                    $"No token given. Pass -Token or -Credential to {cmdlet}, or set the {variable} environment variable (for scheduled tasks).");
            return ApiToken.FromPlainText(value!);
        }

        /// <summary>Connects to KOOK; validates with <c>user/me</c> unless <paramref name="skipValidation"/>.</summary>
        public static async Task<KookConnection> ConnectKookAsync(ApiToken token, KookTokenType tokenType, ConnectionSettings settings, bool skipValidation, CancellationToken cancellationToken)
        {
            var client = new KookClient(token, tokenType, settings.ResolveBaseUri(KookClient.DefaultBaseUri), settings.ToOptions());
            try
            {
                var user = skipValidation ? null : await client.Users.CheckCurrentAsync(cancellationToken).ConfigureAwait(false);
                return new KookConnection(client, user);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Connects to Tomon. A session token is validated with <c>GET /users/@me</c> unless
        /// <paramref name="skipValidation"/>; a bot token or password is validated by signing in.
        /// </summary>
        public static async Task<TomonConnection> ConnectTomonAsync(TomonSignIn signIn, ConnectionSettings settings, bool skipValidation, CancellationToken cancellationToken)
        {
            var client = await TomonClient.ConnectAsync(signIn, settings.ResolveBaseUri(TomonClient.DefaultBaseUri), settings.ToOptions(), cancellationToken).ConfigureAwait(false);
            try
            {
                var user = client.SignedInUser;
                if (user is null && !skipValidation) user = await client.Profile.GetAsync(cancellationToken).ConfigureAwait(false);
                return new TomonConnection(client, user);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Connects with the token in <see cref="TomonTokenVariable"/>: first as a bot token (what a scheduled
        /// task normally holds); if sign-in refuses it, as a session token validated with <c>/users/@me</c>.
        /// </summary>
        public static async Task<TomonConnection> ConnectTomonFromEnvironmentAsync(ConnectionSettings settings, CancellationToken cancellationToken)
        {
            var token = TokenFromEnvironment(TomonTokenVariable, "Connect-Tomon");
            try
            {
                return await ConnectTomonAsync(TomonSignIn.WithBotToken(token), settings, false, cancellationToken).ConfigureAwait(false);
            }
            catch (ChatApiException ex) when (ex.Kind == ChatErrorKind.Authentication)
            {
                try
                {
                    return await ConnectTomonAsync(TomonSignIn.WithSessionToken(token), settings, false, cancellationToken).ConfigureAwait(false);
                }
                catch (ChatApiException) { }
                throw;
            }
        }
    }
}
