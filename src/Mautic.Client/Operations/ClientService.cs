namespace Mautic.Client.Operations
{
    /// <summary>Operations beyond an area's standard routes (users, files, themes, memberships, ...), over one client.</summary>
    public abstract class ClientService
    {
        protected ClientService(MauticClient client) => Client = client ?? throw new ArgumentNullException(nameof(client));

        protected MauticClient Client { get; }
    }
}
