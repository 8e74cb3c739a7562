using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary>The signed-in user's profile: <c>GET</c> and <c>PATCH /users/@me</c>.</summary>
    public sealed class TomonProfileClient
    {
        private readonly TomonApiConnection _connection;

        internal TomonProfileClient(TomonApiConnection connection) => _connection = connection;

        /// <summary><c>GET /users/@me</c>.</summary>
        public Task<TomonUser> GetAsync(CancellationToken cancellationToken = default) =>
            _connection.SendAsync<TomonUser>(new ApiRequest(HttpMethod.Get, "users/@me"), cancellationToken);

        /// <summary>
        /// <c>PATCH /users/@me</c>: changes the name, user name, discriminator and/or e-mail (the body Tomon's Android
        /// client sends: <c>{name, username, discriminator, email, password}</c>). The current password
        /// authorises the change; it is written into the body only when the request is sent.
        /// </summary>
        /// <exception cref="ArgumentException">Nothing to change, or a value is malformed.</exception>
        /// <exception cref="ChatApiException">401 wrong password, 400 name/e-mail taken (<see cref="ChatErrorKind.Conflict"/>), 422 bad parameters.</exception>
        public Task<TomonUser> UpdateAsync(TomonProfileUpdate update, CancellationToken cancellationToken = default)
        {
            if (update is null) throw new ArgumentNullException(nameof(update));
            update.Validate();
            var password = update.CurrentPassword!;
            var request = new ApiRequest(new HttpMethod("PATCH"), "users/@me");
            request.Secrets.Add(password);
            request.Content = JsonBody.Write(w =>
            {
                if (update.Name != null) w.WriteString("name", update.Name);
                if (update.Username != null) w.WriteString("username", update.Username);
                if (update.Discriminator != null) w.WriteString("discriminator", update.Discriminator);
                if (update.Email != null) w.WriteString("email", update.Email);
                w.WriteString("password", password.Reveal());
            });
            return _connection.SendAsync<TomonUser>(request, cancellationToken);
        }
    }
}
