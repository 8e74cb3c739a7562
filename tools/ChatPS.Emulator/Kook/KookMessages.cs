using System;

namespace ChatPS.Emulator.Kook;

/// <summary>KOOK's messages, localised by <c>Accept-Language</c> as the real service does (Chinese by default).</summary>
internal static class KookMessages
{
    public static string Get(string? acceptLanguage, string key)
    {
        bool english = acceptLanguage != null && acceptLanguage.TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        return (key, english) switch
        {
            ("ok", false) => "操作成功",
            ("ok", true) => "Success",
            ("unauthorized", false) => "你的用户凭证不正确",
            ("unauthorized", true) => "Your credentials are invalid",
            ("forbidden", false) => "你没有权限进行此操作",
            ("forbidden", true) => "You do not have permission to perform this action",
            ("server_error", false) => "系统错误",
            ("server_error", true) => "System error",
            ("rate", false) => "请求过于频繁",
            ("rate", true) => "Too many requests",
            ("user_id", false) => "user_id 字段是必须的",
            ("user_id", true) => "The user_id field is required",
            ("bad_id", false) => "参数格式不正确",
            ("bad_id", true) => "Invalid parameter format",
            ("no_user", false) => "用户不存在",
            ("no_user", true) => "User does not exist",
            ("no_guild", false) => "服务器不存在",
            ("no_guild", true) => "Guild does not exist",
            ("method", false) => "请求方式不正确",
            ("method", true) => "Method not allowed",
            ("not_found", false) => "接口不存在",
            ("not_found", true) => "No such endpoint",
            _ => key,
        };
    }
}
