namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Adds points to contacts (or subtracts, multiplies, divides), or to their score in a point group; one request per contact.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticContactPoint", SupportsShouldProcess = true, DefaultParameterSetName = ContactSet, HelpUri = MauticHelp.Online + "Add-MauticContactPoint.md")]
    [OutputType("Mautic.Contact", "Mautic.ContactPointGroupScore")]
    public sealed class AddMauticContactPoint : ContactPointCmdlet
    {
        /// <summary>Add (default), Subtract, Multiply or Divide; '+', '-', '*' and '/' mean the same.</summary>
        [Parameter]
        [ValidateSet("Add", "Subtract", "Multiply", "Divide", "+", "-", "*", "/")]
        public string Operator { get; set; } = "Add";

        /// <summary>The event name Mautic logs with the change (default: the operator, e.g. "add (+)").</summary>
        [Parameter] public string EventName { get; set; }
        /// <summary>The action name Mautic logs with the change (default: API).</summary>
        [Parameter] public string ActionName { get; set; }

        PointOperator Op
        {
            get
            {
                switch (Operator.ToLowerInvariant())
                {
                    case "subtract": case "-": return PointOperator.Subtract;
                    case "multiply": case "*": return PointOperator.Multiply;
                    case "divide": case "/": return PointOperator.Divide;
                    default: return PointOperator.Add;
                }
            }
        }

        // Refuses a division by zero before anything is sent.
        protected override void Begin() => ContactExtrasService.UrlOperator(Op, Points, Group.HasValue);

        protected override string Action => $"{Op} {Points} point(s){(Group.HasValue ? " in point group " + Group : "")}";

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.ContactExtras.AdjustPoints(items, Op, Points, Group, EventName, ActionName, readBack: PassThru, OneByOne, CancellationToken);
    }
}
