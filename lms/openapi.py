"""drf-spectacular hooks: the published schema covers the partner API only."""


def only_partner_api(endpoints, **kwargs):
    """Drop Wagtail's internal admin API from the schema (it is not ours to document)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
