using System;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Tomon;

namespace ChatPS.Automation
{
    /// <summary>How a failure becomes a PowerShell error: its stable id, its category, and whether it stops the command.</summary>
    public readonly struct ErrorClassification
    {
        /// <summary>Creates a classification.</summary>
        public ErrorClassification(string errorId, ChatErrorCategory category, bool terminating)
        {
            ErrorId = errorId;
            Category = category;
            Terminating = terminating;
        }

        /// <summary>Stable id, e.g. <c>ChatPS.Kook.40000</c>, <c>ChatPS.Tomon.Http422</c>, <c>ChatPS.Tomon.Evidence.NotAnImage</c>.</summary>
        public string ErrorId { get; }

        /// <summary>The PowerShell category.</summary>
        public ChatErrorCategory Category { get; }

        /// <summary>
        /// True for failures that make every further item fail the same way (bad credentials, an unreachable
        /// service, no connection); false for failures of one item, which let the rest of the pipeline run.
        /// </summary>
        public bool Terminating { get; }
    }

    /// <summary>The single mapping from exceptions to PowerShell error ids and categories.</summary>
    public static class ErrorClassifier
    {
        /// <summary>Classifies <paramref name="exception"/>.</summary>
        public static ErrorClassification Classify(Exception exception)
        {
            switch (exception)
            {
                case ChatApiException api:
                    return new ErrorClassification(api.ErrorId, IsKookLookupMiss(api) ? ChatErrorCategory.ObjectNotFound : Category(api.Kind), IsTerminating(api.Kind));
                case ReportEvidenceException evidence:
                    return new ErrorClassification("ChatPS.Tomon.Evidence." + evidence.Problem,
                        evidence.Problem == EvidenceProblem.Unreadable ? ChatErrorCategory.ReadError
                        : evidence.Problem == EvidenceProblem.NotFound ? ChatErrorCategory.ObjectNotFound
                        : ChatErrorCategory.InvalidArgument, false);
                case NotConnectedException notConnected:
                    return new ErrorClassification("ChatPS." + notConnected.Platform + ".NotConnected", ChatErrorCategory.InvalidOperation, true);
                case MissingCredentialException _:
                    return new ErrorClassification("ChatPS.MissingCredential", ChatErrorCategory.AuthenticationError, true);
                case ArgumentException _:
                    return new ErrorClassification("ChatPS.InvalidArgument", ChatErrorCategory.InvalidArgument, false);
                case System.IO.IOException _:
                case UnauthorizedAccessException _:
                    // A local file (report evidence) became unreadable after it was checked.
                    return new ErrorClassification("ChatPS.ReadError", ChatErrorCategory.ReadError, false);
                default:
                    return new ErrorClassification("ChatPS.UnexpectedError", ChatErrorCategory.NotSpecified, true);
            }
        }

        /// <summary>
        /// True for KOOK's business error 40000 on a lookup by id (<c>user/view</c>). KOOK has one code for "no such user",
        /// "not in this guild" and "bad argument" (HTTP 200, <c>data: {}</c>); the module validates ids before sending, so what
        /// remains on a lookup is a user that is not there, and a script should see <c>ObjectNotFound</c> as
        /// Get-ADUser reports a missing user. The ErrorId stays <c>ChatPS.Kook.40000</c>: KOOK's code is the stable name.
        /// </summary>
        public static bool IsKookLookupMiss(ChatApiException exception) =>
            exception != null && exception.Platform == ChatPlatform.Kook && exception.ApiCode == "40000" &&
            string.Equals(exception.Path.Trim('/'), KookUsersClient.ViewPath, StringComparison.OrdinalIgnoreCase);

        /// <summary>The category for an error kind.</summary>
        public static ChatErrorCategory Category(ChatErrorKind kind) => kind switch
        {
            ChatErrorKind.Authentication => ChatErrorCategory.AuthenticationError,
            ChatErrorKind.PermissionDenied => ChatErrorCategory.PermissionDenied,
            ChatErrorKind.NotFound => ChatErrorCategory.ObjectNotFound,
            ChatErrorKind.InvalidArgument => ChatErrorCategory.InvalidArgument,
            ChatErrorKind.Conflict => ChatErrorCategory.ResourceExists,
            ChatErrorKind.RateLimited => ChatErrorCategory.LimitsExceeded,
            ChatErrorKind.ServerError => ChatErrorCategory.ResourceUnavailable,
            ChatErrorKind.InvalidResponse => ChatErrorCategory.InvalidResult,
            // A limit the user can raise (-MaximumResponseSize), as a rate limit is one they can wait out.
            ChatErrorKind.ResponseTooLarge => ChatErrorCategory.LimitsExceeded,
            ChatErrorKind.Connection => ChatErrorCategory.ConnectionError,
            ChatErrorKind.Timeout => ChatErrorCategory.OperationTimeout,
            ChatErrorKind.ProxyAuthentication => ChatErrorCategory.AuthenticationError,
            ChatErrorKind.Security => ChatErrorCategory.SecurityError,
            _ => ChatErrorCategory.NotSpecified,
        };

        /// <summary>Authentication (by the service or the proxy), TLS and connection failures end the command; the rest are per item.</summary>
        public static bool IsTerminating(ChatErrorKind kind) =>
            kind == ChatErrorKind.Authentication || kind == ChatErrorKind.Connection || kind == ChatErrorKind.Timeout ||
            kind == ChatErrorKind.ProxyAuthentication || kind == ChatErrorKind.Security;
    }
}
