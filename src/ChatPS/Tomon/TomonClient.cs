using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Json;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary>
    /// A signed-in connection to the Tomon v1 API: one pooled HTTP client, one limiter, one session token.
    /// Create it with <see cref="ConnectAsync"/>. Thread-safe.
    /// </summary>
    public sealed class TomonClient : IDisposable
    {
        /// <summary>The production API root.</summary>
        public const string DefaultBaseUri = "https://beta.tomon.co/api/v1";

        private readonly TomonApiConnection _connection;

        private TomonClient(TomonApiConnection connection, TomonSignInKind signInKind, TomonUser? signedInUser)
        {
            _connection = connection;
            SignInKind = signInKind;
            SignedInUser = signedInUser;
            Profile = new TomonProfileClient(connection);
            Guilds = new TomonGuildsClient(connection);
            DirectChannels = new TomonDirectChannelsClient(connection);
            GuildSettings = new TomonGuildSettingsClient(connection);
            Invites = new TomonInvitesClient(connection);
            StampPacks = new TomonStampPacksClient(connection);
            Reports = new TomonReportsClient(connection);
        }

        /// <summary>
        /// Signs in and returns a ready client. A session token is used as it is; a bot token or a
        /// name and password are exchanged at <c>POST /auth/login</c> (sent without an Authorization header).
        /// </summary>
        /// <exception cref="ChatApiException">The sign-in was refused (<see cref="ChatErrorKind.Authentication"/>) or failed.</exception>
        public static async Task<TomonClient> ConnectAsync(TomonSignIn signIn, Uri? baseUri = null, ConnectionOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (signIn is null) throw new ArgumentNullException(nameof(signIn));
            var pipeline = new HttpPipeline(new TomonProtocol(), baseUri ?? new Uri(DefaultBaseUri), null, options ?? new ConnectionOptions());
            try
            {
                var connection = new TomonApiConnection(pipeline);
                if (signIn.Kind == TomonSignInKind.SessionToken)
                {
                    pipeline.SetToken(signIn.Secret);
                    return new TomonClient(connection, signIn.Kind, null);
                }

                var (token, user) = await LoginAsync(connection, signIn, cancellationToken).ConfigureAwait(false);
                pipeline.SetToken(token);
                return new TomonClient(connection, signIn.Kind, user);
            }
            catch
            {
                pipeline.Dispose();
                throw;
            }
        }

        /// <summary>The API root requests are sent under (always ends in '/').</summary>
        public Uri BaseUri => _connection.Pipeline.BaseAddress;

        /// <summary>How this client signed in.</summary>
        public TomonSignInKind SignInKind { get; }

        /// <summary>The user <c>/auth/login</c> returned, or null when a session token was given directly.</summary>
        public TomonUser? SignedInUser { get; }

        /// <summary><c>/users/@me</c>: the profile.</summary>
        public TomonProfileClient Profile { get; }

        /// <summary><c>/users/@me/guilds</c>: joined guilds, their order, leaving.</summary>
        public TomonGuildsClient Guilds { get; }

        /// <summary><c>/users/@me/channels</c>: direct-message channels.</summary>
        public TomonDirectChannelsClient DirectChannels { get; }

        /// <summary><c>/users/@me/guilds/{guildId}/settings</c>: per-user notification settings of a guild (<c>@me</c>: direct messages).</summary>
        public TomonGuildSettingsClient GuildSettings { get; }

        /// <summary><c>/users/@me/tickets</c>: invite codes.</summary>
        public TomonInvitesClient Invites { get; }

        /// <summary><c>/users/@me/stamppacks</c>: the stamp pack collection.</summary>
        public TomonStampPacksClient StampPacks { get; }

        /// <summary><c>/users/@me/reports</c>: reports, with image evidence.</summary>
        public TomonReportsClient Reports { get; }

        /// <summary>Calls any Tomon endpoint through the same auth, limiter, retries and errors; returns the body (default when empty).</summary>
        public Task<JsonElement> SendAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string?>>? query = null, object? body = null, CancellationToken cancellationToken = default)
            => _connection.SendAsync(ApiRequest.Create(method, path, query, body), cancellationToken);

        /// <summary>Closes the pooled connections.</summary>
        public void Dispose() => _connection.Pipeline.Dispose();

        private static bool HasId(JsonElement reply)
        {
            try
            {
                return reply.TryGetProperty("id", out _);
            }
            catch (InvalidOperationException)
            {
                // A name that cannot be decoded: the conversion reports the reply as unreadable.
                return true;
            }
        }

        private static async Task<(ApiToken Token, TomonUser? User)> LoginAsync(TomonApiConnection connection, TomonSignIn signIn, CancellationToken cancellationToken)
        {
            var secret = signIn.Secret;
            var request = new ApiRequest(HttpMethod.Post, "auth/login") { Authenticated = false };
            request.Secrets.Add(secret);
            request.Content = signIn.Kind == TomonSignInKind.BotToken
                ? JsonBody.Write(w => w.WriteString("token", secret.Reveal()))
                : JsonBody.Write(w =>
                {
                    w.WriteString("full_name", signIn.FullName);
                    w.WriteString("password", secret.Reveal());
                });

            var (reply, response) = await connection.SendForReplyAsync(request, cancellationToken).ConfigureAwait(false);
            JsonElement tokenElement = default;
            try
            {
                // Looking a name up decodes the names before it: one holding a lone surrogate makes that throw.
                if (reply.ValueKind == JsonValueKind.Object) reply.TryGetProperty("token", out tokenElement);
            }
            catch (InvalidOperationException)
            {
                tokenElement = default;
            }
            string? tokenText = tokenElement.ValueKind == JsonValueKind.String ? JsonValues.StringOf(tokenElement) : null;
            if (tokenText is null || string.IsNullOrWhiteSpace(tokenText))
                throw new ChatApiException(ChatPlatform.Tomon, ChatErrorKind.InvalidResponse, request.Method, request.Path, response.StatusCode, null,
                    "the sign-in reply carries no token", null, response.Attempts);

            // The contract does not describe /auth/login; live Tomon (and its official SDKs) answer one flat object, the
            // user's own fields plus "token" (a JWT unlike the bot token), not {token, user}. So the user is read from the
            // reply itself and signing in needs no second call to /users/@me.
            // A SecureString holds at most 65,536 characters; a real session token (a JWT) is a few hundred.
            if (tokenText.Length > 65536)
                throw new ChatApiException(ChatPlatform.Tomon, ChatErrorKind.InvalidResponse, request.Method, request.Path, response.StatusCode, null,
                    "the sign-in reply's token is too long to be one", null, response.Attempts);
            var token = ApiToken.FromPlainText(tokenText);
            // An error about the reply quotes the start of it, where the new session token is: redacted like the others.
            request.Secrets.Add(token);
            TomonUser? user = null;
            if (HasId(reply))
            {
                // Through the same guard as Get-TomonUser: a field of an unexpected type is the reply's fault, reported as
                // ChatPS.Tomon.InvalidResponse, never a raw JsonException (ids as numbers are read, as Tomon's SDKs do).
                user = connection.Convert<TomonUser>(reply, response);
                // The session token must not ride along in the user object, where a script could print it.
                user?.AdditionalProperties?.Remove("token");
                if (user?.AdditionalProperties?.Count == 0) user.AdditionalProperties = null;
            }
            return (token, user);
        }
    }
}
