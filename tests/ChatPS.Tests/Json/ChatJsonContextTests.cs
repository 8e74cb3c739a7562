using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatPS.Json;
using ChatPS.Kook;

namespace ChatPS.Tests.Json;

/// <summary>
/// Every model ChatPS reads must have compile-time metadata (a model added without registering it in
/// <see cref="ChatJsonContext"/> would silently fall back to reflection, and cost a fresh process its first call),
/// and that metadata must describe the same contract reflection would.
/// </summary>
[Trait("Category", "Unit")]
public class ChatJsonContextTests
{
    public static TheoryData<Type> ReadTypes()
    {
        var data = new TheoryData<Type>();
        var models = typeof(ApiModel).Assembly.GetTypes()
            .Where(t => typeof(ApiModel).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var model in models)
        {
            data.Add(model);
            // KOOK replies are read through the envelope; Tomon list endpoints return arrays.
            if (model.Namespace == "ChatPS.Kook.Models") data.Add(typeof(KookEnvelope<>).MakeGenericType(model));
            else if (model.Namespace == "ChatPS.Tomon.Models") data.Add(model.MakeArrayType());
            else throw new InvalidOperationException($"{model.FullName}: a model outside the KOOK and Tomon model namespaces; register it in ChatJsonContext and extend this test.");
        }
        return data;
    }

    [Fact]
    public void The_assembly_has_models_to_check()
    {
        Assert.True(ReadTypes().Count >= 10);
    }

    [Theory]
    [MemberData(nameof(ReadTypes))]
    public void Every_model_has_compile_time_metadata(Type type)
    {
        Assert.True(ChatJsonContext.Default.GetTypeInfo(type) is not null,
            $"{type} has no source-generated metadata: add [JsonSerializable(typeof({type.Name}))] to ChatJsonContext.");
    }

    [Theory]
    [MemberData(nameof(ReadTypes))]
    public void Compiled_metadata_describes_the_same_contract_as_reflection(Type type)
    {
        var reflection = new JsonSerializerOptions(ChatJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var compiled = ChatJson.Options.GetTypeInfo(type);
        var expected = reflection.GetTypeInfo(type);

        Assert.Equal(expected.Kind, compiled.Kind);
        Assert.Equal(Describe(expected), Describe(compiled));
    }

    [Fact]
    public void Internal_members_marked_for_json_are_included()
    {
        // ApiModel's extension data may become internal with [JsonInclude]; the compiled contract must keep it.
        var info = ChatJson.Options.GetTypeInfo(typeof(ChatPS.Kook.Models.KookUser));
        var extension = info.Properties.Where(p => p.IsExtensionData).ToList();
        Assert.Single(extension);
        Assert.NotNull(extension[0].Get);
        Assert.NotNull(extension[0].Set);
    }

    private static string[] Describe(JsonTypeInfo info) => info.Properties
        .Select(p => $"{p.Name}:{p.PropertyType}:{p.IsExtensionData}:{p.CustomConverter?.GetType().Name}:{p.Get is not null}:{p.Set is not null}")
        .OrderBy(s => s, StringComparer.Ordinal)
        .ToArray();
}
