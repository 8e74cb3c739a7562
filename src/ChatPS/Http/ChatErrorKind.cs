namespace ChatPS.Http
{
    /// <summary>
    /// What went wrong, independent of platform. The module maps each kind to one PowerShell
    /// <c>ErrorCategory</c>, so this is the one place a failure is classified.
    /// </summary>
    public enum ChatErrorKind
    {
        /// <summary>Not classified.</summary>
        Unknown = 0,

        /// <summary>Bad or missing token, wrong password (HTTP 401, KOOK 401xx).</summary>
        Authentication,

        /// <summary>Authenticated but not allowed (HTTP 403, KOOK 403xx).</summary>
        PermissionDenied,

        /// <summary>The target does not exist (HTTP 404).</summary>
        NotFound,

        /// <summary>The request was rejected as invalid (HTTP 400/422, KOOK 400xx).</summary>
        InvalidArgument,

        /// <summary>The target already exists or clashes with another (Tomon 400 on name/email conflict, HTTP 409).</summary>
        Conflict,

        /// <summary>Rate limited (HTTP 429) and retries were exhausted.</summary>
        RateLimited,

        /// <summary>The server failed (HTTP 5xx).</summary>
        ServerError,

        /// <summary>The reply could not be understood (not JSON, truncated, wrong shape).</summary>
        InvalidResponse,

        /// <summary>
        /// The reply is larger than <see cref="ConnectionOptions.MaximumResponseSize"/> (after decompression) and was not
        /// read to its end.
        /// </summary>
        ResponseTooLarge,

        /// <summary>The server could not be reached or the connection broke.</summary>
        Connection,

        /// <summary>No reply within the timeout.</summary>
        Timeout,

        /// <summary>The proxy refused the request: it wants credentials, and got wrong ones or none (HTTP 407).</summary>
        ProxyAuthentication,

        /// <summary>The TLS handshake failed: the server's certificate is not trusted, or no protocol was agreed.</summary>
        Security,
    }
}
