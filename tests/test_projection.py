"""What-if: who would be available if some factors held, as a service and through the API."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from app.db import Database
from app.schemas import StanceData
from app.services import board
from app.services.projection import country_outlook, project, unknown_factor_slugs
from app.services.stances import set_stance

CEASEFIRE = SimpleNamespace(slug="cessation-of-hostilities", name="Cessation of hostilities", state="unmet")
MANDATE = SimpleNamespace(slug="un-mandate", name="UN mandate", state="unmet")
FACTORS = [CEASEFIRE, MANDATE]
PROPOSAL = SimpleNamespace(target_troops=20000, target_troops_approximate=True)


def condition(category: str, state: str = "unmet", factor=None, id: int = 1):
    return SimpleNamespace(id=id, text=f"{category} condition", category=category, state=state, factor=factor)


def stance(code: str, status: str, *conditions, offered=(None, None), committed=None, deployed=None):
    return SimpleNamespace(
        country_code=code, country=SimpleNamespace(name=code.title()), status=status,
        offered_min=offered[0], offered_max=offered[1], committed=committed, deployed=deployed,
        conditions=list(conditions),
    )


# ---- the service --------------------------------------------------------------------------------


def test_azerbaijan_stays_out_when_only_the_ceasefire_is_assumed():
    aze = stance("AZE", "conditional",
                 condition("ceasefire", factor=CEASEFIRE, id=1), condition("domestic_approval", id=2))
    outlook = country_outlook(aze, {"cessation-of-hostilities"})
    assert not outlook.available
    assert [c.category for c in outlook.blocking] == ["domestic_approval"]
    assert [c.category for c in outlook.assumed] == ["ceasefire"]


def test_a_conditional_country_is_available_once_every_condition_holds_or_is_assumed():
    country = stance("IDN", "conditional", condition("ceasefire", factor=CEASEFIRE),
                     condition("mandate", factor=MANDATE), condition("funding", state="met"), offered=(1000, 2000))
    assert not country_outlook(country, set()).available
    assert not country_outlook(country, {"cessation-of-hostilities"}).available
    both = country_outlook(country, {"cessation-of-hostilities", "un-mandate"})
    assert both.available and both.blocking == []
    assert [c.category for c in both.assumed] == ["ceasefire", "mandate"]  # "funding" was met already


def test_a_country_that_committed_troops_is_available_and_nothing_blocks_it():
    """Committed troops count whatever the conditions: the outlook never says a condition keeps out
    a country it counts as available."""
    ita = stance("ITA", "committed", condition("domestic_approval", id=40), offered=(500, 500), committed=500)
    outlook = country_outlook(ita, set())
    assert outlook.available and outlook.blocking == []


def test_unknown_conditions_on_no_factor_keep_a_country_out():
    country = stance("EGY", "conditional", condition("ceasefire", factor=CEASEFIRE), condition("command", "unknown"))
    assert not country_outlook(country, {"cessation-of-hostilities", "un-mandate"}).available


def test_a_conditional_country_without_recorded_conditions_is_not_counted_as_available():
    assert not country_outlook(stance("QAT", "conditional"), {"cessation-of-hostilities"}).available


@pytest.mark.parametrize(("status", "available"), [
    ("deployed", True), ("committed", True), ("considering", False), ("declined", False), ("withdrawn", False),
])
def test_status_decides_for_countries_that_are_not_conditional(status, available):
    country = stance("TUR", status, condition("ceasefire", factor=CEASEFIRE))
    assert country_outlook(country, {"cessation-of-hostilities"}).available is available


def test_projection_totals_count_only_available_countries():
    stances = [
        stance("AAA", "deployed", offered=(100, 300), committed=200, deployed=150),
        stance("BBB", "committed", offered=(None, 500), committed=400),
        stance("CCC", "conditional", condition("ceasefire", factor=CEASEFIRE), offered=(1000, 2000)),
        stance("DDD", "conditional", condition("ceasefire", factor=CEASEFIRE), condition("domestic_approval"),
               offered=(700, 700)),
        stance("EEE", "considering", offered=(5000, 5000)),
        stance("FFF", "declined"),
    ]
    now = project(PROPOSAL, stances, FACTORS, [])
    assert [o.stance.country_code for o in now.available] == ["AAA", "BBB"]
    # BBB's "up to 500" adds 500 to the most offered and nothing to the least, which it does not promise.
    assert (now.totals.offered_min, now.totals.offered_max, now.totals.committed, now.totals.deployed) == (100, 800, 600, 150)
    assert now.not_counted == 2 and now.assumed_factors == []

    ceasefire = project(PROPOSAL, stances, FACTORS, ["cessation-of-hostilities"])
    assert [o.stance.country_code for o in ceasefire.available] == ["AAA", "BBB", "CCC"]
    assert [o.stance.country_code for o in ceasefire.unavailable] == ["DDD"]
    assert (ceasefire.totals.offered_min, ceasefire.totals.offered_max) == (1100, 2800)
    assert ceasefire.totals.target_troops == 20000 and ceasefire.totals.countries == 3
    assert ceasefire.assumed_factors == [CEASEFIRE]


def test_totals_leave_out_troops_a_status_cannot_have():
    """Rows stored before the figure rule: a declined country's troops and a conditional one's
    deployed troops count neither on the board nor in the what-if; nor does the offer of a country
    that has since declined or withdrawn."""
    stances = [
        stance("AAA", "deployed", offered=(100, 300), committed=200, deployed=150),
        stance("CCC", "conditional", condition("ceasefire", factor=CEASEFIRE), offered=(500, 500), committed=300,
               deployed=400),
        stance("FFF", "declined", offered=(100, 100), committed=2000, deployed=5000),
        stance("WWW", "withdrawn", offered=(50, 80), committed=700, deployed=700),
    ]
    everyone = board.totals(PROPOSAL, stances)
    assert (everyone.offered_min, everyone.offered_max, everyone.committed, everyone.deployed) == (600, 800, 500, 150)
    ceasefire = project(PROPOSAL, stances, FACTORS, ["cessation-of-hostilities"])
    assert [o.stance.country_code for o in ceasefire.available] == ["AAA", "CCC"]
    assert (ceasefire.totals.committed, ceasefire.totals.deployed) == (500, 150)


def test_totals_never_show_more_troops_deployed_than_committed_nor_committed_than_offered():
    """Troops on the ground were committed, and committed troops offered, first: a figure left out
    counts as at least the one below it (the least offered stays what was said), so no total can say
    what cannot be true."""
    stances = [
        stance("DDD", "deployed", deployed=300),  # neither an offer nor a commitment given
        stance("EEE", "committed", committed=400),  # no offer given
        stance("GGG", "committed", offered=(100, 200), committed=150),  # the offer's low end below it
    ]
    everyone = board.totals(PROPOSAL, stances)
    assert (everyone.offered_min, everyone.offered_max, everyone.committed, everyone.deployed) == (100, 900, 850, 300)
    assert everyone.deployed <= everyone.committed <= everyone.offered_max
    # DDD is counted among the committed through its deployed figure, and it and EEE at the top of the offers.
    assert everyone.unreported == {"offered": 0, "committed": 0, "deployed": 0}
    assert board.totals(PROPOSAL, [stance("HHH", "deployed")]).unreported == {"offered": 1, "committed": 1,
                                                                                "deployed": 1}


def test_unknown_factor_slugs_are_named():
    assert unknown_factor_slugs(FACTORS, ["un-mandate", "peace", "cessation-of-hostilities", "x"]) == ["peace", "x"]


def test_the_seeded_board_projects_azerbaijan_blocked_by_its_parliament(session):
    day = board.read_board(session, "gaza-isf")
    result = project(day.proposal, day.everyone, day.factors,
                     ["cessation-of-hostilities", "un-mandate", "hamas-disarmament"])
    assert [o.stance.country_code for o in result.countries] == ["AZE"]
    (aze,) = result.countries
    assert not aze.available
    assert [c.category for c in aze.blocking] == ["domestic_approval"]
    assert "parliament" in aze.blocking[0].text
    assert result.not_counted == 5 and result.totals.countries == 0


# ---- the API ----------------------------------------------------------------------------------------


def test_api_projection_with_the_ceasefire_assumed(client):
    reply = client.get("/api/v1/proposals/gaza-isf/projection", params={"factors": "cessation-of-hostilities"})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["factors"] == ["cessation-of-hostilities"]
    assert body["target_troops"] == 20000 and body["target_troops_approximate"] is True
    assert body["available"] == {"countries": 0, "offered_min": 0, "offered_max": 0, "committed": 0, "deployed": 0}
    assert body["not_counted"] == 5
    (aze,) = body["countries"]
    assert aze["country"] == "AZE" and aze["available"] is False
    conditions = {c["category"]: c for c in aze["conditions"]}
    assert conditions["ceasefire"]["holds"] is True and conditions["ceasefire"]["assumed"] is True
    assert conditions["domestic_approval"]["holds"] is False and conditions["domestic_approval"]["factor"] is None
    assert aze["blocking"] == [conditions["domestic_approval"]["id"]]


def test_api_projection_counts_a_country_whose_conditions_all_hang_on_assumed_factors(client, database: Database):
    with database.write_session() as s:
        proposal = board.get_proposal(s, "gaza-isf")
        data = StanceData(
            status="conditional", troops={"offered_min": 1000, "offered_max": 1500},
            conditions=[{"text": "A UN mandate first", "category": "mandate", "state": "unmet", "factor": "un-mandate"},
                        {"text": "The fighting must stop", "category": "ceasefire", "state": "unmet",
                         "factor": "cessation-of-hostilities"}],
            citations=[{"source_id": 1, "quote": "multinational force", "field": "status"}],
        )
        set_stance(s, proposal=proposal, country_code="IDN", data=data, actor="test", via="cli", reason="test")
    only_mandate = client.get("/api/v1/proposals/gaza-isf/projection?factors=un-mandate").json()
    assert only_mandate["available"]["countries"] == 0
    both = client.get("/api/v1/proposals/gaza-isf/projection?factors=un-mandate,cessation-of-hostilities").json()
    assert both["factors"] == ["cessation-of-hostilities", "un-mandate"]  # the proposal's order
    assert [c["country"] for c in both["countries"] if c["available"]] == ["IDN"]
    assert both["available"] == {"countries": 1, "offered_min": 1000, "offered_max": 1500, "committed": 0, "deployed": 0}
    # Repeated, as the board's what-if sends its factors, it is the same question.
    repeated = client.get("/api/v1/proposals/gaza-isf/projection?factors=un-mandate&factors=cessation-of-hostilities")
    assert repeated.json() == both


def test_api_projection_without_factors_is_the_board_as_it_stands(client):
    body = client.get("/api/v1/proposals/gaza-isf/projection").json()
    assert body["factors"] == [] and body["countries"][0]["available"] is False
    assert body == client.get("/api/v1/proposals/gaza-isf/projection?factors=").json()


@pytest.mark.parametrize("factors", ["peace", "un-mandate,peace", "UN-MANDATE", "un mandate"])
def test_api_projection_refuses_unknown_factors_naming_the_parameter(client, factors):
    reply = client.get("/api/v1/proposals/gaza-isf/projection", params={"factors": factors})
    assert reply.status_code == 422, reply.text
    detail = reply.json()["detail"]
    assert any(d["loc"][:2] == ["query", "factors"] for d in detail)


def test_api_projection_of_an_unknown_proposal_is_404(client):
    reply = client.get("/api/v1/proposals/no-such-force/projection?factors=un-mandate")
    assert reply.status_code == 404
    assert "no-such-force" in reply.json()["detail"]


def test_openapi_documents_the_projection_answers(client):
    operation = client.get("/openapi.json").json()["paths"]["/api/v1/proposals/{slug}/projection"]["get"]
    assert {"200", "404", "422"} <= set(operation["responses"])
    assert [p["name"] for p in operation["parameters"]] == ["slug", "factors", "as_of", "known_at"]


@pytest.mark.parametrize("low, high, shown", [
    (None, None, "—"), (500, 500, "500"), (500, 1000, "500–1,000"), (None, 20000, "up to 20,000"),
    (500, None, "at least 500"),
])
def test_an_offer_is_written_as_it_was_made(low, high, shown):
    from app.web.templating import troop_range

    assert troop_range(low, high) == shown


def test_an_offer_of_up_to_n_is_shown_so_and_adds_nothing_to_the_least_offered(client, database):
    with database.write_session() as s:
        from app.schemas import StanceData
        from app.services.board import get_proposal
        from app.services.stances import set_stance

        set_stance(s, proposal=get_proposal(s, "gaza-isf"), country_code="IDN", actor="desk", via="api", reason="up to",
                   data=StanceData.model_validate({"status": "conditional", "troops": {"offered_max": 20000},
                                                   "citations": [{"source_id": 1, "quote": "Azerbaijan"}]}))
    before = client.get("/api/v1/proposals/gaza-isf").json()["totals"]
    row = BeautifulSoup(client.get("/").text, "html.parser").select_one("#row-IDN").get_text(" ", strip=True)
    assert "Offered up to 20,000" in row
    totals = {s["country"]: s for s in client.get("/api/v1/proposals/gaza-isf/stances").json()}
    assert totals["IDN"]["troops"]["offered_min"] is None
    low = sum(s["troops"]["offered_min"] or 0 for s in totals.values() if s["status"] not in ("declined", "withdrawn"))
    assert before["offered_min"] == low  # Indonesia's "up to" adds nothing to the least offered


def test_totals_say_how_many_countries_gave_no_figure_instead_of_passing_it_off_as_zero(client, database):
    """Egypt commits without a number: it adds 0 to the committed total, and the board and the API
    say one country's figure is missing, so the total reads as a floor."""
    with database.write_session() as s:
        set_stance(s, proposal=board.get_proposal(s, "gaza-isf"), country_code="EGY", actor="desk", via="api",
                   reason="commits", data=StanceData.model_validate({
                       "status": "committed", "citations": [{"source_id": 1, "quote": "Azerbaijan"}]}))
    totals = client.get("/api/v1/proposals/gaza-isf").json()["totals"]
    assert totals["committed"] == 0 and totals["unreported"]["committed"] == 1
    assert totals["unreported"]["offered"] >= 1 and totals["unreported"]["deployed"] == 0
    chart = BeautifulSoup(client.get("/").text, "html.parser").select_one("#force-chart .chart-committed")
    assert "not counted: 1 country gave no figure" in chart.get_text(" ", strip=True)
    deployed = BeautifulSoup(client.get("/").text, "html.parser").select_one("#force-chart .chart-deployed")
    assert "not counted" not in deployed.get_text(" ", strip=True)


def test_a_board_from_before_any_factor_was_recorded_says_so_in_the_what_if(client):
    """The seed records its factors on 7 Nov 2025: a board of the day before has none to assume, and
    says why, not that the proposal has none."""
    from bs4 import BeautifulSoup
    panel = BeautifulSoup(client.get("/?as_of=2025-11-06").text, "html.parser").select_one(".whatif-form")
    assert "No factor had been recorded by 6 Nov 2025." in panel.get_text(" ", strip=True)
    assert "has no factors" not in panel.get_text(" ", strip=True)
