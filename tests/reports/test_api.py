"""The partner API, through DRF's test client, and its OpenAPI schema validated against its own responses."""

import jsonschema
import pytest
import yaml
from django.core.cache import cache
from django.core.management import call_command
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from rest_framework.test import APIClient

from reports import services
from reports.models import PartnerApiToken
from tests.factories import UserFactory, district
from tests.reports.conftest import D, complete

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def partner_lead(db):
    return UserFactory(groups=["Partner leads"], job_title="Safeguarding lead")


@pytest.fixture
def token(partner_lead):
    _token, secret = services.create_api_token(partner_lead, "Dashboard")
    return secret


@pytest.fixture
def api(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


@pytest.fixture
def schema():
    response = APIClient().get("/api/v1/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def validate(schema: dict, path: str, status: int, body) -> None:
    """Validate a response body against the schema's response for (path, GET, status)."""
    operation = schema["paths"][path]["get"]
    response_schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    registry = Registry().with_resource("urn:api", Resource(contents=schema, specification=DRAFT202012))
    wrapped = {**response_schema, "$schema": "https://json-schema.org/draft/2020-12/schema"}
    validator = jsonschema.Draft202012Validator(
        _rebase(wrapped), registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(body)


def _rebase(node):
    """Point the schema's local references ("#/components/...") at the whole document registered as urn:api."""
    if isinstance(node, dict):
        return {k: (f"urn:api{v}" if k == "$ref" and v.startswith("#") else _rebase(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rebase(v) for v in node]
    return node


def test_measures_by_district_are_suppressed_and_match_the_schema(api, schema, courses, person):
    for _ in range(6):
        complete(person(district=district("fenland")), courses["awareness"], D(2025, 5, 1))
    complete(person(district=district("peterborough")), courses["awareness"], D(2025, 5, 1))
    response = api.get("/api/v1/measures/?period=2025-26-Q1&by=district")
    assert response.status_code == 200
    body = response.json()
    validate(schema, "/api/v1/measures/", 200, body)
    rows = {row["key"]: row for row in body["rows"]}
    assert rows["peterborough"]["professionals_trained"] == "<5"
    assert rows["fenland"]["professionals_trained"] == "[c]"  # else 7 - 6 would give Peterborough away
    assert body["total"]["professionals_trained"] == 7
    assert body["status"] == "provisional"


def test_a_frozen_quarter_is_served_from_the_snapshot_as_final(api, schema, courses, person):
    for _ in range(5):
        complete(person(), courses["awareness"], D(2025, 5, 1))
    call_command("snapshot_measures", "--period", "2025-26-Q1")
    complete(person(), courses["awareness"], D(2025, 5, 2))  # after freezing: live only
    body = api.get("/api/v1/measures/?period=2025-26-Q1").json()
    validate(schema, "/api/v1/measures/", 200, body)
    assert body["status"] == "final"
    assert body["total"]["professionals_trained"] == 5


def test_periods_list_quarters_and_years_with_their_status(api, schema, courses, person):
    complete(person(), courses["awareness"], D(2024, 5, 1))
    call_command("snapshot_measures", "--period", "2024-25-Q1")
    body = api.get("/api/v1/periods/").json()
    validate(schema, "/api/v1/periods/", 200, body)
    periods = {p["label"]: p for p in body["periods"]}
    assert periods["2024-25-Q1"]["status"] == "final"
    assert periods["2024-25"]["kind"] == "year"
    assert periods["2024-25-Q1"]["measures_url"].endswith("/api/v1/measures/?period=2024-25-Q1")


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        ("period=2025-26-Q5", "unknown_period", "quarters Q1 to Q4"),
        ("period=next-year", "unknown_period", "not a period"),
        ("", "unknown_period", "Give a period"),
        ("from=2025-06-01&to=2025-05-01", "unknown_period", "is after the end date"),
        ("period=2025-26-Q1&by=postcode", "bad_breakdown", "not a breakdown"),
    ],
)
def test_bad_input_is_a_400_with_a_json_message(api, schema, query, code, message):
    response = api.get(f"/api/v1/measures/?{query}")
    assert response.status_code == 400
    body = response.json()
    validate(schema, "/api/v1/measures/", 400, body)
    assert body["code"] == code
    assert message in body["message"]


@pytest.mark.parametrize(
    ("header", "code"),
    [
        (None, "not_authenticated"),
        ("Bearer", "malformed_token"),
        ("Basic dXNlcjpwYXNz", "malformed_token"),
        ("Bearer not-a-token", "malformed_token"),
        ("Bearer dasv_" + "x" * 43, "unknown_token"),
    ],
)
def test_missing_or_malformed_tokens_are_a_401_with_a_json_message(schema, header, code):
    client = APIClient()
    if header:
        client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get("/api/v1/measures/?period=2025-26-Q1")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    validate(schema, "/api/v1/measures/", 401, body)
    assert body["code"] == code and body["message"]


def test_a_revoked_token_stops_working(api, partner_lead, schema):
    assert api.get("/api/v1/periods/").status_code == 200
    services.revoke_api_token(PartnerApiToken.objects.get(user=partner_lead), by=partner_lead)
    response = api.get("/api/v1/periods/")
    assert response.status_code == 401
    assert response.json()["code"] == "revoked_token"
    assert "revoked" in response.json()["message"]


def test_a_token_of_someone_who_is_no_longer_a_partner_lead_is_refused(api, partner_lead, schema):
    partner_lead.groups.clear()
    response = api.get("/api/v1/periods/")
    assert response.status_code == 403
    validate(schema, "/api/v1/periods/", 403, response.json())


def test_the_api_is_rate_limited_per_token(api, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"partner_api": "3/minute"}}
    statuses = [api.get("/api/v1/periods/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v1/periods/")
    assert response.json()["code"] == "throttled"
    assert "Retry-After" in response


def test_only_a_hash_of_the_token_is_stored(token, partner_lead):
    stored = PartnerApiToken.objects.get(user=partner_lead)
    assert token not in (stored.key_hash, stored.prefix)
    assert stored.key_hash == services.hash_token(token)
    assert token.startswith("dasv_" + stored.prefix)


def test_unknown_api_addresses_are_json_404s():
    response = APIClient().get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_schema_is_openapi_3_and_documents_the_partner_endpoints_only(schema):
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {"/api/v1/measures/", "/api/v1/periods/"}
    assert "partnerToken" in schema["components"]["securitySchemes"]


def test_the_docs_page_explains_the_api_to_people(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Authorization: Bearer" in text
    assert "professionals_trained" in text
    assert "unknown_period" in text
