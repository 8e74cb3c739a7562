namespace ChatPS.Http
{
    /// <summary>What differs between platforms below the resource clients: the auth scheme and how an error body reads.</summary>
    internal interface IApiProtocol
    {
        /// <summary>The platform.</summary>
        ChatPlatform Platform { get; }

        /// <summary>The Authorization scheme, e.g. <c>Bot</c> or <c>Bearer</c>.</summary>
        string AuthorizationScheme { get; }

        /// <summary>Reads a non-2xx response into an error description.</summary>
        ApiError ReadError(ApiResponse response);
    }

    /// <summary>A platform error before it becomes an exception.</summary>
    internal readonly struct ApiError
    {
        public ApiError(ChatErrorKind kind, string? code, string? message)
        {
            Kind = kind;
            Code = ChatApiException.Shorten(code, 100);
            // Shortened here too: the message also goes into a log line before it becomes an exception.
            Message = ChatApiException.Shorten(message);
        }

        public ChatErrorKind Kind { get; }
        public string? Code { get; }
        public string? Message { get; }

        /// <summary>The classification of an HTTP status when the body says nothing more specific.</summary>
        public static ChatErrorKind KindOfStatus(int status) => status switch
        {
            400 => ChatErrorKind.InvalidArgument,
            401 => ChatErrorKind.Authentication,
            403 => ChatErrorKind.PermissionDenied,
            404 => ChatErrorKind.NotFound,
            409 => ChatErrorKind.Conflict,
            422 => ChatErrorKind.InvalidArgument,
            429 => ChatErrorKind.RateLimited,
            _ when status >= 500 => ChatErrorKind.ServerError,
            _ when status >= 400 => ChatErrorKind.InvalidArgument,
            _ => ChatErrorKind.Unknown,
        };
    }
}
