namespace ChatPS.Automation
{
    /// <summary>
    /// The PowerShell <c>ErrorCategory</c> values ChatPS uses, by the same names, so the classification
    /// lives here (testable without a PowerShell runtime) and the module only converts the name.
    /// </summary>
    public enum ChatErrorCategory
    {
        /// <summary>NotSpecified.</summary>
        NotSpecified,

        /// <summary>AuthenticationError: bad token or password.</summary>
        AuthenticationError,

        /// <summary>PermissionDenied: authenticated but not allowed.</summary>
        PermissionDenied,

        /// <summary>ObjectNotFound: no such user, guild, pack.</summary>
        ObjectNotFound,

        /// <summary>InvalidArgument: refused input, locally or by the service.</summary>
        InvalidArgument,

        /// <summary>ResourceExists: a name or e-mail is taken.</summary>
        ResourceExists,

        /// <summary>LimitsExceeded: rate limited after retries.</summary>
        LimitsExceeded,

        /// <summary>ConnectionError: the service could not be reached.</summary>
        ConnectionError,

        /// <summary>OperationTimeout: no answer in time.</summary>
        OperationTimeout,

        /// <summary>ResourceUnavailable: the service failed (5xx).</summary>
        ResourceUnavailable,

        /// <summary>InvalidResult: the reply could not be read.</summary>
        InvalidResult,

        /// <summary>InvalidOperation: not connected, or no credential.</summary>
        InvalidOperation,

        /// <summary>ReadError: a local file could not be read.</summary>
        ReadError,

        /// <summary>SecurityError: the server's certificate was not trusted, or the TLS handshake failed.</summary>
        SecurityError,
    }
}
