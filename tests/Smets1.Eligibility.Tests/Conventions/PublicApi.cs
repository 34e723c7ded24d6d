using System.Runtime.CompilerServices;
using System.Reflection;
using System.Text;

namespace Smets1.Eligibility.Tests.Conventions;

/// <summary>
/// Renders an assembly's public surface as sorted text and compares it with its approved file in
/// <c>tests/Smets1.Eligibility.Tests/Conventions</c>. Set <c>SMETS1_ACCEPT_API=1</c> to write the approved file
/// after a deliberate change.
/// </summary>
internal static class PublicApi
{
    public static void Verify(Assembly assembly)
    {
        var actual = Render(assembly);
        var approvedPath = RepositoryRoot.Combine("tests", "Smets1.Eligibility.Tests", "Conventions", assembly.GetName().Name + ".approved.txt");
        if (Environment.GetEnvironmentVariable("SMETS1_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != actual)
        {
            var receivedPath = Path.ChangeExtension(approvedPath, null) + ".received.txt";
            receivedPath = receivedPath.Replace(".approved.received", ".received", StringComparison.Ordinal);
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The public API of {assembly.GetName().Name} changed. Compare {receivedPath} with {approvedPath}; " +
                "if the change is intended, rerun with SMETS1_ACCEPT_API=1 and commit the approved file.");
        }
    }

    public static string Render(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add(Describe(type));
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = new List<string>();
            foreach (var member in type.GetMembers(flags))
            {
                var text = member switch
                {
                    ConstructorInfo c when Visible(c) => $"ctor({Parameters(c.GetParameters())})",
                    MethodInfo m when Visible(m) && !m.IsSpecialName => $"{(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m.GetParameters())})",
                    MethodInfo m when Visible(m) && m.Name.StartsWith("op_", StringComparison.Ordinal) => $"static {Name(m.ReturnType)} {m.Name}({Parameters(m.GetParameters())})",
                    PropertyInfo p when Visible(p.GetMethod) || Visible(p.SetMethod) => $"{(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{ {Accessors(p)}}}",
                    FieldInfo f when (f.IsPublic || f.IsFamily) && !f.IsSpecialName => type.IsEnum ? $"{f.Name} = {f.GetRawConstantValue()}" : $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{Name(f.FieldType)} {f.Name}",
                    EventInfo e when Visible(e.AddMethod) => $"event {Name(e.EventHandlerType!)} {e.Name}",
                    _ => null,
                };
                if (text is not null)
                {
                    members.Add("    " + text);
                }
            }

            members.Sort(StringComparer.Ordinal);
            lines.AddRange(members);
        }

        return string.Join("\n", lines) + "\n";
    }

    private static bool Visible(MethodBase? method) => method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

    private static string Accessors(PropertyInfo p)
    {
        var builder = new StringBuilder();
        if (Visible(p.GetMethod))
        {
            builder.Append("get; ");
        }

        if (Visible(p.SetMethod))
        {
            var isInit = p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            builder.Append(isInit ? "init; " : "set; ");
        }

        return builder.ToString();
    }

    private static string Describe(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly struct" : "struct")
            : type.IsAbstract && type.IsSealed ? "static class" : type.IsSealed ? "sealed class" : type.IsAbstract ? "abstract class" : "class";
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal));
        return $"{kind} {Name(type)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}";
    }

    private static string Generic(MethodInfo m) => m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(ParameterInfo[] parameters) =>
        string.Join(", ", parameters.Select(p => $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : string.Empty)}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (type.IsGenericType)
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }
}
