using AntDesign;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Components.Shared;

/// <summary>Puts a handler's field errors under the form fields they belong to.</summary>
public static class FormErrors
{
    /// <summary>
    /// Shows each field error under its form item (<paramref name="fields"/> maps the handler's field name to the model
    /// property) and returns the text for whatever has no field on the form, for an alert above it.
    /// </summary>
    public static string Apply<TModel>(Form<TModel>? form, Error error, IReadOnlyDictionary<string, string> fields)
    {
        var unplaced = new List<string>();
        foreach (var (field, problems) in error.Fields)
        {
            // Identity reports each password rule separately; in Chinese they share one sentence.
            var messages = problems.Select(OrgText.Message).Distinct(StringComparer.Ordinal).ToArray();
            if (form is not null && fields.TryGetValue(field, out var property))
            {
                form.SetValidationMessages(property, messages);
            }
            else
            {
                unplaced.AddRange(messages);
            }
        }

        return unplaced.Count == 0 ? OrgText.Message(error) : OrgText.Message(error) + " " + string.Join(" ", unplaced.Distinct(StringComparer.Ordinal));
    }
}
