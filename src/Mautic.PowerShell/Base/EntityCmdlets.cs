namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Get-Mautic&lt;Area&gt; for any row of the resource table: by id (piped ids, records or rows with an Id column),
    /// or a streamed, paged list. A per-area cmdlet only names its <see cref="Area"/>.
    /// </summary>
    public abstract class GetEntityCmdlet : MauticListCmdlet, IAreaCmdlet
    {
        protected const string ById = "ById";

        protected abstract MauticResource Area { get; }
        MauticResource IAreaCmdlet.Area => Area;

        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AreaRecordCompleter))]
        [ValidateRange(1L, long.MaxValue)]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ById)]
        public PSObject InputObject { get; set; }

        /// <summary>Whether each record is written with its uuid (<see cref="GetUuidEntityCmdlet"/>'s -IncludeUuid).</summary>
        protected virtual bool WantsUuid => false;

        protected override void Begin() => IncludeUuids(Area, WantsUuid);

        protected override void Process()
        {
            var service = Conn.Area(Area);
            if (ParameterSetName != ById)
            {
                WriteList(service.List(BuildQuery(), CancellationToken), "Reading Mautic " + Area.Route);
                return;
            }
            if (!AcceptsPiped(InputObject, Area.Noun, new[] { Area.TypeName })) return;
            ForEachId(Id, id => WriteRecord(service.Get(id, CancellationToken)));
        }
    }

    /// <summary>
    /// Get-Mautic&lt;Area&gt; for an area whose records Mautic 7 gives a uuid (its row names a
    /// <see cref="MauticResource.V2Route"/>; a module test holds the two equal): adds -IncludeUuid.
    /// </summary>
    public abstract class GetUuidEntityCmdlet : GetEntityCmdlet
    {
        /// <summary>
        /// Adds each record's uuid, which only Mautic 7's v2 API shows: one more request per record asked for by id, one
        /// per 30 records of a listing. Needs Mautic 7.0 or later, and Basic authentication (v2 refuses client-credentials tokens).
        /// </summary>
        [Parameter]
        public SwitchParameter IncludeUuid { get; set; }

        protected override bool WantsUuid => IncludeUuid;
    }

    /// <summary>
    /// What New- and Set-Mautic&lt;Area&gt; share: piped rows, -Property, -Name and -Description, batched writes, and
    /// the area's own parameters (<see cref="AreaParameters"/>), which the build makes static parameters of the cmdlet.
    /// </summary>
    public abstract class EntityWriteCmdlet : MauticBulkCmdlet, IAreaCmdlet
    {
        protected abstract MauticResource Area { get; }
        MauticResource IAreaCmdlet.Area => Area;

        /// <summary>The area's own parameters, declared once for its New- and Set- cmdlets; null when it has none.</summary>
        protected virtual AreaParameters Own => null;

        /// <summary>Rows whose properties are the area's field names (Import-Csv rows, hashtables, records).</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>The record's name (the area's name field: companyname for companies, tag for tags).</summary>
        [Parameter]
        public string Name { get; set; }

        [Parameter]
        public string Description { get; set; }

        /// <summary>Any other fields by name: @{ weight = 10 }.</summary>
        [Parameter]
        [Alias("Fields")]
        public Hashtable Property { get; set; }

        protected EntityService Service => Conn.Area(Area);

        /// <summary>
        /// The values of the parameters the build gives a cmdlet for the writable columns of its records' table view
        /// (-IsPublished, -Weight, ...; src/Mautic.Generators, FieldNameAliasGenerator), by field name; sent as given.
        /// </summary>
        protected internal Dictionary<string, object> ShownFields { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

        /// <summary>
        /// Mautic objects of other kinds a piped row may be (an uploaded file for a new asset): accepted, their
        /// properties are not sent as fields, and the area's <see cref="NamedFields"/> reads what it needs from them.
        /// </summary>
        protected virtual string[] OtherPipedKinds => new string[0];

        /// <summary>The piped object when it is one of <see cref="OtherPipedKinds"/>, else null.</summary>
        protected internal PSObject PipedOther => OtherPipedKinds.Contains(PSConvert.MauticKind(InputObject)) ? InputObject : null;
        /// <summary>
        /// The area's own check of a built payload before it is queued (<see cref="AreaParameters.Check"/>: webhook
        /// trigger names): a problem returned is an InvalidArgument error carrying the input, and nothing is sent for it.
        /// </summary>
        protected string CheckPayload(MauticPayload payload) => Own?.Check(payload, Conn, CancellationToken);

        /// <summary>
        /// False, with an InvalidArgument error carrying the value at fault, when the area's own parameters are wrong
        /// as given (a -Channel entry that names no item): nothing is built or sent for this input.
        /// </summary>
        protected bool OwnParametersValid()
        {
            if (Own == null) return true;
            var problem = Own.Problem(out var offending);
            if (problem == null) return true;
            WriteInvalidArgument(problem, offending);
            return false;
        }

        /// <summary>The named parameters as field values: -Name, -Description, the area's own and the shown fields; an area may add more.</summary>
        protected virtual IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            (Own == null ? NameAndDescription() : Own.Fields(NameAndDescription(), this)).Concat(ShownFields);

        IEnumerable<KeyValuePair<string, object>> NameAndDescription()
        {
            if (Name != null) yield return new KeyValuePair<string, object>(Area.NameField, Name);
            if (Description != null) yield return new KeyValuePair<string, object>(Area.DescriptionField, Description);
        }
    }

    /// <summary>
    /// New-Mautic&lt;Area&gt; with the area's own parameters in <typeparamref name="T"/>. The cmdlet class is partial:
    /// src/Mautic.Generators writes its other half, one static parameter per [Parameter] property of
    /// <typeparamref name="T"/>, each reading and writing <see cref="Parameters"/>.
    /// </summary>
    public abstract class NewEntityCmdlet<T> : NewEntityCmdlet where T : AreaParameters, new()
    {
        protected T Parameters { get; } = new T();
        protected override AreaParameters Own => Parameters;
    }

    /// <summary>Set-Mautic&lt;Area&gt; with the area's own parameters in <typeparamref name="T"/>, made static as for New- (<see cref="NewEntityCmdlet{T}"/>).</summary>
    public abstract class SetEntityCmdlet<T> : SetEntityCmdlet where T : AreaParameters, new()
    {
        protected T Parameters { get; } = new T();
        protected override AreaParameters Own => Parameters;
    }

    /// <summary>New-Mautic&lt;Area&gt;: one record per piped row, 200 per batch request.</summary>
    public abstract class NewEntityCmdlet : EntityWriteCmdlet
    {
        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, Area.Noun, new[] { Area.TypeName }.Concat(OtherPipedKinds).ToArray()) || !OwnParametersValid()) return;
            var fromInput = PipedOther != null ? null : PSConvert.PropertiesOf(InputObject);
            var payload = Service.BuildPayload(fromInput, Property, NamedFields(), create: true, out var problem);
            // The payload as the error target carries no secret (a new user's plainPassword, a -Property password).
            var target = InputObject ?? (object)payload.ToRedactedJson();
            if ((problem = problem ?? CheckPayload(payload)) != null) { WriteInvalidArgument(problem, target); return; }
            if (!ShouldProcess(Area.Noun + " '" + (payload[Area.NameField] ?? "") + "'", "Create")) return;
            Enqueue(target, payload, null);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) => Service.Create(items, CancellationToken);
    }

    /// <summary>Set-Mautic&lt;Area&gt;: PATCH by id (only the fields given change), -Replace for PUT; piped input batched.</summary>
    public abstract class SetEntityCmdlet : EntityWriteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AreaRecordCompleter))]
        [ValidateRange(1L, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>PUT instead of PATCH: every field not given is reset to its default.</summary>
        [Parameter]
        public SwitchParameter Replace { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, Area.Noun, new[] { Area.TypeName }) || !OwnParametersValid()) return;
            // A record of this area piped in names the record to change; only a CSV row or hashtable carries values.
            var fromInput = PSConvert.IsMauticType(InputObject, Area.TypeName) ? null : PSConvert.PropertiesOf(InputObject);
            var payload = Service.BuildPayload(fromInput, Property, NamedFields(), create: false, out var problem);
            var target = InputObject ?? (object)Id;
            if (problem != null) { WriteInvalidArgument($"Nothing to change for {Area.Noun} {Id}: give -Name, -Description or -Property.", target); return; }
            if ((problem = CheckPayload(payload)) != null) { WriteInvalidArgument(problem, target); return; }
            if (!ShouldProcess(Area.Noun + " " + Id, Replace ? "Replace" : "Update")) return;
            Enqueue(target, payload, Id);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Service.Update(items, CancellationToken, Replace);
    }

    /// <summary>Remove-Mautic&lt;Area&gt;: deletes by id, 200 per batch request; ConfirmImpact High, -Force skips the prompt.</summary>
    public abstract class RemoveEntityCmdlet : MauticBulkCmdlet, IAreaCmdlet
    {
        protected abstract MauticResource Area { get; }
        MauticResource IAreaCmdlet.Area => Area;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AreaRecordCompleter))]
        [ValidateRange(1L, long.MaxValue)]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, Area.Noun, new[] { Area.TypeName })) return;
            foreach (var id in Id)
                if (ShouldProcessForced(Force, Area.Noun + " " + id, "Delete")) Enqueue(id, null, id);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Area(Area).Delete(items, CancellationToken);
    }
}
