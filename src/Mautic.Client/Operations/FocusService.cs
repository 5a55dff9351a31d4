namespace Mautic.Client.Operations
{
    /// <summary>What focus items have beyond the standard routes: the embed script Mautic generates for one.</summary>
    public sealed class FocusService : EntityService
    {
        public FocusService(MauticClient client) : base(client, MauticResources.Focus) { }

        /// <summary>
        /// POST focus/{id}/js: the JavaScript text that shows the item on a page. Mautic 5.1.0 answers an unknown id
        /// with its generic 500, so a 500 is checked with GET focus/{id}, whose 404 names the id.
        /// </summary>
        public string Script(long id, CancellationToken ct = default)
        {
            CheckId(id);
            try
            {
                var body = Client.Send(MauticRequest.Post(Resource.Route + "/" + id.ToString(CultureInfo.InvariantCulture) + "/js"), ct).Body;
                return body?["js"]?.ToString();
            }
            catch (MauticApiException e) when (e.StatusCode == 500)
            {
                Get(id, ct);
                throw;
            }
        }
    }
}
