namespace MauticPS.InProcess;

public static partial class RouteCases
{
    /// <summary>A form with an e-mail field mapped to the contact, submitted once through the fake's public /form/submit.</summary>
    const string SubmittedForm =
        "$f = New-MauticForm -Name \"rc-$(Uid)\" -Field @{ label = 'Email'; type = 'email'; alias = 'email'; mappedObject = 'contact'; mappedField = 'email' }; " +
        "$posted = [System.Collections.Generic.Dictionary[string,string]]::new(); $posted['mauticform[email]'] = \"rc-$(Uid)@example.com\"; $posted['mauticform[formId]'] = \"$($f.id)\"; $posted['mauticform[return]'] = ''; " +
        "$answer = [System.Net.Http.HttpClient]::new().PostAsync(\"$BaseUrl/form/submit?formId=$($f.id)\", [System.Net.Http.FormUrlEncodedContent]::new($posted)).GetAwaiter().GetResult(); if (-not $answer.IsSuccessStatusCode) { throw \"form/submit: $($answer.StatusCode)\" }; ";

    static readonly RouteCase[] Forms =
    [
        new("DELETE", "/api/forms/{formId}/fields/delete",
            "$f = New-MauticForm -Name \"rc-$(Uid)\" -Field @{ label = 'A'; type = 'text' }; Remove-MauticFormField -FormId $f.id -FieldId $f.fields[0].id -Force"),
        new("DELETE", "/api/forms/{formId}/actions/delete",
            "$f = New-MauticForm -Name \"rc-$(Uid)\" -Action @{ name = 'P'; type = 'lead.pointschange'; properties = @{ operator = 'plus'; points = 1 } }; Remove-MauticFormAction -FormId $f.id -ActionId $f.actions[0].id -Force"),
        new("GET", "/api/forms/{formId}/submissions", SubmittedForm + "if (-not (Get-MauticFormSubmission -FormId $f.id)) { throw 'no submission' }"),
        new("GET", "/api/forms/{formId}/submissions/contact/{contactId}",
            SubmittedForm + "$s = Get-MauticFormSubmission -FormId $f.id; if (-not (Get-MauticFormSubmission -FormId $f.id -ContactId $s.contactId)) { throw 'no submission' }"),
        new("GET", "/api/forms/{formId}/submissions/{submissionId}",
            SubmittedForm + "$s = Get-MauticFormSubmission -FormId $f.id; Get-MauticFormSubmission -FormId $f.id -SubmissionId $s.id"),
    ];
}
