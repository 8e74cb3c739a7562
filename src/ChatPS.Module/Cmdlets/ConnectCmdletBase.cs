using System;
using System.Globalization;
using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets
{
    /// <summary>The transport parameters both Connect cmdlets take, named as Invoke-RestMethod names them.</summary>
    public abstract class ConnectCmdletBase : ChatCmdlet
    {
        /// <summary>API root; defaults to the platform's production URI.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BaseUri { get; set; }

        /// <summary>Proxy server.</summary>
        [Parameter]
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for the proxy.</summary>
        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Answers the proxy with the current user's credentials (single sign-on).</summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>Per-attempt timeout in seconds (default 100).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; }

        /// <summary>Retries of a failed request where retrying is safe (default 3).</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int MaximumRetryCount { get; set; }

        /// <summary>Base back-off between retries in seconds when the server gives no delay (default 1).</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int RetryIntervalSec { get; set; }

        /// <summary><c>Accept-Language</c> sent with every request (KOOK localises messages by it); the session's UI culture when not given.</summary>
        [Parameter]
        public string? AcceptLanguage { get; set; }

        /// <summary>
        /// The largest reply read, in bytes, after decompression (default 16 MiB): a larger one fails with
        /// <c>ChatPS.*.ResponseTooLarge</c> instead of filling the session's memory.
        /// </summary>
        [Parameter]
        [ValidateRange(1024, int.MaxValue)]
        public long MaximumResponseSize { get; set; }

        /// <summary>Allows sending the token over plain http:// to a host other than this machine.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Connects without checking the credentials with a first call.</summary>
        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        /// <summary>Writes the connection object, for <c>-Connection</c> on later commands.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The settings the parameters describe.</summary>
        protected ConnectionSettings Settings => new ConnectionSettings
        {
            BaseUri = BaseUri,
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
            ProxyUseDefaultCredentials = ProxyUseDefaultCredentials,
            // Given or not, rather than a sentinel value meaning "not given".
            TimeoutSec = Given(nameof(TimeoutSec)) ? TimeoutSec : (int?)null,
            MaximumRetryCount = Given(nameof(MaximumRetryCount)) ? MaximumRetryCount : (int?)null,
            RetryIntervalSec = Given(nameof(RetryIntervalSec)) ? RetryIntervalSec : (int?)null,
            AcceptLanguage = Given(nameof(AcceptLanguage)) ? AcceptLanguage ?? string.Empty : null,
            // $PSUICulture: the UI culture of the pipeline thread this runs on.
            UICulture = CultureInfo.CurrentUICulture,
            AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
            MaximumResponseSize = Given(nameof(MaximumResponseSize)) ? MaximumResponseSize : (long?)null,
        };

        private bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
