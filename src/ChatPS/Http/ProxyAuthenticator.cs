using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;

namespace ChatPS.Http
{
    /// <summary>
    /// Answers an authenticating proxy before it asks, once it has asked for Basic. The transport answers a 407 by sending
    /// the request again with credentials, but sends every request without them first: each call costs the proxy two,
    /// and a proxy that answers 407 and closes before reading a request body (tinyproxy does with a large one) resets
    /// the connection while the body is still being written, so a report with evidence fails with "Connection reset by
    /// peer". So, for plain-http requests through the proxy:
    /// <list type="bullet">
    /// <item>until the proxy has asked for Basic, a request with a body says <c>Expect: 100-continue</c>, so the body waits
    /// for the proxy's answer and is not sent into its 407;</item>
    /// <item>once the transport has answered a Basic challenge with the connection's credentials, every request carries
    /// <c>Proxy-Authorization: Basic</c> from the start.</item>
    /// </list>
    /// The header is never put on an https:// request (it would travel inside the tunnel to the service; the tunnel's
    /// CONNECT is authenticated by the transport), nor on one the proxy does not handle, nor sent before the proxy asked
    /// for Basic (a proxy that wants Negotiate or NTLM is never sent the password in Basic's clear text).
    /// </summary>
    internal sealed class ProxyAuthenticator
    {
        private readonly IWebProxy _proxy;
        private readonly NetworkCredential _credential;
        private int _basicAsked;

        private ProxyAuthenticator(IWebProxy proxy, NetworkCredential credential)
        {
            _proxy = proxy;
            _credential = credential;
        }

        /// <summary>
        /// An authenticator for <paramref name="proxy"/> when it has explicit credentials (not the current user's), else
        /// null. The transport is then given <see cref="TransportProxy"/>, whose credentials note which scheme it answered.
        /// </summary>
        public static ProxyAuthenticator? For(IWebProxy? proxy)
        {
            if (proxy?.Credentials is NetworkCredential credential && !ReferenceEquals(credential, CredentialCache.DefaultCredentials))
                return new ProxyAuthenticator(proxy, credential);
            return null;
        }

        /// <summary>The proxy to give the transport: the connection's, with credentials that note when Basic is asked for.</summary>
        public IWebProxy TransportProxy => new Wrapped(_proxy, new Recording(this));

        /// <summary>Whether the proxy has asked for Basic and been answered with these credentials.</summary>
        public bool BasicAsked => Volatile.Read(ref _basicAsked) != 0;

        /// <summary>Sets (or removes) <c>Proxy-Authorization</c> and <c>Expect: 100-continue</c> on <paramref name="message"/> for where it goes.</summary>
        public void Prepare(HttpRequestMessage message)
        {
            message.Headers.ProxyAuthorization = null;
            var target = message.RequestUri;
            if (target is null || target.Scheme != Uri.UriSchemeHttp || _proxy.IsBypassed(target)) return;
            if (BasicAsked)
                message.Headers.ProxyAuthorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(_credential.UserName + ":" + _credential.Password)));
            else if (message.Content != null)
                message.Headers.ExpectContinue = true;
        }

        // The connection's proxy object is left as it is (it may be shared); the transport gets this view of it.
        private sealed class Wrapped : IWebProxy
        {
            private readonly IWebProxy _inner;

            public Wrapped(IWebProxy inner, ICredentials credentials)
            {
                _inner = inner;
                Credentials = credentials;
            }

            public ICredentials? Credentials { get; set; }

            public Uri? GetProxy(Uri destination) => _inner.GetProxy(destination);

            public bool IsBypassed(Uri host) => _inner.IsBypassed(host);
        }

        private sealed class Recording : ICredentials
        {
            private readonly ProxyAuthenticator _owner;

            public Recording(ProxyAuthenticator owner) => _owner = owner;

            public NetworkCredential GetCredential(Uri uri, string authType)
            {
                // The transport asks for the scheme it is about to answer (the first one offered that gets credentials).
                if (string.Equals(authType, "Basic", StringComparison.OrdinalIgnoreCase)) Interlocked.Exchange(ref _owner._basicAsked, 1);
                return _owner._credential;
            }
        }
    }
}
