using System.Text.Json.Serialization;
using ChatPS.Kook;
using ChatPS.Kook.Models;
using ChatPS.Tomon.Models;

namespace ChatPS.Json
{
    /// <summary>
    /// Compile-time JSON metadata for every type ChatPS reads from a reply. Without it, System.Text.Json builds
    /// each type's contract by reflection on first use and emits accessors that the JIT then compiles: tens of
    /// milliseconds that a scheduled task, which starts a fresh process every time, pays on its first call.
    /// </summary>
    /// <remarks>
    /// Register every <see cref="ApiModel"/>: KOOK models also wrapped in <see cref="KookEnvelope{T}"/> (how
    /// replies are read), Tomon models also as arrays (list endpoints). A unit test enumerates the models in the
    /// assembly and fails for one missing here. A type not registered still works through the reflection
    /// resolver <see cref="ChatJson.Options"/> falls back to (user-supplied request bodies take that path),
    /// only slower on first use. The options here mirror <see cref="ChatJson.Options"/>, which are what apply.
    /// </remarks>
    [JsonSourceGenerationOptions(
        GenerationMode = JsonSourceGenerationMode.Metadata,
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(KookUser))]
    [JsonSerializable(typeof(KookEnvelope<KookUser>))]
    [JsonSerializable(typeof(KookOnlineStatus))]
    [JsonSerializable(typeof(KookEnvelope<KookOnlineStatus>))]
    [JsonSerializable(typeof(KookTagInfo))]
    [JsonSerializable(typeof(KookEnvelope<KookTagInfo>))]
    [JsonSerializable(typeof(TomonUser))]
    [JsonSerializable(typeof(TomonUser[]))]
    [JsonSerializable(typeof(TomonGuild))]
    [JsonSerializable(typeof(TomonGuild[]))]
    [JsonSerializable(typeof(TomonDirectChannel))]
    [JsonSerializable(typeof(TomonDirectChannel[]))]
    [JsonSerializable(typeof(TomonInvite))]
    [JsonSerializable(typeof(TomonInvite[]))]
    [JsonSerializable(typeof(TomonReport))]
    [JsonSerializable(typeof(TomonReport[]))]
    [JsonSerializable(typeof(TomonStampPack))]
    [JsonSerializable(typeof(TomonStampPack[]))]
    [JsonSerializable(typeof(TomonStampPackEntry))]
    [JsonSerializable(typeof(TomonStampPackEntry[]))]
    [JsonSerializable(typeof(TomonGuildSettings))]
    [JsonSerializable(typeof(TomonGuildSettings[]))]
    [JsonSerializable(typeof(TomonChannelOverride))]
    [JsonSerializable(typeof(TomonChannelOverride[]))]
    internal sealed partial class ChatJsonContext : JsonSerializerContext
    {
    }
}
