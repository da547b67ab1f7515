"""The article reader's rules, family by family, on made-up sentences in the manner of news reports
(neither the project's labelled set nor the real one), so that each rule is shown to work on prose
it was not written from."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.importer import extract, sentences


def _statuses(text: str) -> dict[str, str]:
    return {s.country: s.status for s in extract(text)}


def _figures(text: str) -> dict[str, dict[str, int]]:
    return {s.country: {k: v for k, v in s.troops.items() if v is not None} for s in extract(text)}


def _conditions(text: str) -> dict[str, list[str]]:
    return {s.country: [c.category for c in s.conditions] for s in extract(text)}


def _read(text: str) -> dict[str, tuple[str | None, dict[str, int], list[str]]]:
    """Status, figures and conditions together, for sentences where all three matter."""
    return {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}, [c.category for c in s.conditions])
            for s in extract(text)}


# ---- how a pledge, a deliberation and a refusal are worded -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pledges in reported speech and the past tense
        ("Peru said on Friday it would send an engineering company to the enclave.", {"PER": "committed"}),
        ("Ecuador announced that it will deploy a medical unit.", {"ECU": "committed"}),
        ("Uruguay will be sending a small team of observers.", {"URY": "committed"}),
        ("Paraguay expressed willingness to take part in the mission.", {"PRY": "committed"}),
        ("Bolivia has signalled its readiness to contribute.", {"BOL": "committed"}),
        ("Ghana volunteered troops for the stabilisation force.", {"GHA": "committed"}),
        ("Fiji committed a company of soldiers to the mission.", {"FJI": "committed"}),
        ("Nepal is eager to join the force.", {"NPL": "committed"}),
        ("Zambia's parliament approved the deployment on Thursday.", {"ZMB": "committed"}),
        ("Mongolia has readied 600 soldiers for the mission.", {"MNG": "committed"}),
        # deliberation
        ("Peru said it would consider sending troops.", {"PER": "considering"}),
        ("Ecuador is mulling a contribution.", {"ECU": "considering"}),
        ("Uruguay is in discussions with Washington over its role.", {"URY": "considering"}),
        ("Paraguay has yet to decide whether to take part.", {"PRY": "considering"}),
        ("Bolivia has not made a final decision.", {"BOL": "considering"}),
        ("Ghana wants to send a contingent.", {"GHA": "considering"}),
        ("Fiji is among the possible contributors.", {"FJI": "considering"}),
        # refusals in other words
        ("Peru will not be sending soldiers.", {"PER": "declined"}),
        ("Ecuador turned down the request.", {"ECU": "declined"}),
        ("Uruguay has distanced itself from the mission.", {"URY": "declined"}),
        ("Paraguay cannot send troops at this time.", {"PRY": "declined"}),
        ("Bolivia is not in a position to contribute.", {"BOL": "declined"}),
        # a refusal limited to a task is not a refusal to join
        ("Ghana cannot take part in disarming militias, but it will send 300 medics.", {"GHA": "committed"}),
    ],
)
def test_stance_wording(text, expected):
    assert _statuses(text) == expected


# ---- conditions: the ways terms are set, and their kinds ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru is ready to send engineers if a truce holds.", {"PER": ["ceasefire"]}),
        ("Ecuador would join once its Congress has voted.", {"ECU": ["domestic_approval"]}),
        ("Uruguay would take part provided there is a Security Council resolution.", {"URY": ["mandate"]}),
        ("Paraguay would need the consent of both parties before deploying.", {"PRY": ["party_consent"]}),
        ("Bolivia will only deploy with a clear mandate.", {"BOL": ["mandate"]}),
        ("Ghana said its soldiers must stay under Ghanaian command.", {"GHA": ["command"]}),
        ("Fiji is willing to send troops under a United Nations mandate.", {"FJI": ["mandate"]}),
        ("Nepal is prepared to contribute if the armed groups are disarmed first.", {"NPL": ["disarmament"]}),
        # parliaments by name and a country's own law are domestic approval
        ("Ukraine would send deminers only after a vote in the Rada.", {"UKR": ["domestic_approval"]}),
        ("Bangladesh will contribute subject to approval by the Jatiya Sangsad.", {"BGD": ["domestic_approval"]}),
        ("Ireland would take part only if the Dáil approves.", {"IRL": ["domestic_approval"]}),
        ("Kyrgyzstan would deploy medics only in line with its constitution.", {"KGZ": ["domestic_approval"]}),
    ],
)
def test_conditions_by_kind(text, expected):
    assert {code: status for code, status in _statuses(text).items()} == {code: "conditional" for code in expected}
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Peru will send troops, but not to disarm anyone.",  # a limit on the role, not a term for joining
        "Peru will send troops if asked.",  # willingness, not a term
    ],
)
def test_a_role_limit_or_a_request_is_no_condition(text):
    assert _statuses(text) == {"PER": "committed"} and _conditions(text) == {"PER": []}


# ---- who a sentence is about ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital stands for its government, unless it is only where something happened
        ("Lima is ready to send a company of engineers, officials said.", {"PER": "committed"}),
        ("Officials in Quito said they would send 300 troops.", {"ECU": "committed"}),
        ("Peru's foreign minister, speaking in Bangkok, said it would send troops.", {"PER": "committed"}),
        # a quotation attributed at its end, by title, before or after the verb
        ("“We are ready to send troops,” Peruvian Defence Minister Ana Rivas told reporters.", {"PER": "committed"}),
        ("“We will not take part,” said Ecuador's foreign ministry.", {"ECU": "declined"}),
        # "it", "the country" and "he said" point back to the country last spoken of
        ("Peru has been discussing the force with Washington. It said on Monday it would send 500 soldiers.",
         {"PER": "committed"}),
        ("Ecuador's defence minister met reporters on Monday.\n“We will not send troops,” he said.", {"ECU": "declined"}),
        ("Uruguay's president spoke to parliament.\nThe country is ready to contribute observers, he said.",
         {"URY": "committed"}),
        # ... but not when the sentence is about the force or other countries
        ("Peru's president spoke to parliament.\nThe force will deploy in January if the truce holds, he said.", {}),
        ("Peru will send 500 troops. Other countries are still considering the request.", {"PER": "committed"}),
        ("Ecuador approved the plan.\nMany nations are expected to stay out of the force.", {}),
        # "the Kingdom" is the last kingdom named, not an emirate named after it
        ("Jordan's king met Qatar's emir on Monday. The Kingdom will send 200 police trainers.", {"JOR": "committed"}),
    ],
)
def test_who_the_sentence_is_about(text, expected):
    assert _statuses(text) == expected


# ---- troop figures -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ranges, ceilings and single figures, as stated
        ("Peru said it could send 5,000 to 8,000 soldiers.", {"PER": {"offered_min": 5000, "offered_max": 8000}}),
        ("Ecuador is ready to send as many as 700 troops.", {"ECU": {"offered_max": 700}}),
        ("Uruguay will contribute about 450.", {"URY": {"committed": 450}}),
        # a bare figure in the range of years, written as a head count, is a head count; as a year it is not
        ("Chile said it will send 2,000 to Gaza.", {"CHL": {"committed": 2000}}),
        ("Colombia will contribute 1,950 to the force.", {"COL": {"committed": 1950}}),
        ("Ecuador will deploy troops to the enclave in 2026.", {"ECU": {}}),
        # a first wave and a total: the total
        ("Paraguay will send an initial 200 troops in March, with the total rising to 900 by June.",
         {"PRY": {"committed": 900}}),
        # figures for the whole force are no country's
        ("Bolivia is ready to join a 20,000-strong force.", {"BOL": {}}),
        ("The force will number up to 20,000 troops, and Ghana is ready to take part.", {"GHA": {}}),
        ("Fiji said it would contribute to a force of about 15,000 soldiers.", {"FJI": {}}),
        # money and equipment kept apart from people
        ("Nepal offered $5 million and 300 troops.", {"NPL": {"committed": 300}}),
        ("Nepal offered $5 million in equipment.", {}),
        # a figure in the next sentence about the same country
        ("Mongolia will send a contingent. The contingent will number 850 soldiers.", {"MNG": {"committed": 850}}),
        # the whole a share is taken from is no country's
        ("Of the 20,000 troops envisaged, Peru is expected to provide about half.", {"PER": {}}),
        # a single figure for a country whose participation is conditional is an offer
        ("Peru will send 400 troops. Peru would only deploy under a UN mandate.",
         {"PER": {"offered_min": 400, "offered_max": 400}}),
        # a passive with the troops as subject
        ("Ecuadorian troops will be deployed by April.", {"ECU": {}}),
        ("International forces will be deployed by April.", {}),
    ],
)
def test_troop_figures_tied_to_their_country(text, expected):
    assert _figures(text) == expected


# ---- more wordings: pledges as nouns, the force's terms, lists referred back to ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru's offer of 800 troops was welcomed in Washington.", {"PER": "committed"}),
        ("Ecuador has formally joined the stabilization force.", {"ECU": "committed"}),
        # being named by others as a possible contributor is no stance of its own
        ("Uruguay has been mentioned as a possible contributor.", {}),
        ("Paraguay is not sending troops.", {"PRY": "declined"}),
        ("Bolivia showed early interest in the mission.", {"BOL": "considering"}),
        # terms the decision waits on, terms for the force, parliaments that must approve
        ("Peru will not decide until the terms of reference are published.", {"PER": "conditional"}),
        ("Ecuador wants the force to have a clear UN mandate.", {"ECU": "conditional"}),
        ("Uruguay is ready to help, but Parliament must first approve any deployment.", {"URY": "conditional"}),
        ("Paraguay will take part under the condition that the truce holds.", {"PRY": "conditional"}),
        # "none", "they" point back to the countries just listed
        ("Washington had hoped for troops from Peru, Ecuador and Uruguay. After expressing early interest, none have committed.",
         {"PER": "considering", "ECU": "considering", "URY": "considering"}),
        ("Officials met envoys from Peru and Ecuador. They are still considering the request.",
         {"PER": "considering", "ECU": "considering"}),
    ],
)
def test_more_wordings(text, expected):
    assert _statuses(text) == expected


def test_the_terms_waited_on_are_named_by_kind():
    assert _conditions("Peru will not decide until the terms of reference are published.") == {"PER": ["mandate"]}
    assert _conditions("Uruguay is ready to help, but Parliament must first approve any deployment.") == \
        {"URY": ["domestic_approval"]}


# ---- negation scope, questions and decisions that wait ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal of one task, however it is phrased, is not a refusal to join
        ("Peru is willing to contribute troops but will not be part of any effort to disarm the militias.",
         {"PER": "committed"}),
        ("Ecuador will not join operations aimed at disarming anyone, but it stands ready to send medics.",
         {"ECU": "committed"}),
        # a stance asked about is no stance
        ("It is unclear whether Uruguay would send troops.", {}),
        # readiness said in other ways
        ("The plan was welcomed, along with Paraguay's readiness to contribute troops.", {"PRY": "committed"}),
        ("Bolivia would be willing to send observers.", {"BOL": "committed"}),
        ("Ghana has decided to send 300 soldiers.", {"GHA": "committed"}),
        ("Under the plan, Fiji would send 800 troops.", {"FJI": "committed"}),
        ("Nepal has agreed in principle to join the force.", {"NPL": "considering"}),
        # the decision waits on something
        ("Peru said any deployment would be decided after the Security Council adopted a resolution.",
         {"PER": "conditional"}),
        ("Ecuador has agreed in principle to join, but its parliament will have the final word.", {"ECU": "conditional"}),
    ],
)
def test_negation_questions_and_decisions(text, expected):
    assert _statuses(text) == expected


def test_a_term_named_by_the_cue_itself():
    assert _conditions("Ecuador has agreed in principle to join, but its parliament will have the final word.") == \
        {"ECU": ["domestic_approval"]}


# ---- stray characters from web pages ------------------------------------------------------------------


def test_stray_spaces_and_invisible_characters_do_not_hide_a_stance():
    text = "Peru\u00a0will  not send\u200b troops to the\u202fforce, the ministry said."
    (found,) = extract(text)
    assert (found.country, found.status) == ("PER", "declined")
    assert found.evidence == [text]  # quoted as written
    text = "Ecuador will send 400\u00a0soldiers only if the\u00a0Security Council approves."
    (found,) = extract(text)
    assert (found.status, found.troops["offered_min"]) == ("conditional", 400)
    assert all(c.text in text for c in found.conditions) and found.conditions[0].category == "mandate"



@pytest.mark.parametrize(
    ("short", "expected"),
    [
        ("Peru won't send troops to the force, the ministry said.", ("declined", [])),
        ("Ecuador hasn’t yet decided whether to take part in the force.", ("considering", [])),
        ("Uruguay doesn't intend to join the stabilisation force.", ("declined", [])),
        ("Ghana can't contribute soldiers until a ceasefire holds, its minister said.", ("conditional", ["ceasefire"])),
        ("Nepal isn't ready to send troops to Gaza.", ("declined", [])),
        ("Zambia hasn't been asked to join the force.", (None, [])),
    ],
)
def test_a_negation_written_short_reads_as_written_out(short, expected):
    """"won't", "hasn't", "can't" are read as "will not", "has not", "cannot": the same verdict as the
    long form, quoted as the article wrote it."""
    longer = (short.replace("won't", "will not").replace("hasn’t", "has not").replace("doesn't", "does not")
              .replace("can't", "cannot").replace("isn't", "is not").replace("hasn't", "has not"))
    assert longer != short
    got = {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(short)}
    assert got == {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(longer)}
    if expected[0] is None:
        assert got == {}
        return
    ((status, categories),) = got.values()
    assert (status, categories) == expected
    (found,) = extract(short)
    assert all(q in short for q in found.evidence) and all(c.text in short for c in found.conditions)

# ---- second round: withdrawals, willingness and hesitation in other words ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pledge taken back, frozen or shelved
        ("Peru has reneged on its commitment to send troops.", {"PER": "withdrawn"}),
        ("Ecuador backed out of the force after the strike.", {"ECU": "withdrawn"}),
        ("Uruguay has put its deployment on hold.", {"URY": "withdrawn"}),
        ("Paraguay suspended its participation in the force on Monday.", {"PRY": "withdrawn"}),
        ("Bolivia walked back its offer of troops.", {"BOL": "withdrawn"}),
        # ... and renewed on terms afterwards: the renewed stance is the current one
        ("Ghana has reneged on its earlier pledge. Accra will only send troops if the fighting stops.", {"GHA": "conditional"}),
        # willingness in other reporting verbs
        ("Bolivia signalled it would take part in the force.", {"BOL": "committed"}),
        ("Ghana made clear it will contribute troops.", {"GHA": "committed"}),
        ("Malaysia said it would participate in the mission.", {"MYS": "committed"}),
        ("Rwanda is expected to send troops to the enclave.", {"RWA": "committed"}),
        ("Nepal is preparing for the deployment, the army said.", {"NPL": "committed"}),
        ("Fiji is preparing 400 soldiers for the mission.", {"FJI": "committed"}),
        # hesitation, candidacy, interest with an intensifier
        ("Nepal is now hesitant to join the force.", {"NPL": "considering"}),
        ("Kenya appears reluctant to commit soldiers.", {"KEN": "considering"}),
        ("Chile, Peru and Ecuador are the leading candidates to supply troops.",
         {"CHL": "considering", "PER": "considering", "ECU": "considering"}),
        ("Officials said Ghana has expressed the most interest in sending soldiers.", {"GHA": "considering"}),
        # help other than troops: hosting is weighed, not pledged
        ("Chile offered to host training camps for the force.", {"CHL": "considering"}),
        ("Peru said it was ready to host the force's logistics hub.", {"PER": "considering"}),
        # must NOT give a stance
        ("The plan for the force has been put on hold.", {}),
        ("Peru suspended talks with the mediators.", {}),
        ("It is unclear whether Ecuador is expected to send troops.", {}),
        ("The summit will be hosted by Uruguay.", {}),
    ],
)
def test_withdrawal_willingness_and_hesitation_in_other_words(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pledge still waiting on the government's or the leader's own decision is weighed, not made
        ("Chile's army is ready to deploy at any time, awaiting only a final decision from President Rivas, Chilean officials said.",
         {"CHL": "considering"}),
        ("Peru is ready to send troops but has not yet decided.", {"PER": "considering"}),
        # an earlier stance the sentence turns away from gives way to the present one
        ("Ecuador had previously expressed its willingness to send troops but is now hesitant.",
         {"ECU": "considering"}),
        ("Uruguay had earlier promised to send a medical team. Uruguay is now reconsidering.", {"URY": "considering"}),
        # a time phrase after the verb of saying only dates the statement
        ("Bolivia said last week it would send 300 troops.", {"BOL": "committed"}),
        ("Paraguay will only send troops if the fighting stops, Reuters reported earlier this month.", {"PRY": "conditional"}),
        # must NOT: a recalled pledge stays recalled without a turn to the present
        ("Ghana had previously pledged troops.", {"GHA": "committed"}),
    ],
)
def test_decisions_awaited_and_stances_recalled(text, expected):
    assert _statuses(text) == expected


def test_withdrawal_if_the_mission_deviates_is_a_term_of_its_own():
    text = "Chile said it could withdraw its troops if the force deviated from its humanitarian mandate."
    assert _conditions(text) == {"CHL": ["other"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a request or an invitation accepted
        ("Peru agreed to a US request to send troops to the enclave.", {"PER": "committed"}),
        ("Ecuador accepted the invitation to join the force.", {"ECU": "committed"}),
        # an unnamed group's stance, then its members named in the paragraph
        ("Officials said three countries have agreed to send troops. One of them is Chile.", {"CHL": "committed"}),
        ("Several countries are weighing a contribution. Peru is among them.", {"PER": "considering"}),
        # must NOT: the group's stance does not pass to a country named otherwise, or in another paragraph
        ("Officials said three countries have agreed to send troops. Chile hosted the talks.", {}),
        ("Officials said three countries have agreed to send troops.\nOne of them is Chile.", {}),
        ("Peru accepted the request for talks.", {}),
    ],
)
def test_requests_accepted_and_groups_named_later(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first wave and a ceiling: the ceiling is the offer
        ("Peru will send 1,000 troops by April, with up to 8,000 ready by June.", {"PER": {"offered_max": 8000}}),
        # lower bounds
        ("Ghana is ready to send at least 2,000 troops if the Security Council approves.", {"GHA": {"offered_min": 2000}}),
        ("Fiji could contribute 20,000 or even more peacekeepers if the Security Council decides.", {"FJI": {"offered_min": 20000}}),
        # units sized by a compound, figures in words, units "of N"
        ("Kenya will send a 500-strong contingent.", {"KEN": {"committed": 500}}),
        ("Nepal will deploy a 1,200-member battalion.", {"NPL": {"committed": 1200}}),
        ("Chile has pledged 20 thousand troops.", {"CHL": {"committed": 20000}}),
        ("Kazakhstan is ready to send a medical unit of 50.", {"KAZ": {"committed": 50}}),
        # must NOT: the whole force, a smaller later figure, a duration
        ("Chile is ready to send troops to join a 20,000-strong force.", {"CHL": {}}),
        ("Peru will send 1,000 troops, with up to 300 more in reserve.", {"PER": {"committed": 1000}}),
        ("Ecuador will send troops over 2 years.", {"ECU": {}}),
    ],
)
def test_first_waves_lower_bounds_and_sized_units(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part in the force without the word "troops"
        ("Peru is ready to play its part in the stabilization force.", {"PER": "committed"}),
        ("Ecuador is ready to lead the force.", {"ECU": "committed"}),
        ("Uruguay's offer to contribute troops was welcomed.", {"URY": "committed"}),
        ("Paraguay intends to take part in the mission.", {"PRY": "committed"}),
        ("Bolivia will be the first country to send troops.", {"BOL": "committed"}),
        # refusals in still other words
        ("Ghana is unwilling to send troops.", {"GHA": "declined"}),
        ("Kenya is not even considering sending soldiers.", {"KEN": "declined"}),
        ("Nepal said it would not put boots on the ground.", {"NPL": "declined"}),
        ("Fiji is not interested in joining the force.", {"FJI": "declined"}),
        # not yet committed, still studying
        ("Chile has not committed troops.", {"CHL": "considering"}),
        ("Peru has yet to respond to the request.", {"PER": "considering"}),
        ("Ecuador is studying the proposal.", {"ECU": "considering"}),
        # must NOT
        ("Uruguay is ready to play its part in rebuilding the enclave.", {}),
        ("Paraguay is unwilling to take part in disarming militias, but it will send medics.", {"PRY": "committed"}),
        ("Bolivia will be the first country to recognise the new board.", {}),
    ],
)
def test_a_part_refusals_and_not_yet_in_still_other_words(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group given a stance, its members listed in the same sentence
        ("Countries that have expressed willingness to contribute include Chile, Peru and Ecuador.",
         {"CHL": "committed", "PER": "committed", "ECU": "committed"}),
        ("Nations that are weighing a contribution, such as Ghana and Kenya, met in Cairo.",
         {"GHA": "considering", "KEN": "considering"}),
        # must NOT: countries listed in a later sentence about others
        ("Three countries have agreed to send troops. Other countries, including Fiji and Nepal, attended the talks.", {}),
    ],
)
def test_groups_and_their_listed_members(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "statuses", "conditions"),
    [
        # the term put first, the subject after the comma
        ("If the Security Council approves, Chile will send 500 troops.", {"CHL": "conditional"}, {"CHL": ["mandate"]}),
        ("Peru said that if a ceasefire holds, it would deploy 300 soldiers.", {"PER": "conditional"}, {"PER": ["ceasefire"]}),
        ("Ecuador is ready to send troops. If parliament agrees, it would deploy 200.", {"ECU": "conditional"},
         {"ECU": ["domestic_approval"]}),
        # must NOT: a request, a question, or no country's stance
        ("If asked, Uruguay will send troops.", {"URY": "committed"}, {"URY": []}),
        ("If the force deploys, it will need 20,000 troops.", {}, {}),
        ("It is not clear if Paraguay will send troops, officials said.", {}, {}),
    ],
)
def test_terms_put_before_the_pledge(text, statuses, conditions):
    assert _statuses(text) == statuses
    assert _conditions(text) == conditions


@pytest.mark.parametrize(
    "introduction",
    [
        "Peruvian foreign ministry spokesperson Juan Soto met reporters on Monday.",
        "Peru's deputy defence minister Juan Soto met reporters on Monday.",
        "Juan Soto, Peru's deputy defence minister, met reporters on Monday.",
        "Deputy Defence Minister Juan Soto of Peru met reporters.",
        "Peru's top diplomat, Juan Soto, met reporters.",
        "Peruvian foreign ministry spokesperson Juan A. Soto met reporters.",
    ],
)
def test_an_official_named_once_speaks_for_the_country_later_by_surname(introduction):
    text = f"Chile has offered 300 troops.\n{introduction}\nChile hosted a summit.\n\"We are ready to send troops,\" Soto said."
    assert _statuses(text) == {"CHL": "committed", "PER": "committed"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said Peru had offered to consider taking part.", {"PER": "considering"}),
        ("Ecuador agreed to study the proposal.", {"ECU": "considering"}),
        # must NOT: a name tied to no country, or a title with no name after it
        ("Chile has offered 300 troops.\nSpokesperson Juan Soto met reporters.\nPeru hosted a summit.\n\"We are ready,\" Soto said.",
         {"CHL": "committed"}),
        ("Peru's foreign ministry said on Monday it had no comment.", {}),
    ],
)
def test_offers_to_think_it_over_and_unnamed_officials(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "not ... without" is a term, not a refusal
        ("Chile will not send troops without a UN mandate.", {"CHL": ["mandate"]}),
        ("Peru won't deploy without parliament's approval.", {"PER": ["domestic_approval"]}),
        # the term put first with "once"
        ("Once the Security Council adopts a resolution, Ecuador will send troops.", {"ECU": ["mandate"]}),
        # consent, a legal basis, an umbrella, a participation that hinges on something, a vote first
        ("Uruguay is ready to send troops with the consent of the Palestinian Authority.", {"URY": ["party_consent"]}),
        ("Paraguay would participate on the basis of a Security Council resolution.", {"PRY": ["mandate"]}),
        ("Bolivia is ready to join under the umbrella of the United Nations.", {"BOL": ["mandate"]}),
        ("Kenya said its participation hinges on a UN mandate.", {"KEN": ["mandate"]}),
        ("Fiji will send troops after the parliament approves.", {"FJI": ["domestic_approval"]}),
        # a term named as a prerequisite after the verb of saying
        ("Ecuador said a ceasefire was a prerequisite for any deployment.", {"ECU": ["ceasefire"]}),
    ],
)
def test_terms_in_still_other_words(text, expected):
    assert _conditions(text) == expected
    assert set(_statuses(text).values()) == {"conditional"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # must NOT: "without" with no negated pledge, or without any named term
        ("Chile sent aid without delay.", {}),
        ("Peru will send troops without conditions.", {"PER": "committed"}),
        ("After the meeting, Ecuador said it will send troops.", {"ECU": "committed"}),
    ],
)
def test_no_term_where_none_is_named(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru ready to send 2,000 troops to Gaza", {"PER": "committed"}),  # headline grammar
        ("The minister said Ecuador was ready to do its part.", {"ECU": "committed"}),
        ("Uruguay has begun training troops for the mission.", {"URY": "committed"}),
        ("Paraguay is set to become the first country to deploy troops.", {"PRY": "committed"}),
        ("Bolivia pledged to send troops, and Ghana and Kenya also committed.",
         {"BOL": "committed", "GHA": "committed", "KEN": "committed"}),
        ("Nepal denied reports that it would send troops.", {"NPL": "declined"}),
        ("Fiji has conditioned its participation on a full ceasefire.", {"FJI": "conditional"}),
        # must NOT
        ("Chile is ready to do its part in rebuilding the enclave.", {}),
        ("The troops are not ready to deploy.", {}),
        ("Peru's army has begun training for the season.", {}),
    ],
)
def test_headlines_parts_and_denials(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks held with countries about the force: they are weighing it
        ("The US has been speaking to Chile, Peru and Ecuador about possible contributions.",
         {"CHL": "considering", "PER": "considering", "ECU": "considering"}),
        ("Washington is in talks with Uruguay about contributing troops.", {"URY": "considering"}),
        ("The administration has sought troops from Ghana and Kenya.", {"GHA": "considering", "KEN": "considering"}),
        ("Officials are counting on Nepal to send troops.", {"NPL": "considering"}),
        # must NOT: talks about something else, or the one consulted by others speaking
        ("The envoy held talks with Fiji on the ceasefire.", {}),
        ("Chile was consulted by the envoy on the harbour project.", {}),
    ],
)
def test_talks_about_the_force(text, expected):
    assert _statuses(text) == expected


def test_a_figure_asked_of_a_country_is_not_its_offer():
    assert _figures("The US has asked Chile to send 5,000 troops.") == {"CHL": {}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each country takes the figures after its own stance
        ("Chile will send 800 troops, officials said, while Peru will contribute 300.",
         {"CHL": {"committed": 800}, "PER": {"committed": 300}}),
        ("Ecuador is still weighing a contribution, while Uruguay has offered some 500 troops.",
         {"ECU": {}, "URY": {"committed": 500}}),
        # a force of N that the country itself sends
        ("Paraguay is ready to send a peacekeeping force of 2,000.", {"PRY": {"committed": 2000}}),
        ("Bolivia has pledged a force of up to 1,500 troops.", {"BOL": {"offered_max": 1500}}),
        # must NOT: a force of N that the country joins
        ("Ghana will send troops to a force of 20,000.", {"GHA": {}}),
    ],
)
def test_figures_for_several_countries_and_own_forces(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru said it would deploy the first 1,000 soldiers by April and that the total could reach 8,000 by June.",
         {"PER": {"committed": 8000}}),
        ("Chile will send 500 troops, and the number could rise to 800.", {"CHL": {"committed": 800}}),
        # must NOT: the whole force's total
        ("The force's total could reach 20,000, and Ecuador will send 500 troops.", {"ECU": {"committed": 500}}),
    ],
)
def test_a_total_said_as_what_the_number_could_reach(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the force or the parties must do
        ("Chile is ready to send troops, but the deployment must be requested by the Palestinian Authority.",
         {"CHL": ["party_consent"]}),
        ("Peru is ready to contribute, but the Palestinian Authority must agree.", {"PER": ["party_consent"]}),
        ("Ecuador said the mission must be endorsed by the UN Security Council.", {"ECU": ["mandate"]}),
        ("Uruguay said the force needed a UN Security Council resolution.", {"URY": ["mandate"]}),
        ("Paraguay is willing to take part; parliamentary approval is required.", {"PRY": ["domestic_approval"]}),
        ("Kenya is prepared to contribute troops, provided both parties accept the force.", {"KEN": ["party_consent"]}),
        # two terms joined by "and the approval of"
        ("Nepal's participation would be subject to a clear mandate and the approval of its parliament.",
         {"NPL": ["mandate", "domestic_approval"]}),
        # must NOT: a plan backed by two bodies is no term
        ("Fiji backs the UN and the Arab League plan.", {}),
    ],
)
def test_terms_as_what_must_happen(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a government that puts the deployment to its parliament
        ("Peru's president said he will propose to parliament that Peru send peacekeeping troops.", {"PER": ["domestic_approval"]}),
        ("The government will ask parliament to approve the deployment of 500 soldiers, Chile's defence minister said.",
         {"CHL": ["domestic_approval"]}),
        ("Ecuador's cabinet will seek parliamentary approval to send troops.", {"ECU": ["domestic_approval"]}),
        ("Uruguay will submit the deployment plan to Congress next week.", {"URY": ["domestic_approval"]}),
        # a mandate named with "with"
        ("Paraguay would take part with a clear mandate from the United Nations.", {"PRY": ["mandate"]}),
        ("Bolivia will join with a UN Security Council mandate.", {"BOL": ["mandate"]}),
        # must NOT
        ("Ghana sent a delegation to the UN.", {}),
        ("Kenya's parliament debated the budget.", {}),
    ],
)
def test_parliaments_asked_and_mandates_named_with_with(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later detail (a first wave) does not add a second figure
        ("Peru will send up to 8,000 troops, the army said. \"We have prepared 1,000 personnel for April,\" the army chief said.",
         {"PER": {"offered_max": 8000}}),
        # a later total replaces the first figure, with or without a stance of its own
        ("Chile will send 300 troops. Chile will eventually send a total of 800 troops.", {"CHL": {"committed": 800}}),
        ("Ecuador is preparing 1,000 troops for deployment by April, the army said. A total of 4,000 troops could be sent by June, it added.",
         {"ECU": {"committed": 4000}}),
        # a figure with no stance of its own fills in once, and not again
        ("Uruguay will send troops. The contingent will number 1,200 soldiers. Some 300 soldiers are engineers.",
         {"URY": {"committed": 1200}}),
    ],
)
def test_one_figure_per_country_unless_a_total_follows(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # consulting parliament before deciding is a step of the decision, not a term
        ("Peru is weighing a contribution. The minister said a decision would be taken after consulting parliament.",
         {"PER": "considering"}),
        ("Chile said the decision would be taken after a Security Council vote.", {"CHL": "conditional"}),
        ("Ecuador will eventually send troops.", {"ECU": "committed"}),
    ],
)
def test_decisions_after_consultation_and_adverbs_in_pledges(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile is evaluating its participation in the force.", {"CHL": "considering"}),
        ("Peru said the matter was under consideration.", {"PER": "considering"}),
        ("Ecuador has received a formal request from Washington.", {"ECU": "considering"}),
        ("Uruguay will decide later, the minister said.", {"URY": "considering"}),
        ("Paraguay is keen to play a role in the force.", {"PRY": "committed"}),
        ("Bolivia would be proud to participate in the force, the minister said.", {"BOL": "committed"}),
        # must NOT
        ("The proposal is under review by the council.", {}),
        ("Ghana is keen to play a role in reconstruction.", {}),
    ],
)
def test_still_weighing_and_keen_to_play_a_role(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paraguay has set out three conditions for its participation: a UN mandate, a ceasefire and the consent of the Palestinians.",
         {"PRY": ["mandate", "ceasefire", "party_consent"]}),
        ("Bolivia would join on two conditions: a UN mandate and a full ceasefire.", {"BOL": ["mandate", "ceasefire"]}),
    ],
)
def test_terms_announced_then_listed(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijan will not deploy troops until the fighting stops completely.", {"AZE": ["ceasefire"]}),
        ("Uruguay will wait until a lasting ceasefire is in place before sending troops.", {"URY": ["ceasefire"]}),
        ("Chile would send troops at the invitation of the Palestinian Authority.", {"CHL": ["party_consent"]}),
        ("Peru is ready to send troops, but the costs would have to be covered by the Gulf states.", {"PER": ["funding"]}),
        ("Ecuador said the terms of reference must be clear before any deployment.", {"ECU": ["mandate"]}),
        # must NOT: "until" about something other than the force
        ("Paraguay hosted talks until the war ends.", {}),
    ],
)
def test_terms_of_time_consent_and_money(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "statuses", "conditions"),
    [
        # a refusal "before" or "without" a term is the term
        ("Azerbaijan ruled out sending troops before a full ceasefire.", {"AZE": "conditional"}, {"AZE": ["ceasefire"]}),
        ("Chile refused to send troops without a UN mandate.", {"CHL": "conditional"}, {"CHL": ["mandate"]}),
        # must NOT: "before" a date, a dateline's country
        ("Peru will send troops before the end of the year.", {"PER": "committed"}, {"PER": []}),
        ("ANKARA, Turkey (AP) — The ministers said they were ready to send troops.", {}, {}),
        ("LIMA, Peru, Jan 10 (Reuters) - Chile is ready to send troops.", {"CHL": "committed"}, {"CHL": []}),
    ],
)
def test_refusals_before_a_term_and_datelines(text, statuses, conditions):
    assert _statuses(text) == statuses
    assert _conditions(text) == conditions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "no" before a pledge verb negates it
        ("Peru has no plans to contribute troops to the force.", {"PER": "declined"}),
        ("Chile said no plans to send troops had been made.", {"CHL": "declined"}),
    ],
)
def test_no_before_a_pledge_verb(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sponsor's own institutions speak for the sponsor, never for the country last named
        ("Peru is weighing a contribution. The Pentagon will send 200 troops to a coordination centre.", {"PER": "considering"}),
        ("Chile is weighing a contribution. The State Department said it is ready to deploy logistics teams.",
         {"CHL": "considering"}),
        # a country's armed forces by their own name
        ("The TNI has prepared 20,000 personnel for the mission.", {"IDN": "committed"}),
    ],
)
def test_institutions_stand_for_their_country(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question answered: the stance is the answer's, for the country asked about
        ("Asked if Chile would join, the minister said Chile will send 300 troops.", {"CHL": "committed"}),
        ("Asked whether Peru would take part, the minister said it would not.", {"PER": "declined"}),
        ("Asked whether Ecuador would send troops, the minister said it would.", {"ECU": "committed"}),
        # "even if" concedes; it sets no term
        ("Even if the talks fail, Uruguay will send troops.", {"URY": "committed"}),
        # must NOT: a question with no answer
        ("Reporters asked whether Paraguay had pledged troops.", {}),
        ("It is unclear if Bolivia will send troops, officials said.", {}),
    ],
)
def test_questions_and_their_answers(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile will send two thousand troops.", {"CHL": {"committed": 2000}}),
        ("Peru will send five hundred soldiers.", {"PER": {"committed": 500}}),
        ("Ecuador has offered a thousand soldiers.", {"ECU": {"committed": 1000}}),
        ("Uruguay is ready to send 20.000 personnel.", {"URY": {"committed": 20000}}),
        # must NOT: a decimal is no head count
        ("Paraguay will send 1.5 million dollars and 300 troops.", {"PRY": {"committed": 300}}),
        ("Bolivia pledged 2.5 percent of its budget and 400 soldiers.", {"BOL": {"committed": 400}}),
    ],
)
def test_figures_in_words_and_with_dots(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru: ready to send up to 2,000 troops.", {"PER": "committed"}),
        ("Chile – willing to contribute, but only under a UN mandate.", {"CHL": "conditional"}),
        ("Ecuador: not ready to send troops.", {"ECU": "declined"}),
    ],
)
def test_stances_in_headline_grammar(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # support, words and good offices are no contribution
        ("Chile pledged its support for the stabilization force.", {}),
        ("Peru has offered its full support to the peace plan.", {}),
        ("Ecuador pledged to support the Board of Peace.", {}),
        ("Paraguay has committed to the peace plan.", {}),
        ("Bolivia is ready to support the plan politically.", {}),
        ("Kenya offered to mediate between the parties.", {}),
        ("Uruguay offered condolences to the victims.", {}),
        # ... but support given with people is
        ("Ghana pledged 300 troops and its full support.", {"GHA": "committed"}),
        ("Kazakhstan is ready to support the ISF by sending medical units.", {"KAZ": "committed"}),
    ],
)
def test_support_is_no_contribution(text, expected):
    assert _statuses(text) == expected


def test_hosting_talks_is_no_stance_on_the_force():
    assert _statuses("Ecuador has offered to host talks between the parties.") == {}
    assert _statuses("Ecuador has offered to host the force's headquarters.") == {"ECU": "considering"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile will send a delegation to the talks in Cairo.", {}),
        ("Peru will send its foreign minister to the summit.", {}),
        ("Ghana will send a letter to the council.", {}),
        ("Kenya will contribute to the reconstruction fund.", {}),
        ("Nepal is ready to contribute to reconstruction.", {}),
        ("Fiji will send a delegation and 200 soldiers.", {"FJI": "committed"}),
    ],
)
def test_envoys_letters_and_rebuilding_are_no_contribution(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "statuses", "figures"),
    [
        ("Nepal is ready to support the force with 500 soldiers.", {"NPL": "committed"}, {"NPL": {"committed": 500}}),
        ("Chile will join a force with 20,000 troops.", {"CHL": "committed"}, {"CHL": {}}),
        ("Peru will take part in the stabilization force.", {"PER": "committed"}, {"PER": {}}),
        # must NOT
        ("It is unclear whether Ecuador will join the force.", {}, {}),
    ],
)
def test_joining_the_force_and_supporting_it_with_troops(text, statuses, figures):
    assert _statuses(text) == statuses
    assert _figures(text) == figures


# ---- paraphrase: troop figures said in other ways ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Malaysia will send a contingent of 1,200 to the enclave.", {"MYS": {"committed": 1200}}),
        ("Senegal has pledged around 800 personnel, officials said.", {"SEN": {"committed": 800}}),
        ("Vietnam is ready to deploy up to 2,000 soldiers.", {"VNM": {"offered_max": 2000}}),
        ("Cambodia said it could send between 500 and 1,000 troops.", {"KHM": {"offered_min": 500, "offered_max": 1000}}),
        ("Mongolia would be willing to send as many as 3,000, its defence minister said.", {"MNG": {"offered_max": 3000}}),
        ("Rwanda will send some 400 police officers.", {"RWA": {"committed": 400}}),
        ("Kenya will deploy a 600-strong battalion.", {"KEN": {"committed": 600}}),
        ("Malaysia said it was ready to send roughly 1,000 troops.", {"MYS": {"committed": 1000}}),
        ("Senegal will contribute nearly 900 personnel.", {"SEN": {"committed": 900}}),
        ("Vietnam plans to dispatch approximately 650 soldiers.", {"VNM": {"committed": 650}}),
        ("Thailand will send two thousand troops to the mission.", {"THA": {"committed": 2000}}),
        ("Pakistan may send 3,000-5,000 troops.", {"PAK": {"offered_min": 3000, "offered_max": 5000}}),
        ("Algeria will send a battalion of roughly 700 men.", {"DZA": {"committed": 700}}),
        ("Brazil will send a 250-person medical team.", {"BRA": {"committed": 250}}),
        ("Argentina will send a team of 80 engineers.", {"ARG": {"committed": 80}}),
        # forces by their own names
        ("Italy will send 200 carabinieri.", {"ITA": {"committed": 200}}),
        ("Tunisia plans to send 250 gendarmes.", {"TUN": {"committed": 250}}),
        ("Greece will send 150 military engineers and medics.", {"GRC": {"committed": 150}}),
        # two kinds of people in one pledge: the people offered, together
        ("Zambia has offered 1,500 troops and 300 police.", {"ZMB": {"committed": 1800}}),
        ("Ghana will deploy 700 soldiers as well as 100 police officers.", {"GHA": {"committed": 800}}),
        # conditional or weighed: a single figure is an offer
        ("Morocco is willing to contribute up to 1,500 troops if the Security Council approves.", {"MAR": {"offered_max": 1500}}),
        ("Morocco would send 1,500 troops provided there is a UN mandate.", {"MAR": {"offered_min": 1500, "offered_max": 1500}}),
        ("Jordan is considering sending 400 troops.", {"JOR": {"offered_min": 400, "offered_max": 400}}),
        # a first wave and a total: the total
        ("Kenya will send a first wave of 300 troops, out of a total of 1,000.", {"KEN": {"committed": 1000}}),
        ("Kenya will send 1,000 troops, the first 300 of them in March.", {"KEN": {"committed": 1000}}),
        # must NOT: units with no figure, figures in vague words
        ("Tanzania will contribute two battalions.", {"TZA": {}}),
        ("Ghana will send several hundred soldiers.", {"GHA": {}}),
        # must NOT: the whole force, another country's figure, dates and resolution numbers
        ("Peru will send troops to the 20,000-strong force.", {"PER": {}}),
        ("Ecuador will take part in a force of up to 20,000.", {"ECU": {}}),
        ("Bangladesh offered 1,000 troops; the force is expected to number 20,000.", {"BGD": {"committed": 1000}}),
        ("Uruguay will send 300 troops, while Paraguay is ready to contribute 700 soldiers.",
         {"URY": {"committed": 300}, "PRY": {"committed": 700}}),
        ("Bolivia will send troops under resolution 2803.", {"BOL": {}}),
        ("Nepal will deploy troops in 2025.", {"NPL": {}}),
        ("Fiji will deploy its soldiers on 20 October, officials said.", {"FJI": {}}),
        ("Nigeria will send 1,200 troops, Reuters reported on 12 November.", {"NGA": {"committed": 1200}}),
        ("Nigeria will deploy 1,200 peacekeepers from its 3rd Division.", {"NGA": {"committed": 1200}}),
        # must NOT: a figure in a relative clause is background
        ("Rwanda, which already has 5,000 peacekeepers in Africa, will send 600 soldiers.", {"RWA": {"committed": 600}}),
        ("Rwanda will send 600 soldiers, a spokesman said, adding that 5,000 are serving elsewhere.", {"RWA": {"committed": 600}}),
        # must NOT: money and goods are never troops, nor a stance on the force
        ("Norway pledged $50 million to the force.", {}),
        ("Sweden will send 1,000 tonnes of aid.", {}),
        ("Chile will send 500 trucks of supplies.", {}),
        ("Denmark will send 20 ambulances and 40 medics.", {"DNK": {"committed": 40}}),
    ],
)
def test_paraphrased_troop_figures(text, expected):
    assert _figures(text) == expected


# ---- paraphrase: conditions said in other ways -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Malaysia will keep its troops in the enclave as long as the truce holds.", {"MYS": ["ceasefire"]}),
        ("Senegal is willing to send soldiers provided there is a UN mandate.", {"SEN": ["mandate"]}),
        ("Vietnam will deploy once the Security Council approves the mission.", {"VNM": ["mandate"]}),
        ("Cambodia would contribute troops on condition that Hamas lays down its arms.", {"KHM": ["disarmament"]}),
        ("Mongolia will take part only with the consent of the Palestinian Authority.", {"MNG": ["party_consent"]}),
        ("Peru said it was ready to take part, so long as the ceasefire holds.", {"PER": ["ceasefire"]}),
        ("Portugal will send troops as soon as the truce is consolidated.", {"PRT": ["ceasefire"]}),
        # national parliaments and cabinets are domestic approval, not a mandate
        ("Germany's participation is subject to approval by the Bundestag.", {"DEU": ["domestic_approval"]}),
        ("Poland would send troops subject to approval by the Sejm.", {"POL": ["domestic_approval"]}),
        ("Turkey's deployment remains subject to approval by the Grand National Assembly.", {"TUR": ["domestic_approval"]}),
        ("Spain is ready to send troops, subject to the cabinet's approval.", {"ESP": ["domestic_approval"]}),
        ("Kenya will send troops, subject to the approval of its National Assembly.", {"KEN": ["domestic_approval"]}),
        ("Ecuador will send soldiers once parliament gives its approval.", {"ECU": ["domestic_approval"]}),
        ("Uruguay's decision depends on the outcome of a vote in Congress.", {"URY": ["domestic_approval"]}),
        ("The Kenyan government said any deployment would require the approval of parliament.", {"KEN": ["domestic_approval"]}),
        ("Ireland will not send troops unless the Dáil approves.", {"IRL": ["domestic_approval"]}),
        ("Finland's contribution would depend on approval from the Eduskunta.", {"FIN": ["domestic_approval"]}),
        ("Croatia's participation is conditioned on a parliamentary vote.", {"HRV": ["domestic_approval"]}),
        ("Senegal's contribution is pending parliamentary approval.", {"SEN": ["domestic_approval"]}),
        # command, money, mandate, consent
        ("Rwanda will deploy its soldiers only under its own flag and command.", {"RWA": ["command"]}),
        ("Thailand said its troops would serve only under national command.", {"THA": ["command"]}),
        ("Greece is willing to take part, provided its soldiers remain under Greek command.", {"GRC": ["command"]}),
        ("Nepal would send a battalion if the costs are covered.", {"NPL": ["funding"]}),
        ("Nepal is prepared to deploy 800 troops if the costs are covered by donors.", {"NPL": ["funding"]}),
        ("Argentina will send 300 troops, provided that funding is secured.", {"ARG": ["funding"]}),
        ("Argentina will send troops if someone else pays for them.", {"ARG": ["funding"]}),
        ("Chile would contribute, but only if the mission is financed by the Gulf states.", {"CHL": ["funding"]}),
        ("Morocco will take part only within the framework of resolution 2803.", {"MAR": ["mandate"]}),
        ("Whether Algeria sends troops hinges on a Security Council resolution.", {"DZA": ["mandate"]}),
        ("Bangladesh would need a clear UN mandate before committing troops.", {"BGD": ["mandate"]}),
        ("Ghana will not deploy until a mandate is agreed.", {"GHA": ["mandate"]}),
        ("Kazakhstan would send troops only with a UN Security Council mandate.", {"KAZ": ["mandate"]}),
        ("Uzbekistan stands ready to contribute, pending a Security Council resolution.", {"UZB": ["mandate"]}),
        ("Norway would consider participating if the force operates under a UN mandate.", {"NOR": ["mandate"]}),
        ("Any Tunisian deployment requires a formal invitation from the Palestinian Authority.", {"TUN": ["party_consent"]}),
        ("Paraguay will join the force on the condition that both Israel and Hamas accept it.", {"PRY": ["party_consent"]}),
        ("Jordan's involvement depends on a lasting ceasefire.", {"JOR": ["ceasefire"]}),
        ("Nigeria will not send soldiers before a ceasefire is in place.", {"NGA": ["ceasefire"]}),
        ("Vietnam's offer is contingent on the disarmament of Hamas.", {"VNM": ["disarmament"]}),
        ("Brazil is ready to send troops as long as they are not asked to disarm Hamas.", {"BRA": ["disarmament"]}),
        # must NOT: "as soon as possible" is haste, not a term
        ("Latvia will send its medics as soon as possible.", {"LVA": []}),
    ],
)
def test_paraphrased_conditions(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a limit on what the troops will do is not a term, and no refusal
        ("Malaysia will send troops but will not take part in disarming Hamas.", {"MYS": "committed"}),
        ("Senegal will send medics in a non-combat role only.", {"SEN": "committed"}),
        ("Vietnam's troops will not be involved in any combat, the ministry said, but it will send engineers.", {"VNM": "committed"}),
        ("Cambodia is prepared to deploy troops, but they will not engage in disarmament.", {"KHM": "committed"}),
        ("Thailand will send troops, but only in a non-combat capacity.", {"THA": "committed"}),
    ],
)
def test_paraphrased_role_limits_are_no_refusal(text, expected):
    assert _statuses(text) == expected
    assert _conditions(text) == {code: [] for code in expected}


# ---- paraphrase: statuses said in other ways --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hedged and passive refusals
        ("Malaysia is unlikely to take part in the force, officials said.", {"MYS": "declined"}),
        ("No Senegalese soldiers will be sent to the enclave, the ministry said.", {"SEN": "declined"}),
        ("Vietnam has ruled out sending troops.", {"VNM": "declined"}),
        ("Cambodia would likely stay out of the mission.", {"KHM": "declined"}),
        ("Mongolia is not expected to contribute troops.", {"MNG": "declined"}),
        ("Kenya will probably not send soldiers.", {"KEN": "declined"}),
        ("Officials in Nairobi said Kenya was unlikely to commit troops.", {"KEN": "declined"}),
        ("Rwanda said it had no intention of sending troops.", {"RWA": "declined"}),
        ("Tanzania has said it will not be part of the force.", {"TZA": "declined"}),
        ("Zambia has excluded sending troops to Gaza.", {"ZMB": "declined"}),
        ("There will be no Swedish troops in Gaza, the prime minister said.", {"SWE": "declined"}),
        ("Sending troops is not on the table, Finland's defence minister said.", {"FIN": "declined"}),
        ("Denmark does not intend to send soldiers.", {"DNK": "declined"}),
        ("Austria has declined to participate.", {"AUT": "declined"}),
        ("Belgium said it would refrain from contributing.", {"BEL": "declined"}),
        # a refusal denied, and deliberation
        ("Malaysia did not rule out sending troops.", {"MYS": "considering"}),
        ("Senegal has not excluded the possibility of joining the force.", {"SEN": "considering"}),
        ("Vietnam would not rule out a contribution, the minister said.", {"VNM": "considering"}),
        ("Cambodia is reviewing the US request for troops.", {"KHM": "considering"}),
        ("Mongolia is weighing the request.", {"MNG": "considering"}),
        ("Kenya has yet to decide on sending troops.", {"KEN": "considering"}),
        ("Rwanda is still deciding whether to send soldiers.", {"RWA": "considering"}),
        ("Tanzania is looking into the possibility of sending troops.", {"TZA": "considering"}),
        ("Zambia is thinking about sending troops.", {"ZMB": "considering"}),
        ("Norway has not yet made up its mind about joining.", {"NOR": "considering"}),
        ("A decision on whether Nepal will send troops has not been made.", {"NPL": "considering"}),
        ("Fiji is discussing a possible contribution with the United States.", {"FJI": "considering"}),
        ("Pakistan could provide from 3,000 to 5,000 troops.", {"PAK": "considering"}),
        # firm pledges in other words
        ("Malaysia confirmed it will deploy troops.", {"MYS": "committed"}),
        ("Senegal has earmarked a battalion for the force.", {"SEN": "committed"}),
        ("Vietnam is to supply engineers to the mission.", {"VNM": "committed"}),
        ("Cambodia plans to dispatch a medical team.", {"KHM": "committed"}),
        ("Mongolia stood ready to send peacekeepers.", {"MNG": "committed"}),
        ("Rwanda will provide a contingent of 600.", {"RWA": "committed"}),
        ("Tanzania vowed to send soldiers to the enclave.", {"TZA": "committed"}),
        ("Zambia has committed itself to sending troops.", {"ZMB": "committed"}),
        ("Norway has signed up to the force.", {"NOR": "committed"}),
        ("Azerbaijan has promised a battalion.", {"AZE": "committed"}),
        ("Italy is sending 200 carabinieri.", {"ITA": "committed"}),
        ("Greece is dispatching a naval vessel and 100 troops.", {"GRC": "committed"}),
        ("Bangladesh has announced it will deploy a battalion.", {"BGD": "committed"}),
        # withdrawals
        ("Malaysia pulled out of the force in March.", {"MYS": "withdrawn"}),
        ("Senegal has since withdrawn its offer.", {"SEN": "withdrawn"}),
        ("Vietnam suspended its participation after the attack.", {"VNM": "withdrawn"}),
        ("Mongolia retracted its pledge to send troops.", {"MNG": "withdrawn"}),
        ("Kenya cancelled its planned deployment.", {"KEN": "withdrawn"}),
        ("Rwanda has reversed its decision to send troops.", {"RWA": "withdrawn"}),
        ("Tanzania is no longer willing to send troops.", {"TZA": "withdrawn"}),
        ("Zambia recalled its contingent.", {"ZMB": "withdrawn"}),
        # already there
        ("Malaysian troops have arrived in the enclave.", {"MYS": "deployed"}),
        ("Vietnam has deployed 200 engineers to the enclave.", {"VNM": "deployed"}),
        ("Cambodia's contingent is already in place.", {"KHM": "deployed"}),
        # must NOT
        ("Estonia is sending a delegation to the talks.", {}),
        ("Latvia is providing humanitarian aid.", {}),
        ("Lithuania could provide financial support.", {}),
        ("The organisers cancelled their plans to hold the summit in Oslo.", {}),
    ],
)
def test_paraphrased_statuses(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pledges said through the troops themselves
        ("Cambodia's contribution will be about 750 troops.", {"KHM": {"committed": 750}}),
        ("The contingent from Kenya will comprise 1,000 officers.", {"KEN": {"committed": 1000}}),
        ("Azerbaijan has 2,000 soldiers on standby.", {"AZE": {"committed": 2000}}),
        ("Indonesia is preparing a force of 20,000 troops for Gaza.", {"IDN": {"committed": 20000}}),
        ("Malaysia has earmarked 1,000 troops for the mission.", {"MYS": {"committed": 1000}}),
    ],
)
def test_paraphrased_pledges_through_the_troops(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Kingdom", "the Emirates", capitals and demonyms stand for the country
        ("Saudi Arabia's foreign minister met the envoy on Monday. The Kingdom is ready to send troops, he said.", {"SAU": "committed"}),
        ("The United Arab Emirates hosted the talks. The Emirates will not send troops, officials said.", {"ARE": "declined"}),
        ("Ankara said it was ready to contribute troops to the force.", {"TUR": "committed"}),
        ("Jakarta has prepared 20,000 soldiers for the mission.", {"IDN": "committed"}),
        ("Islamabad has not yet decided whether to send troops.", {"PAK": "considering"}),
        ("The Pakistani government said it would send troops only under a UN mandate.", {"PAK": "conditional"}),
        ("Azerbaijani officials said the country would not send peacekeepers.", {"AZE": "declined"}),
        ("The Italian defence minister said Rome would send 200 carabinieri.", {"ITA": "committed"}),
        ("Kazakhstan's president met his Azerbaijani counterpart. The Republic will send a medical unit.", {"KAZ": "committed"}),
        ("Dhaka is considering the request, Bangladeshi officials said.", {"BGD": "considering"}),
        ("According to Thai officials, Bangkok will send a medical team.", {"THA": "committed"}),
        ("According to the Thai foreign ministry, the country will send a medical team.", {"THA": "committed"}),
        ("Nigerian President Bola Tinubu said Abuja would contribute troops.", {"NGA": "committed"}),
        ("\"We will not send our soldiers,\" the Norwegian prime minister told reporters.", {"NOR": "declined"}),
        ("\"We stand ready to contribute,\" the Malaysian foreign minister said.", {"MYS": "committed"}),
        # "it" and "the country" point back
        ("Kenya's foreign minister spoke to reporters in Nairobi.\nThe country will send troops, she said.", {"KEN": "committed"}),
        ("Nepal has been asked to contribute. It has not yet decided, officials said.", {"NPL": "considering"}),
        # a mediator, host or voter gets no stance
        ("Qatar and Egypt mediated the ceasefire talks.", {}),
        ("The talks were hosted by Egypt, while Indonesia said it would send troops.", {"IDN": "committed"}),
        ("Algeria voted in favour of the resolution.", {}),
        ("Algeria voted for resolution 2803 but said it would not send troops.", {"DZA": "declined"}),
        ("Qatar, which mediated the ceasefire, will not send troops.", {"QAT": "declined"}),
    ],
)
def test_paraphrased_who_the_sentence_is_about(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire copy: datelines, quotes, attributions, asides
        ("JAKARTA, Feb 3 (Reuters) - Malaysia is prepared to send up to 1,500 troops to the international stabilisation force, "
         "Defence Minister Khaled Nordin said on Tuesday.", {"MYS": {"offered_max": 1500}}),
        ("Senegal's army chief said the country could field \"between 600 and 800 soldiers\" once the Security Council approves.",
         {"SEN": {"offered_min": 600, "offered_max": 800}}),
        ("According to a defence ministry statement, Vietnam will contribute a 300-member engineering unit.", {"VNM": {"committed": 300}}),
        ("\"We are ready to send 1,000 men,\" Cambodia's prime minister told a news conference.", {"KHM": {"committed": 1000}}),
        ("Mongolia, officials said, will deploy around 850 peacekeepers in the first phase.", {"MNG": {"committed": 850}}),
        ("Albania will send 50 soldiers, Prime Minister Edi Rama said on 12 January.", {"ALB": {"committed": 50}}),
        # the figure said through the troops, before the verb, or after the unit
        ("The number of Rwandan troops will be around 600, the army spokesman said.", {"RWA": {"committed": 600}}),
        ("Tanzania's contribution, expected to total 1,200 personnel, will arrive in April.", {"TZA": {"committed": 1200}}),
        ("The Zambian contingent will be 500 strong.", {"ZMB": {"committed": 500}}),
        ("Up to 2,000 Nepali soldiers could be deployed, officials said.", {"NPL": {"offered_max": 2000}}),
        ("Some 1,200 Fijian troops will be sent to the enclave.", {"FJI": {"committed": 1200}}),
        ("Kazakhstan's offer stands at 300 troops.", {"KAZ": {"committed": 300}}),
        ("Pakistan has offered a division, roughly 10,000 soldiers.", {"PAK": {"committed": 10000}}),
        # units counted and sized
        ("Bangladesh is ready to provide two infantry battalions of about 850 soldiers each.", {"BGD": {"committed": 1700}}),
        # ceilings, floors and conditional offers
        ("Pakistan could send a brigade of 3,500 troops.", {"PAK": {"offered_min": 3500, "offered_max": 3500}}),
        ("Azerbaijan is considering a deployment of 500 peacekeepers.", {"AZE": {"offered_min": 500, "offered_max": 500}}),
        ("Italy said it was willing to send 200-300 carabinieri to train local police.", {"ITA": {"offered_min": 200, "offered_max": 300}}),
        ("Ecuador said it would contribute more than 600 soldiers.", {"ECU": {"offered_min": 600}}),
        ("Azerbaijan will send no more than 200 military medics.", {"AZE": {"offered_max": 200}}),
        ("Egypt is ready to send a maximum of 2,000 troops.", {"EGY": {"offered_max": 2000}}),
        ("Egypt is ready to commit a minimum of 2,000 troops.", {"EGY": {"offered_min": 2000}}),
        # numbers written in other ways
        ("Bolivia has pledged one thousand troops.", {"BOL": {"committed": 1000}}),
        ("Bolivia has pledged 1.5 thousand troops.", {"BOL": {"committed": 1500}}),
        ("Bolivia will send 1.2k troops.", {"BOL": {"committed": 1200}}),
        ("Bolivia will send fifteen hundred soldiers.", {"BOL": {"committed": 1500}}),
        ("Bolivia will send six hundred and fifty soldiers.", {"BOL": {"committed": 650}}),
        ("Bolivia will send twenty-five hundred soldiers.", {"BOL": {"committed": 2500}}),
        ("Bolivia will send 2 000 soldiers.", {"BOL": {"committed": 2000}}),
        ("Uruguay has offered a few hundred troops.", {"URY": {}}),
        ("Paraguay will send dozens of military medics.", {"PRY": {}}),
        # several countries in one sentence, the verb left out or shared
        ("Kenya will send 1,000 troops; Uganda, 600.", {"KEN": {"committed": 1000}, "UGA": {"committed": 600}}),
        ("Uganda will send 600 troops and Kenya 1,000.", {"UGA": {"committed": 600}, "KEN": {"committed": 1000}}),
        ("Kenya and Uganda will each send 500 troops.", {"KEN": {"committed": 500}, "UGA": {"committed": 500}}),
        ("Kenya has pledged 1,000 soldiers, while Uganda has yet to decide.", {"KEN": {"committed": 1000}, "UGA": {}}),
        ("Uganda has yet to decide, while Kenya has pledged 1,000 soldiers.", {"KEN": {"committed": 1000}, "UGA": {}}),
        # a total and a first rotation
        ("Indonesia has readied 20,000 troops, officials said, though only 1,000 will go in the first rotation.", {"IDN": {"committed": 20000}}),
        ("Indonesia will send a total of 8,000 troops, beginning with 1,000 in April.", {"IDN": {"committed": 8000}}),
        ("Ethiopia will send a contingent of 1,000, the first 250 of whom will arrive on 15 March.", {"ETH": {"committed": 1000}}),
        # must NOT: the force's size, money, resolutions, other people
        ("Nigeria pledged 2,500 soldiers to the 20,000-strong force.", {"NGA": {"committed": 2500}}),
        ("Of the force's planned 20,000 troops, Indonesia has offered 8,000.", {"IDN": {"committed": 8000}}),
        ("Ghana has offered 800 troops to the force, which is expected to reach 20,000 by the end of 2026.", {"GHA": {"committed": 800}}),
        ("Morocco will deploy 1,200 troops under UN Security Council Resolution 2803.", {"MAR": {"committed": 1200}}),
        ("Peru will send 500 troops at a cost of $40 million.", {"PER": {"committed": 500}}),
        ("Chile will send 1,000 troops. The US will pay $100 million toward the 20,000-strong force.", {"CHL": {"committed": 1000}}),
        ("Egypt will train 5,000 Palestinian police officers and will not deploy troops.", {"EGY": {}}),
        ("Jordan will not send troops but has trained 1,000 Palestinian police.", {"JOR": {}}),
    ],
)
def test_paraphrased_troop_figures_in_wire_copy(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Malaysia\'s foreign minister said Kuala Lumpur would take part "only if there is a clear mandate from the United Nations".', {'MYS': ['mandate']}),
        ('Senegal will deploy its battalion only after the truce has taken hold, a government spokesman said.', {'SEN': ['ceasefire']}),
        ('Any deployment by Vietnam would have to be approved by the National Assembly, officials said.', {'VNM': ['domestic_approval']}),
        ("Cambodia's participation will hinge on whether Hamas agrees to disarm.", {'KHM': ['disarmament']}),
        ('Mongolia said it could contribute troops, but that would require the agreement of both Israel and the Palestinians.', {'MNG': ['party_consent']}),
        ("Kenya's cabinet must first sign off on any deployment, the ministry said, adding that Nairobi was otherwise ready to send 1,000 officers.", {'KEN': ['domestic_approval']}),
        ('Rwanda said it would send troops, as long as they serve under Rwandan command.', {'RWA': ['command']}),
        ('Tanzania will contribute, on the understanding that the force has a Security Council mandate.', {'TZA': ['mandate']}),
        ('Zambia is willing to help, assuming the costs are met by the international community.', {'ZMB': ['funding']}),
        ('Norway is prepared to send troops, as long as the mission is authorised by the Security Council.', {'NOR': ['mandate']}),
        ('Sweden could send peacekeepers, though only with a Riksdag vote.', {'SWE': ['domestic_approval']}),
        ('For Nepal, a UN mandate is a precondition for any deployment.', {'NPL': ['mandate']}),
        ("Fiji's government said a lasting ceasefire was a prerequisite for sending troops.", {'FJI': ['ceasefire']}),
        ('A Security Council resolution is essential before Pakistan sends soldiers, Islamabad said.', {'PAK': ['mandate']}),
        ('Bangladesh will send troops when the Security Council adopts a resolution.', {'BGD': ['mandate']}),
        ('Indonesia said its troops would deploy under Indonesian command and only for humanitarian tasks.', {'IDN': ['command']}),
        ("Turkey's deployment would need the approval of the Turkish parliament.", {'TUR': ['domestic_approval']}),
        ('Azerbaijan will not deploy unless all hostilities cease.', {'AZE': ['ceasefire']}),
        ('Egypt is ready to take part if Israel withdraws from the Philadelphi corridor.', {'EGY': ['other']}),
        ('Jordan would only consider sending police if invited by the Palestinian Authority.', {'JOR': ['party_consent']}),
        ('Italy stands ready to send carabinieri once the Italian parliament gives the green light.', {'ITA': ['domestic_approval']}),
        ('Greece is willing to contribute, on condition that the force operates under a UN mandate.', {'GRC': ['mandate']}),
        ("Portugal's contribution would be conditional upon a formal request from the Palestinian Authority.", {'PRT': ['party_consent']}),
        ('Spain would participate provided that the European Union funds the deployment.', {'ESP': ['funding']}),
        ('Brazil will only participate if its soldiers are not required to disarm Hamas.', {'BRA': ['disarmament']}),
        ('Argentina will send troops, but only if both sides consent.', {'ARG': ['party_consent']}),
        ('Chile will participate in the force as long as it is led by the United Nations.', {'CHL': ['mandate']}),
        ('Peru said it would join once a ceasefire is fully in place and a UN mandate is agreed.', {'PER': ['ceasefire', 'mandate']}),
        # must NOT: "when" about something other than a term
        ("Latvia will send medics when the first ships arrive.", {"LVA": []}),
    ],
)
def test_paraphrased_conditions_in_reported_speech(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Malaysia will only send troops if the fighting stops.', {'MYS': 'conditional'}),
        ('Senegal is ready to send troops pending a UN resolution.', {'SEN': 'conditional'}),
        ('Kenya said it would not commit troops until there was clarity on the mandate.', {'KEN': 'conditional'}),
        ('Rwanda will decide after the Security Council votes.', {'RWA': 'conditional'}),
        ("Tanzania's decision will depend on the mandate.", {'TZA': 'conditional'}),
        ('Norway said its decision would hinge on the terms of the resolution.', {'NOR': 'conditional'}),
        ('Sweden said any participation would require a vote in the Riksdag.', {'SWE': 'conditional'}),
    ],
)
def test_paraphrased_terms_make_the_stance_conditional(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Malaysia has so far declined to commit troops.', {'MYS': 'declined'}),
        ('Senegal has categorically ruled out any participation.', {'SEN': 'declined'}),
        ('Vietnam will definitely not send soldiers, the spokesperson said.', {'VNM': 'declined'}),
        ('Cambodia is said to be reluctant to join the force.', {'KHM': 'considering'}),
        ('Officials indicated that Mongolia would stay out of the mission.', {'MNG': 'declined'}),
        ('Kenya said it had "no plans at this stage" to send troops.', {'KEN': 'declined'}),
        ('Rwanda will not, for now, send troops.', {'RWA': 'declined'}),
        ('Tanzania does not currently plan to contribute troops.', {'TZA': 'declined'}),
        ('Zambia is not going to send soldiers to Gaza, the president said.', {'ZMB': 'declined'}),
        ('Norway would rather not take part.', {'NOR': 'declined'}),
        ('Sweden has said no to sending troops.', {'SWE': 'declined'}),
        ('Finland rejected a US request to contribute troops.', {'FIN': 'declined'}),
        ('Denmark said it sees no role for Danish troops in the force.', {'DNK': 'declined'}),
        ('Austria will not be among the contributors.', {'AUT': 'declined'}),
        ('Belgium has no plans to join the stabilization force.', {'BEL': 'declined'}),
        ('Malaysia has repeatedly said it is ready to send peacekeepers.', {'MYS': 'committed'}),
        ('Senegal on Tuesday formally pledged a battalion to the force.', {'SEN': 'committed'}),
        ('Vietnam has already committed 300 engineers.', {'VNM': 'committed'}),
        ('Cambodia will definitely send troops, the prime minister said.', {'KHM': 'committed'}),
        ('Kenya has offered to lead the stabilization force.', {'KEN': 'committed'}),
        ('Rwanda has put forward a battalion for the force.', {'RWA': 'committed'}),
        ('Tanzania confirmed that its troops would join the mission.', {'TZA': 'committed'}),
        ('Zambia said its soldiers were ready to deploy.', {'ZMB': 'committed'}),
        ('Norway said it was happy to contribute medical staff.', {'NOR': 'committed'}),
        ('Sweden said it would gladly send observers.', {'SWE': 'committed'}),
        ('Finland will be contributing a field hospital.', {'FIN': 'committed'}),
        ('Malaysia has been approached about sending troops but has not yet responded.', {'MYS': 'considering'}),
        ('Senegal is in the process of deciding whether to join.', {'SEN': 'considering'}),
        ('Vietnam said it would examine the request carefully.', {'VNM': 'considering'}),
        ('Cambodia is keeping its options open.', {'KHM': 'considering'}),
        ('Mongolia is still evaluating whether to contribute.', {'MNG': 'considering'}),
        ("Kenya's parliament is debating whether to send troops.", {'KEN': 'considering'}),
        ('Rwanda has expressed openness to joining the force.', {'RWA': 'considering'}),
        ('Tanzania is exploring options for a contribution.', {'TZA': 'considering'}),
        ('Zambia will make a decision on its participation next week.', {'ZMB': 'considering'}),
        ('Norway has not committed either way.', {'NOR': 'considering'}),
        ('Malaysia has backed out of its pledge to send troops.', {'MYS': 'withdrawn'}),
        ('Senegal announced the withdrawal of its contingent.', {'SEN': 'withdrawn'}),
        ('Vietnam has withdrawn from the force.', {'VNM': 'withdrawn'}),
        ('Cambodia decided to withdraw its offer of troops.', {'KHM': 'withdrawn'}),
        ('Mongolia has pulled its troops out of the mission.', {'MNG': 'withdrawn'}),
        ('Kenya has reneged on its offer.', {'KEN': 'withdrawn'}),
        ("Rwanda's first troops have already deployed to the enclave.", {'RWA': 'deployed'}),
        ('About 300 Tanzanian soldiers are now stationed in Rafah.', {'TZA': 'deployed'}),
        ('Zambian peacekeepers began arriving in the enclave on Monday.', {'ZMB': 'deployed'}),
        ("Norway's medical team has been deployed to the enclave.", {'NOR': 'deployed'}),
        # must NOT
        ('Qatar put forward a proposal for a ceasefire.', {}),
        ('Egypt is happy to host the talks.', {}),
        ("Turkey is said to be reluctant to let Israel decide the force's make-up.", {'TUR': 'considering'}),
        ('Israel began deploying troops along the border.', {}),
        ('Egypt has announced the withdrawal of its ambassador.', {}),
        ('The force is deployed in Gaza.', {}),
        ('Peru has formally recognised the Board of Peace.', {}),
        ('Chile is weighing whether to recognise the new government.', {'CHL': 'considering'}),
        ('UN peacekeepers are stationed in Lebanon, where Indonesia has 1,000 troops.', {}),
        ('Jordan will definitely host the conference.', {}),
        ('Qatar, however, has offered to mediate.', {}),
        ('Pakistan said it was happy to help rebuild the enclave.', {}),
        ('Malaysia sees no reason to change its position.', {}),
        ('The Pentagon began deploying logistics teams to Israel.', {}),
    ],
)
def test_paraphrased_statuses_with_adverbs_and_asides(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Kenya will send 1,000 troops; the US, 200.', {'KEN': {'committed': 1000}}),
        ('Kenya will send 1,000 troops, and in 2026, 500 more.', {'KEN': {'committed': 1000}}),
        ('Kenya will send 1,000 troops, Reuters said, citing Nairobi, 2025.', {'KEN': {'committed': 1000}}),
        ('Chile will send troops in January, 2026.', {'CHL': {}}),
        ('Chile will send 500 troops to Rafah, 30 km away.', {'CHL': {'committed': 500}}),
        ('Chile will send 500 troops and 40 vehicles.', {'CHL': {'committed': 500}}),
        ('Chile will send troops, the minister said on October 20, 2025.', {'CHL': {}}),
        ('Peru has 8,000 soldiers in UN missions and is ready to send more.', {'PER': {}}),
    ],
)
def test_paraphrased_figures_that_are_not_the_offer(text, expected):
    assert _figures(text) == expected


def test_words_read_past_are_kept_in_the_quotes():
    text = "Rwanda will not, for now, send troops."
    (found,) = extract(text)
    assert (found.country, found.status, found.evidence) == ("RWA", "declined", [text])


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        # short articles: the stance, its figure and who it is about carried across sentences
        ('st', "ISLAMABAD - Pakistan's foreign office said on Friday it had received the request. The country has not yet taken a decision, spokesman Tahir Andrabi said.", {'PAK': 'considering'}),
        ('fig', 'Indonesia will send troops to Gaza. The first batch of 1,000 will leave in April, and up to 8,000 could follow.', {'IDN': {'offered_max': 8000}}),
        ('fig', 'Azerbaijan will not send troops. Baku already has 2,000 soldiers in other missions.', {'AZE': {}}),
        ('st', 'Turkish officials say Ankara is ready to contribute. Israel has objected to any Turkish role.', {'TUR': 'committed'}),
        ('fig', 'Italy will send 200 carabinieri. The force, expected to total 20,000, will be commanded by a US general.', {'ITA': {'committed': 200}}),
        ('st', 'The UAE said it would not take part. Abu Dhabi instead pledged $100 million for reconstruction.', {'ARE': 'declined'}),
        ('fig', 'Kazakhstan confirmed it would send a medical unit. It will consist of about 40 doctors and nurses.', {'KAZ': {'committed': 40}}),
        ('st', 'Bangladesh told US officials it wants to join the force. Dhaka is now awaiting the mandate.', {'BGD': 'conditional'}),
        ('fig', 'Albania will send a small contingent. Prime Minister Edi Rama said the country would contribute around 100 troops.', {'ALB': {'committed': 100}}),
    ],
)
def test_paraphrased_short_articles(kind, text, expected):
    assert (_statuses if kind == "st" else _figures)(text) == expected


# ---- groups of countries: requests sent to them, members listed, a group as its own subject --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # requests sent out to countries, named directly or as examples of a group
        ("Officials said the foreign ministry sent formal requests to countries such as Chile, Peru and Ecuador about joining "
         "the stabilisation force.", {"CHL": "considering", "PER": "considering", "ECU": "considering"}),
        ("On Tuesday the ministry asked some 40 countries to contribute troops to the force, from large allies such as Chile "
         "to small states including Fiji and Tonga.", {"CHL": "considering", "FJI": "considering", "TON": "considering"}),
        # near miss: a request that is not about the force
        ("On Tuesday the ministry asked some 40 countries for advice on trade rules, including Chile.", {}),
        # a group as the subject of its own clause, after the one who speaks
        ("Gabon's foreign minister said that several countries have expressed willingness to send troops.", {}),
        # near miss: the speaker's country is part of the subject
        ("Gabon's foreign minister said that Gabon and several other countries are ready to send troops.", {"GAB": "committed"}),
        # the group's members set off by dashes after the verb
        ("The two nations that American officials describe as on the verge of sending troops — Ghana and Nepal — want a "
         "narrow mandate.", {"GHA": "considering", "NPL": "considering"}),
        # members listed in the next sentence, and a list whose last member has an adjective
        ("Five countries have committed to sending soldiers. These countries are Ghana, Nepal, Fiji and the tiny Tonga.",
         {"GHA": "committed", "NPL": "committed", "FJI": "committed", "TON": "committed"}),
        ("Five countries have committed to sending soldiers. These countries are still unnamed; Nepal said it would not send "
         "troops.", {"NPL": "declined"}),
        ("The commander said Ghana, Nepal and the tiny Tonga will send soldiers to the force.",
         {"GHA": "committed", "NPL": "committed", "TON": "committed"}),
    ],
)
def test_groups_asked_listed_and_speaking_of_others(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops asked for, in the passive
        ("Officials confirmed that Chilean engineers have been requested for the stabilisation mission.", {"CHL": "considering"}),
        ("Chilean engineers have been praised for their work.", {}),  # near miss
        # approvals of a deployment or participation with a word before the noun
        ("Zambia's parliament approved a long-debated deployment on Thursday.", {"ZMB": "committed"}),
        ("The presidency of Ghana approved the participation of Ghanaian soldiers in the force.", {"GHA": "committed"}),
        # a leader who says "he" will send, with the troops a few words on
        ("Kenya's President William Ruto said that he would send a significant number of police officers.", {"KEN": "committed"}),
        ("Kenya's president said he would send a delegation to the talks.", {}),  # near miss
        # an adverb inside the passive
        ("According to the envoy, Nepalese troops will be mainly deployed in the north.", {"NPL": "committed"}),
        # a task taken on within the force
        ("Ghana and Fiji will take on the training of local police.", {"GHA": "committed", "FJI": "committed"}),
        ("The force will take on the training of local police.", {}),  # near miss
        # decisions not yet made, in the plural or with "such", and the country the decision is about
        ("Peru's defence ministry said decisions have not yet been made on its contribution.", {"PER": "considering"}),
        ("Sources said no decision has been taken on Peru joining the force.", {"PER": "considering"}),
        ("Sources said no decision has been taken on the force's budget.", {}),  # near miss
        ("Sources in Lima said no such decision has been taken yet.", {"PER": "considering"}),
    ],
)
def test_requests_approvals_tasks_and_decisions_not_taken(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name ends at its possessive: "Donald Trump’s Board" is no person called "Board"
        ("Chilean President Ana Rivas will attend Donald Trump’s Board of Peace meeting. Rivas attended the first meeting of "
         "the Board of Peace in Washington, and pledged to send 500 troops.", {"CHL": ("committed", {"committed": 500})}),
        # an earlier pledge that is the article's only stance keeps its figure ...
        ("Last month, Chile pledged to send 500 troops.", {"CHL": ("committed", {"committed": 500})}),
        # ... but gives way, figure and all, to the current stance (near miss)
        ("Last month, Chile pledged to send 500 troops. Chile now says it will only send troops if the Security Council "
         "approves.", {"CHL": ("conditional", {})}),
        # a speaker described in an aside that names the country
        ("“Decisions have not yet been made on the level of help that we could provide,” Ana Rivas, an assistant deputy "
         "minister at the foreign ministry of Chile, told the committee on Tuesday.", {"CHL": ("considering", {})}),
        ("“Decisions have not yet been made on the level of help that we could provide,” Ana Rivas, an assistant deputy "
         "minister, told the committee on Tuesday.", {}),  # near miss: no country named
        # a pledge in the pluperfect is an earlier stance; a plan "now on hold" is taken back
        ("Peru has pledged 600 troops to the force. Peru had pledged the troops in March. Lima's plan to send the troops is "
         "now on hold.", {"PER": ("withdrawn", {"committed": 600})}),
        ("Peru said the talks on the ceasefire are on hold, but it will send 600 troops.",
         {"PER": ("committed", {"committed": 600})}),  # near miss: something else on hold
    ],
)
def test_names_speakers_and_earlier_stances(text, expected):
    assert {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a size for the whole force, said in a clause about the force, is no country's figure
        ("Peru is willing to send up to 800 soldiers to the force, whose members can reach up to 5,000.",
         {"PER": ("committed", {"offered_max": 800})}),
        ("Peru and Ecuador are also willing to contribute to the force, whose members can reach up to 5,000.",
         {"PER": ("committed", {}), "ECU": ("committed", {})}),
        # an aside that is the country's own offer keeps its figure; background in an aside does not
        ("Ghana, which has offered to contribute up to 2,000 personnel, stands ready to deploy its troops, the minister said.",
         {"GHA": ("committed", {"offered_max": 2000})}),
        ("Ghana, which has 3,000 peacekeepers in other missions, stands ready to deploy its troops.", {"GHA": ("committed", {})}),
        # a denial is a refusal only when what is denied is a contribution
        ("Nepal's spokesman dismissed the claims as baseless after reports of secret meetings with foreign agencies.", {}),
        ("Nepal denied reports that it would send troops to the force.", {"NPL": ("declined", {})}),
        # troops ready, but the own government's go-ahead still to come: weighing it, the figure an offer
        ("Fiji's army said it has 500 soldiers on standby, ready to go once the government gives its approval.",
         {"FJI": ("considering", {"offered_min": 500, "offered_max": 500})}),
        ("Fiji will send 500 soldiers once parliament approves the deployment.",
         {"FJI": ("conditional", {"offered_min": 500, "offered_max": 500})}),  # near miss: a parliament's vote is a term
    ],
)
def test_force_sizes_asides_denials_and_a_go_ahead_awaited(text, expected):
    assert {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "statuses", "conditions"),
    [
        # a refusal of a role "such as" a task limits the role; it is no refusal to join
        ('"We will not be part of any other role, such as disarming militias," the Peruvian minister said. Peru is ready to '
         "send troops.", {"PER": "committed"}, {"PER": []}),
        ("Peru will not be part of the force.", {"PER": "declined"}, {"PER": []}),  # near miss
        # assurances wanted first, the term cut at "rather than", a mission's kind as a mandate term
        ("Before Ghana commits troops, it wants assurances from Washington that the force will be a peacekeeping mission "
         "rather than tasked with disarming militias.", {"GHA": "conditional"}, {"GHA": ["mandate"]}),
        ("Nepal's foreign ministry said media reports about its troops require clarification.", {}, {}),  # near miss
        ('"We can send a battalion at any time, but we need to know what role they are going to play," Fiji\'s defence '
         "minister said.", {"FJI": "conditional"}, {"FJI": ["mandate"]}),
        # countries in general as the subject after a speaker
        ("The Chilean minister said that countries contributing troops want to know what the mandate will be.", {}, {}),
        ("The Chilean minister said that Chile wants to know what the mandate will be before it sends troops.",
         {"CHL": "conditional"}, {"CHL": ["mandate"]}),  # near miss: the country itself
    ],
)
def test_roles_refused_assurances_wanted_and_countries_in_general(text, statuses, conditions):
    assert _statuses(text) == statuses
    assert _conditions(text) == conditions


@pytest.mark.parametrize(
    ("text", "statuses", "figures", "conditions"),
    [
        # terms announced, then listed one by one in the next sentence
        ("Ghana's minister said Ghana is interested in joining the force provided several conditions are met. These include "
         "that the force must operate under a UN mandate; a lasting ceasefire must be in place; and the costs must be covered "
         "by donors.", {"GHA": "conditional"}, {"GHA": {}}, {"GHA": ["mandate", "ceasefire", "funding"]}),
        ("Ghana is ready to send troops. These include engineers and medics.",
         {"GHA": "committed"}, {"GHA": {}}, {"GHA": []}),  # near miss: no terms announced
        # an adjective of a party to the conflict is never the subject: "we" is the country last spoken of
        ('Nepal\'s minister spoke on Monday.\nHe added, "As a supporter of the Palestinian cause, we are ready to send troops."',
         {"NPL": "committed"}, {"NPL": {}}, {"NPL": []}),
        ("Palestinian police will be trained by the force.", {}, {}, {}),  # near miss
        # a lower bound counts people, not questions
        ("Peru has more than 20 questions about the force and is weighing whether to send troops.",
         {"PER": "considering"}, {"PER": {}}, {"PER": []}),
        ("Peru will send more than 500 soldiers.", {"PER": "committed"}, {"PER": {"offered_min": 500}}, {"PER": []}),
    ],
)
def test_terms_listed_later_party_adjectives_and_counts_of_other_things(text, statuses, figures, conditions):
    assert _statuses(text) == statuses
    assert _figures(text) == figures
    assert _conditions(text) == conditions


@pytest.mark.parametrize(
    ("text", "statuses", "figures", "conditions"),
    [
        # a judgment on a task ("disarmament could only be realistic if ...") is no term for joining
        ("The Chilean minister suggested that disarmament of the militias could only be realistic if it happened voluntarily.",
         {}, {}, {}),
        ("The Chilean minister said Chile could only send troops if a ceasefire holds.",
         {"CHL": "conditional"}, {"CHL": {}}, {"CHL": ["ceasefire"]}),  # near miss
        ("The Chilean minister said Chile's participation could only be possible if the Security Council approves.",
         {"CHL": "conditional"}, {"CHL": {}}, {"CHL": ["mandate"]}),  # near miss
        # the aim a pledge serves is no term: "will contribute to global peace within the framework of the UN"
        ("Chile's pledge to deploy 800 troops will contribute to global peace within the framework of the UN, the minister said.",
         {"CHL": "committed"}, {"CHL": {"committed": 800}}, {"CHL": []}),
        ("Chile will deploy 800 troops only within the framework of the UN, the minister said.",
         {"CHL": "conditional"}, {"CHL": {"offered_min": 800, "offered_max": 800}}, {"CHL": ["mandate"]}),  # near miss
    ],
)
def test_judgments_on_tasks_and_aims_are_no_terms(text, statuses, figures, conditions):
    assert _statuses(text) == statuses
    assert _figures(text) == figures
    assert _conditions(text) == conditions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile has agreed to participate in the ISF.", {"CHL": "committed"}),
        ("Chile has agreed to participate in the talks in Cairo.", {}),  # near miss: talks, not troops
        ("Chile has agreed to join the talks.", {}),  # near miss
        ("Chilean troops are expected to arrive in Gaza next month.", {"CHL": "committed"}),
        ("Chilean troops are expected to arrive in Lebanon next month.", {}),  # near miss: bound elsewhere
        ("Chile has signed on to the force.", {"CHL": "committed"}),
        ("Chile's government gave the green light for sending 300 soldiers to the force.", {"CHL": "committed"}),
        ("Chile's government gave the green light for sending aid to Gaza.", {}),  # near miss: aid, not people
        ("Chile's cabinet signed off on sending 400 troops.", {"CHL": "committed"}),
        ("Chile is likely to send troops.", {"CHL": "considering"}),
        ("Chile is likely to send a delegation to the talks.", {}),  # near miss
        ("Chile could send a delegation to the talks.", {}),  # near miss
        ('Asked whether Chile would send troops, the minister replied: "We have not decided yet."', {"CHL": "considering"}),
        ("Chile received a US request to contribute troops.", {"CHL": "considering"}),
        ("Chile opted not to take part.", {"CHL": "declined"}),
        ("Chile's president said his country would never send troops to Gaza.", {"CHL": "declined"}),
        ("Chile said it would never send a delegation to such talks.", {}),  # near miss
        ("Chile has stepped back from its offer.", {"CHL": "withdrawn"}),
    ],
)
def test_yet_more_wordings_and_talks_that_are_no_contribution(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker named, then the country in an aside, then the verb of saying
        ('"We will contribute 500 soldiers," Ana Rivas, Chile\'s defence minister, said on Monday.',
         {"CHL": ("committed", {"committed": 500})}),
        ('"We will contribute 500 soldiers," Ana Rivas, a defence official, said on Monday.', {}),  # near miss
        # troops of the one speaking: "our soldiers are ready to go"
        ('Ana Rivas, Chile\'s defence minister, said: "Our soldiers are ready to go."', {"CHL": ("committed", {})}),
        ("Soldiers are ready to go, the commander of the force said.", {}),  # near miss: nobody's troops
        # a ministry "in" a capital speaks for its government; "would be sent" in the passive
        ("The defence ministry in Santiago said 400 soldiers would be sent to Gaza in April.",
         {"CHL": ("committed", {"committed": 400})}),
        ("A conference in Santiago heard that 400 soldiers would be sent to Gaza in April.", {}),  # near miss: a place
        # neither ... nor
        ("Neither Chile nor Peru will send troops.", {"CHL": ("declined", {}), "PER": ("declined", {})}),
        ("Neither Chile nor Peru has said much, but Ecuador will send troops.", {"ECU": ("committed", {})}),  # near miss
        # a question and its answer in a transcript
        ("Q: Will Chile send troops to the force?\nA: No. Our position has not changed.", {"CHL": ("declined", {})}),
        ("Q: Will Chile send troops to the force?\nRivas: Yes, a battalion is ready.", {"CHL": ("committed", {})}),
        ("Q: Will Chile send troops to the force?\nA: No decision has been made yet.", {"CHL": ("considering", {})}),
        ("Q: What did Chile discuss with Peru?\nA: No, we only discussed trade.", {}),  # near miss: not about joining
    ],
)
def test_speakers_asides_transcripts_and_neither_nor(text, expected):
    assert {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # figures for all countries together, or for others, are no country's own
        ("Chile is ready to join; about 8,000 troops have been pledged so far by all countries.", {"CHL": ("committed", {})}),
        ("Chile has pledged 800 troops so far.", {"CHL": ("committed", {"committed": 800})}),  # near miss
        ("Chile will send troops, officials said, adding that 3,000 soldiers from other countries were expected.",
         {"CHL": ("committed", {})}),
        ("Chile will send 500 soldiers from its marine corps.", {"CHL": ("committed", {"committed": 500})}),  # near miss
        ("Chile will send troops. Officials hope to recruit 10,000 soldiers by the end of 2026.", {"CHL": ("committed", {})}),
        # an aside whose figure has a thousands comma is still one aside
        ("Chile, which has 1,200 peacekeepers in Lebanon, will send troops to Gaza.", {"CHL": ("committed", {})}),
        # troops already in the enclave
        ("Chile's 600 troops are already in Gaza.", {"CHL": ("deployed", {"deployed": 600})}),
        ("Chile's 600 troops are already in Lebanon.", {}),  # near miss
    ],
)
def test_figures_of_all_or_others_and_troops_in_the_enclave(text, expected):
    assert {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "statuses", "conditions"),
    [
        ("Chile is willing to take part, provided that the Palestinian Authority invites the force.",
         {"CHL": "conditional"}, {"CHL": ["party_consent"]}),
        ("Chile is willing to take part, provided that the force has a clear mandate.",
         {"CHL": "conditional"}, {"CHL": ["mandate"]}),  # near miss: another term
        ("The Chilean senate must first approve any troop deployment abroad.", {"CHL": "conditional"}, {"CHL": ["domestic_approval"]}),
        ("The Chilean senate approved a trade deal.", {}, {}),  # near miss
    ],
)
def test_invitations_and_senates_named_by_their_country(text, statuses, conditions):
    assert _statuses(text) == statuses
    assert _conditions(text) == conditions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headline grammar and the present tense
        ("Chile to send 500 troops to Gaza stabilisation force", {"CHL": "committed"}),
        ("The US has urged Chile to send troops to the force.", {"CHL": "considering"}),  # near miss: asked, not announced
        ("Chile eyes role in Gaza stabilisation force", {"CHL": "considering"}),
        ("Chile eyes new trade deals in Asia", {}),  # near miss
        ("Chile mulls joining Gaza force", {"CHL": "considering"}),
        ("Chile weighs Gaza troop deployment", {"CHL": "considering"}),
        ("Chile weighs new tax on mining", {}),  # near miss
        ("Chile considers request to join Gaza force", {"CHL": "considering"}),
        ("Chile keen on joining Gaza force", {"CHL": "committed"}),
        ("Chile signals willingness to join ISF", {"CHL": "committed"}),
        ("Chile sends first troops to Gaza", {"CHL": "committed"}),
        ("Chile says no to Gaza troop request", {"CHL": "declined"}),
        ("Chile rejects sending troops to Gaza", {"CHL": "declined"}),
        ("Chile rejects criticism of its ceasefire stance", {}),  # near miss
        ("Chile backs out of Gaza force", {"CHL": "withdrawn"}),
        ("Chilean troops arrive in Gaza", {"CHL": "deployed"}),
        ("Chilean tourists arrive in Gaza", {}),  # near miss
        # misgivings and reluctance
        ("Chile is in no hurry to commit troops to the force.", {"CHL": "considering"}),
        ("Chile has expressed reservations about sending troops.", {"CHL": "considering"}),
        ("Chile has shown little appetite for sending troops.", {"CHL": "considering"}),
        ("Chile remains noncommittal about sending troops.", {"CHL": "considering"}),
        ("Chile has been reluctant to commit troops.", {"CHL": "considering"}),
    ],
)
def test_headline_grammar_and_misgivings(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the force's make-up, with the countries listed after "troops from"
        ("Troops from Chile, Peru and Ecuador are expected to form the core of the force.",
         {"CHL": ("committed", {}), "PER": ("committed", {}), "ECU": ("committed", {})}),
        ("Troops from Chile, Peru and Ecuador took part in a joint exercise last year.", {}),  # near miss
        ("The force will include troops from Chile, Peru and Ecuador.",
         {"CHL": ("committed", {}), "PER": ("committed", {}), "ECU": ("committed", {})}),
        ("The exercise included troops from Chile and Peru.", {}),  # near miss
        # figures with the verb left out, the last joined by "and"
        ("Chile has offered 500 troops, Peru 300 and Ecuador 200.",
         {"CHL": ("committed", {"committed": 500}), "PER": ("committed", {"committed": 300}), "ECU": ("committed", {"committed": 200})}),
        ("Chile has offered 500 troops, Peru and Ecuador nothing so far.", {"CHL": ("committed", {"committed": 500})}),  # near miss
        # a participation confirmed, in the passive
        ("Chile's participation was confirmed by its foreign ministry on Monday.", {"CHL": ("committed", {})}),
        ("Chile's participation in the summit was confirmed on Monday.", {}),  # near miss
    ],
)
def test_the_forces_make_up_gapped_figures_and_participation_confirmed(text, expected):
    assert {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's army chief, General Ana Rivas, said 500 soldiers were being trained for the mission.",
         {"CHL": ("committed", {"committed": 500})}),
        ("Chile's army chief, General Ana Rivas, said 500 soldiers were being trained for border duty.", {}),  # near miss
        ("The commander of the force said 500 soldiers were being trained for the mission.", {}),  # near miss: nobody's troops
    ],
)
def test_troops_being_readied_for_the_mission(text, expected):
    assert {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare verb whose object is something other than the force, in a sentence that never speaks of it
        ("Chile withdrew its ambassador from Israel last year.", {}),
        ("Chile withdrew its offer of troops.", {"CHL": "withdrawn"}),  # near miss: the offer
        ("Chile pulled out of the trade talks in March.", {}),
        ("Chile pulled out of the force in March.", {"CHL": "withdrawn"}),  # near miss
        ("Chile rejected the accusations of bias.", {}),
        ("Chile ruled out new elections this year.", {}),
        ("Asked about the force, Chile ruled it out.", {"CHL": "declined"}),  # near miss
        ("Chile has now ruled out taking part.", {"CHL": "declined"}),  # near miss: taking part is the force
        ("Chile is considering new sanctions on Russia.", {}),
        ("Chile is considering sending troops.", {"CHL": "considering"}),  # near miss
        ("Chile has been in talks with Israel about trade.", {}),
        ("Chile has been in talks with Washington about the force.", {"CHL": "considering"}),  # near miss
        # troops deployed to another country are no deployment to the enclave
        ("Chile has deployed peacekeepers to Lebanon for decades.", {}),
        ("Chile has deployed 300 peacekeepers to Gaza.", {"CHL": "deployed"}),  # near miss
    ],
)
def test_bare_verbs_about_something_else(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside that states the stance is read; an aside of background is not
        ("Chile, which will send 500 troops, met Peru on Monday.", {"CHL": ("committed", {"committed": 500})}),
        ("Chile, which sent 500 troops to Haiti, met Peru on Monday.", {}),  # near miss
        # waves counted and sized
        ("Chile will send troops in two waves of 300 soldiers each.", {"CHL": ("committed", {"committed": 600})}),
        ("Chile will send troops in waves of 300 soldiers.", {"CHL": ("committed", {"committed": 300})}),  # near miss: no count
    ],
)
def test_stances_in_asides_and_waves_counted(text, expected):
    assert {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}) for s in extract(text)} == expected


def test_countries_named_without_a_suggestion_are_listed_with_their_sentences():
    from app.services.importer import also_named

    text = ("CAIRO, Egypt, Mar 3 (Wire) - Peru will send 300 troops to the force. Turkish officials met the "
            "Peruvian envoy.\nErdogan spoke about trade. Israel and the United States welcomed the pledge.")
    found = also_named(text, [s.country for s in extract(text)])
    # Türkiye by its people, then by its president's name; not Peru (suggested), the dateline's Egypt,
    # or the sponsor and a party
    assert [(n.code, len(n.passages)) for n in found] == [("TUR", 2)]
    assert found[0].passages == ["Turkish officials met the Peruvian envoy.", "Erdogan spoke about trade."]


# ---- each stance in still other wire wordings (a paraphrase sweep) ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pledges: a headline's present tense, signing up, "would be sending"
        ("Mali commits 400 troops to Gaza force", {"MLI": "committed"}),
        ("Benin signed up to contribute a company of engineers to the force.", {"BEN": "committed"}),
        ("Togo has signed on for the stabilisation mission.", {"TGO": "committed"}),
        ("Chad would be deploying a medical team, officials said.", {"TCD": "committed"}),
        # refusals: not yet ready, not currently planning, the idea dismissed, soldiers not put on the ground
        ("Slovakia is not yet ready to send soldiers to the enclave.", {"SVK": "declined"}),
        ("Croatia is not ready yet to join the mission.", {"HRV": "declined"}),
        ("Latvia is not currently planning to deploy anyone.", {"LVA": "declined"}),
        ("Estonia brushed aside the idea of sending troops.", {"EST": "declined"}),
        ("Cyprus dismissed the notion of joining the force.", {"CYP": "declined"}),
        ("Malta is not willing to put its soldiers on the ground.", {"MLT": "declined"}),
        ("Iceland will not under any circumstances take part.", {"ISL": "declined"}),
        # deliberation: the possibility discussed, a request considered, a decision due at a time given
        ("Slovenia's army is debating the possibility of joining the force.", {"SVN": "considering"}),
        ("Bulgaria is looking into the option of contributing medics.", {"BGR": "considering"}),
        ("Romania was reported to be considering the American request.", {"ROU": "considering"}),
        ("A decision on whether Lithuania will take part is due next month.", {"LTU": "considering"}),
        # withdrawals: a plan scrapped, a deployment called off or halted
        ("Montenegro has scrapped plans to send a police unit.", {"MNE": "withdrawn"}),
        ("Moldova froze its plan to deploy engineers.", {"MDA": "withdrawn"}),
        ("Armenia called off its deployment on Sunday.", {"ARM": "withdrawn"}),
        ("Georgia has halted the dispatch of its soldiers.", {"GEO": "withdrawn"}),
        # near misses: an approach only imagined, an idea dismissed that is no contribution, a plan of others halted
        ("If Slovakia were asked, it would look at the request, a diplomat said.", {"SVK": "considering"}),
        ("If Croatia were approached, nobody knows what it would answer.", {}),
        ("Estonia dismissed the idea of new elections.", {}),
        ("Cyprus halted the deployment of the new radar.", {}),
    ],
)
def test_stances_in_other_wire_wordings(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal until an event: the event is the term
        ("Mali will not deploy until Hamas has handed over its weapons.", {"MLI": ["disarmament"]}),
        ("Benin will not send soldiers before the parliament votes.", {"BEN": ["domestic_approval"]}),
        ("Togo won't commit troops until the Palestinians consent.", {"TGO": ["party_consent"]}),
        # parliaments by their own names set the term, and may be the subject
        ("Iran's Majlis would have to give its approval to any deployment.", {"IRN": ["domestic_approval"]}),
        ("The Sejm must first approve any Polish contribution.", {"POL": ["domestic_approval"]}),
        ("Sweden will send medics when the Riksdag approves.", {"SWE": ["domestic_approval"]}),
        ("Norway would need a Storting resolution to take part.", {"NOR": ["domestic_approval"]}),
        # consent of both parties, Israel's agreement, a truce assumed
        ("Chad would take part if both Hamas and Israel agree.", {"TCD": ["party_consent"]}),
        ("Niger will send troops once Israel consents to the deployment.", {"NER": ["party_consent"]}),
        ("Gabon would deploy a battalion assuming the truce holds.", {"GAB": ["ceasefire"]}),
    ],
)
def test_terms_set_by_events_and_parliaments_by_name(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # near misses: a date is no term, a pledge before an event is no term, a parliament's debate is no stance
        ("Mali will not send troops before the end of the year.", {"MLI": "declined"}),
        ("Benin will send troops before Hamas disarms, its minister said.", {"BEN": "committed"}),
        ("The Bundestag debated the Gaza plan on Thursday.", {}),
        ("Gabon is assuming command of a UN mission in Africa.", {}),
    ],
)
def test_no_term_in_dates_and_debates(text, expected):
    assert _statuses(text) == expected
    assert all(not s.conditions for s in extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pledges: present tense of agreeing, a commitment in progress, the one told, who said it set mid-verb
        ("Zambia agrees to dispatch a police unit to Gaza", {"ZMB": "committed"}),
        ("Namibia has agreed to supply a battalion of 500 soldiers.", {"NAM": "committed"}),
        ("Botswana is committing 250 soldiers to the force.", {"BWA": "committed"}),
        ("Malawi has notified the UN that it will deploy a medical team.", {"MWI": "committed"}),
        ("Lesotho will, its minister said, contribute two hundred police.", {"LSO": "committed"}),
        ("Angola set to send troops to Gaza", {"AGO": "committed"}),
        # refusals: requests rebuffed, out of the question, no interest, balking, opting out, kept out
        ("Zambia rebuffed repeated American requests to join the force.", {"ZMB": "declined"}),
        ("Namibia has refused a Washington request for troops.", {"NAM": "declined"}),
        ("Botswana said deploying soldiers to Gaza was out of the question.", {"BWA": "declined"}),
        ("Malawi has expressed no desire to take part.", {"MWI": "declined"}),
        ("Lesotho balked at sending soldiers.", {"LSO": "declined"}),
        ("Angola opted out of the stabilisation force.", {"AGO": "declined"}),
        ("Eswatini is not about to send troops anywhere.", {"SWZ": "declined"}),
        ("Zimbabwe will keep its soldiers out of the enclave.", {"ZWE": "declined"}),
        ("Uganda has no plan to deploy troops.", {"UGA": "declined"}),
        # deliberation: no commitment made yet, leaning towards it
        ("Tanzania has made no firm commitment, its envoy said.", {"TZA": "considering"}),
        ("Burundi is leaning towards joining the force.", {"BDI": "considering"}),
        # withdrawals: backing away from a pledge, ending a participation, quitting the force, pulling troops out
        ("Zambia backs away from Gaza troop pledge", {"ZMB": "withdrawn"}),
        ("Namibia has ended its participation in the force.", {"NAM": "withdrawn"}),
        ("Botswana quits the Gaza stabilisation force", {"BWA": "withdrawn"}),
        ("Malawi is pulling its medics out of the enclave.", {"MWI": "withdrawn"}),
        # deployed: troops already sent there, patrols begun
        ("Lesotho has sent 150 police officers to Gaza.", {"LSO": "deployed"}),
        ("Angolan soldiers have begun patrolling the Strip.", {"AGO": "deployed"}),
        # near misses: the same verbs about something else
        ("Zambia rejected calls for an early election.", {}),
        ("Namibia quit the trade coalition last year.", {}),
        ("Botswana has ended its mission in Haiti.", {}),
        ("Malawi has sent 20 tonnes of supplies to Gaza.", {}),
        ("Lesotho agrees to send a delegation to the summit", {}),
        ("Angola set to host donor conference", {}),
        ("Uganda will, officials said, host the next round of talks.", {}),
        ("UN peacekeepers have begun patrolling southern Lebanon.", {}),
        ("Tanzania has shown no interest in the talks.", {}),
    ],
)
def test_stances_in_a_second_sweep_of_wordings(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a contingent "numbering" so many is the country's own; a force of that size is the whole force's
        ("Sudan will send a contingent numbering 350 troops.", {"SDN": {"committed": 350}}),
        ("Libya will send a contingent totalling 250 police officers.", {"LBY": {"committed": 250}}),
        ("Libya will send troops to a force numbering 20,000 soldiers.", {"LBY": {}}),  # near miss
    ],
)
def test_a_contingent_numbering_so_many(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sudan conditions its participation on a lasting truce.", {"SDN": ["ceasefire"]}),
        ("Libya is conditioning its contribution on a UN mandate.", {"LBY": ["mandate"]}),
    ],
)
def test_participation_conditioned_in_the_present(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country named as where a meeting happened is not who acts in the sentence
        ("Peru skipped a planning meeting in Jordan last week and said it would not deploy unless a truce holds.",
         {"PER": ("conditional", {}, ["ceasefire"])}),
        ("Ghana did not attend the talks held in Egypt and said it would contribute 300 soldiers.",
         {"GHA": ("committed", {"committed": 300}, [])}),
        ("Chile, which missed a donors' summit in Turkey, will send troops.", {"CHL": ("committed", {}, [])}),
        # near misses: a meeting's host takes no stance; a possessive after "in" is no place
        ("Ghana attended a meeting in Turkey on the force.", {}),
        ("There is interest in Turkey's participation, and Turkey will send troops.", {"TUR": ("committed", {}, [])}),
    ],
)
def test_countries_named_as_places(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure said later without a stance of its own fills in an earlier, dated stance
        ("Last month, Ghana approved the deployment of troops to the enclave. On Monday, Ghana's army said as many as 900 soldiers could be ready by May.",
         {"GHA": ("committed", {"offered_max": 900}, [])}),
        ("Earlier this year, Peru pledged troops. Peru's defence ministry said up to 600 soldiers could be ready by June.",
         {"PER": ("committed", {"offered_max": 600}, [])}),
        # a demonym naming the army or government is the subject of the verb that follows
        ("A British diplomat said the Ghanaian army plans to send about 700 soldiers in a first phase.",
         {"GHA": ("committed", {"committed": 700}, [])}),
        ("An American envoy said that the Kenyan government has agreed to send 400 police officers.",
         {"KEN": ("committed", {"committed": 400}, [])}),
        # near misses: the demonym is only an adjective of other things, or the party is no contributor
        ("The Ghanaian army chief met Peru's minister, who said Peru would send 300 soldiers.", {"PER": ("committed", {"committed": 300}, [])}),
        ("An American official said the Israeli army plans to send troops to the border.", {}),
    ],
)
def test_figures_after_a_dated_stance_and_armies_named_by_demonym(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # still exploring a part in the force
        ("Portugal has expressed willingness to help with reconstruction and is exploring participation in the force.", {"PRT": "considering"}),
        ("Kenya explored a possible contribution to the stabilisation force last month.", {"KEN": "considering"}),
        # a stance weighed anew
        ("Chile, once seen as a likely contributor, has reevaluated its position.", {"CHL": "considering"}),
        ("Peru is reassessing its involvement after the clashes.", {"PER": "considering"}),
        ("Ghana reconsidered its offer after the attack on the convoy.", {"GHA": "considering"}),
        # a decision on joining announced for later
        ("Peru's leadership will decide on its potential role in the force.", {"PER": "considering"}),
        ("Ghanaian leadership would also take a decision in this regard, the minister said of the force.", {"GHA": "considering"}),
        ("Kenya will make a final decision on sending troops next month.", {"KEN": "considering"}),
        # near misses: decisions and reviews about other things give no stance
        ("Egypt will decide who may cross the border at Rafah.", {}),
        ("Chile will take a decision on its budget next week.", {}),
        ("Peru is reviewing its tariffs on steel.", {}),
        ("Kenya is exploring new markets for its tea.", {}),
    ],
)
def test_exploring_reweighing_and_decisions_still_to_take(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term introduced "with the condition that", "on the understanding that", "with the proviso that"
        ("Chile has agreed to send troops with the condition that they never patrol inside the camps.", {"CHL": ("conditional", {}, ["other"])}),
        ("Peru will contribute 200 medics on the understanding that a ceasefire is in force.", {"PER": ("conditional", {"offered_min": 200, "offered_max": 200}, ["ceasefire"])}),
        ("Ghana would deploy a battalion with the proviso that the Security Council authorises the mission.", {"GHA": ("conditional", {}, ["mandate"])}),
        # near miss: a source speaking on condition of anonymity sets no term
        ("Kenya will send 400 police officers, an official said on condition of anonymity.", {"KEN": ("committed", {"committed": 400}, [])}),
        # willingness put on a term: "would be happy to join if ..."
        ("Peru would be happy to take part if the force has a UN mandate.", {"PER": ("conditional", {}, ["mandate"])}),
        ("Kenya will be glad to contribute if a truce holds.", {"KEN": ("conditional", {}, ["ceasefire"])}),
        ("Chile would be willing to deploy if both parties agree.", {"CHL": ("conditional", {}, ["party_consent"])}),
        # near miss: "if asked" is willingness, not a term
        ("Chile would be happy to contribute if asked.", {"CHL": ("committed", {}, [])}),
        # a refusal limited to a task said with "to" is not a refusal to join
        ("Ghana is willing to join the force, though it would not send troops to disarm the militias.", {"GHA": ("committed", {}, [])}),
        ("Peru will contribute engineers but will not go there to fight.", {"PER": ("committed", {}, [])}),
        ("Chile will not deploy soldiers to Gaza.", {"CHL": ("declined", {}, [])}),  # near miss: a place, no task
        # a term on what the mandate says is a mandate term, whatever task it names
        ("Kenya will join if the mandate is not peace enforcement or disarming the militias.", {"KEN": ("conditional", {}, ["mandate"])}),
        ("Peru will send 300 soldiers provided the mission's mandate excludes combat.", {"PER": ("conditional", {"offered_min": 300, "offered_max": 300}, ["mandate"])}),
        # two terms joined by "and" without an article are two terms
        ("Ghana will act only under a collective decision and UN-backed mandate.", {"GHA": ("conditional", {}, ["other", "mandate"])}),
        ("Chile will deploy only with parliamentary approval and UN mandate.", {"CHL": ("conditional", {}, ["domestic_approval", "mandate"])}),
    ],
)
def test_terms_with_provisos_happy_if_task_limits_and_mandates(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wish or desire to join voiced
        ("Morocco has voiced a desire to join the stabilisation force.", {"MAR": "considering"}),
        ("Kenya, which has long backed the plan, expressed its wish to take part in the mission.", {"KEN": "considering"}),
        # the likeliest contributors
        ("A diplomat said Chile and Peru are the most likely to participate in the force.", {"CHL": "considering", "PER": "considering"}),
        ("Ghana is seen as best placed to contribute troops.", {"GHA": "considering"}),
        # an open mind or a cautious stance on the force
        ("The prime minister said Norway would keep an open mind about a role in a peacekeeping force.", {"NOR": "considering"}),
        ("Peru has kept a cautious stance on participation in the force.", {"PER": "considering"}),
        ("Chile maintains a wait-and-see approach to sending troops.", {"CHL": "considering"}),
        # contemplating a part, in any tense
        ("As Kenya contemplates sending its soldiers to Gaza, critics warn of the risks.", {"KEN": "considering"}),
        ("Ghana mulled joining the force last month.", {"GHA": "considering"}),
        # a title before the name still opens the sentence
        ("EU member Portugal is a critic of the war. It has voiced a desire to join the force despite objections.", {"PRT": "considering"}),
        # near misses: no wish, other topics, other benefits
        ("Morocco has no desire to join the force.", {"MAR": "declined"}),
        ("Norway keeps an open mind on trade talks.", {}),
        ("Peru took a cautious stance on the tariff dispute.", {}),
        ("Chile is the country most likely to benefit from the deal.", {}),
        ("Kenya contemplated new taxes on imports.", {}),
    ],
)
def test_wishes_likeliest_contributors_open_minds_and_contemplation(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # approaches and contacts said as nouns
        ("This follows reports of American approaches to several governments, including Kenya, for troops for the force.", {"KEN": "considering"}),
        ("Washington made overtures to Ghana about a contribution to the force.", {"GHA": "considering"}),
        ("Contacts are under way with several countries about their participation in the force, including Chile and Peru.",
         {"CHL": "considering", "PER": "considering"}),
        ("US officials are in close contact with Morocco about troops for the mission.", {"MAR": "considering"}),
        # near misses: contacts about something else, an approach to a problem
        ("Contacts with Egypt on the ceasefire continue.", {}),
        ("Chile's approach to the talks was cautious.", {}),
        # the whole group spoken of again in a later paragraph
        ("Talks are being held with Chile and Peru about joining the force.\nAll countries that have agreed to join will not send troops before the militias are disarmed.",
         {"CHL": "conditional", "PER": "conditional"}),
        ("Talks are being held with Chile and Peru about joining the force.\nBoth countries say they would only deploy with a UN mandate.",
         {"CHL": "conditional", "PER": "conditional"}),
        # a country named as where troops go is no subject
        ("India made its position clear on deploying Indian peacekeepers to Ukraine and Gaza: only under a UN mandate.", {"IND": "conditional"}),
        ("Chile will only consider sending troops to Ukraine under a UN mandate.", {"CHL": "conditional"}),
        ("Ukraine will only send troops to Gaza under a UN mandate.", {"UKR": "conditional"}),
    ],
)
def test_approaches_as_nouns_groups_spoken_of_again_and_destinations(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "we" quoted before the speaker's country is named: the article's only possible contributor
        ("The adviser said: \u201cNothing is final yet. We will not go unless the security situation is calm.\u201d\n"
         "Officials in Washington have discussed Kenya's possible role in the force.", {"KEN": "conditional"}),
        ("\u201cOur soldiers are ready to go,\u201d the general said.\nMorocco has long backed the plan.", {"MAR": "committed"}),
        # near misses: two countries that could send troops, or a "we" with no stance
        ("The adviser said: \u201cWe will not go unless the security situation is calm.\u201d\n"
         "Kenya and Ghana are both considering a role in the force.", {"KEN": "considering", "GHA": "considering"}),
        ("\u201cWe hope the ceasefire holds,\u201d the adviser said.\nKenya has long backed the plan.", {}),
        # a plan to send a country's troops, named by the demonym, is its pledge whoever speaks of it
        ("An opposition lawmaker asked to be briefed on plans to deploy Kenyan troops to Gaza.", {"KEN": "committed"}),
        ("The planned deployment of Ghanaian police to the enclave needs scrutiny, a senator said.", {"GHA": "committed"}),
        # near misses: a plan rejected by another country, denied, or none
        ("Israel rejected plans to deploy Turkish troops.", {}),
        ("The ministry denied plans to send Kenyan soldiers to Gaza.", {}),
        ("Israel objects to plans to send Pakistani soldiers into the Strip.", {}),
    ],
)
def test_we_of_the_only_contributor_and_plans_for_a_countrys_troops(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an earlier pledge, then a present state after "but": the present one counts
        ("Chile pledged troops last year, but it has said it is awaiting details of the mandate before confirming.",
         {"CHL": ("conditional", {}, ["mandate"])}),
        ("Peru offered a battalion last year, but the government is still weighing whether to send it.", {"PER": ("considering", {}, [])}),
        ("Kenya promised police officers in 2024, yet it remains hesitant about the force.", {"KEN": ("considering", {}, [])}),
        # near miss: with no turn the earlier pledge stands alone
        ("Ghana pledged 300 soldiers last year.", {"GHA": ("committed", {"committed": 300}, [])}),
    ],
)
def test_an_earlier_pledge_then_a_present_state(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an offer reported, then the country says it has not decided whether to join: still weighing it
        ("A US envoy said Kenya had offered to send police. Kenya's foreign ministry said it has not yet decided whether to contribute to the force.",
         {"KEN": "considering"}),
        ("Chile will send troops, officials in Washington said. In Santiago, a spokesman said no decision has been taken to join the force.",
         {"CHL": "considering"}),
        # near misses: a decision pending on something else leaves the pledge standing; terms are kept
        ("Peru has pledged 500 troops. It has not yet decided when to deploy them.", {"PER": "committed"}),
        ("Ghana will send 300 soldiers. No decision has been taken on the budget.", {"GHA": "committed"}),
        ("Kenya will only join with a UN mandate. It has not yet decided whether to join.", {"KEN": "conditional"}),
    ],
)
def test_a_reported_offer_the_country_has_not_yet_decided_on(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country listed with Gaza is where troops would go, not who sends them
        ("Chile will not send soldiers to conflict zones, whether in Ukraine, Gaza or elsewhere, unless the UN approves.", {"CHL": "conditional"}),
        ("Peru would deploy troops in Gaza or Lebanon only with a Security Council mandate.", {"PER": "conditional"}),
        ("Kenya said it could send police to Sudan and Gaza if the UN asks for them.", {"KEN": "conditional"}),
        # near miss: a country next to Gaza as the subject stays the subject
        ("Egypt and Gaza were discussed. Egypt will send 500 troops.", {"EGY": "committed"}),
    ],
)
def test_a_country_listed_with_gaza_is_a_destination(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # open-minded, and a stance on joining it is too early to give
        ("Nigeria remains open-minded about joining the force.", {"NGA": "considering"}),
        ("Chile said it was too early to say whether it would send troops.", {"CHL": "considering"}),
        ("The Norwegian premier said it was premature to comment on any peacekeeping role in Gaza.", {"NOR": "considering"}),
        # a decision on joining promised for next month
        ("Vietnam will decide next month on sending troops to the force.", {"VNM": "considering"}),
        # near misses: too early to judge the force or the truce, premature celebrations, open-minded on trade
        ("Egypt said it is too early to say whether the force will succeed.", {}),
        ("For now, any celebration by Greece would be premature.", {}),
        ("Nigeria is open-minded about trade.", {}),
        ("Chile will decide next month on its budget.", {}),
    ],
)
def test_open_minded_too_early_to_say_and_decisions_next_month(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an envoy's "we" is the country the envoy represents, not the article's only possible contributor
        ("\u201cWe will deploy the first units in January,\u201d the envoy said.\nKenya has long backed a Palestinian state.", {}),
        ("\u201cWe will not go unless the conditions are right,\u201d the adviser said.\n"
         "Washington has discussed Kenya's possible role with officials in Nairobi.", {"KEN": "conditional"}),
    ],
)
def test_an_envoys_we_is_not_the_only_contributors(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # near misses: talks with a mediator and an approach that is a policy are no request for troops
        ("Following talks with Egypt on the ISF, the envoy said more countries would join.", {}),
        ("Discussions with Qatar on the force's mandate continue.", {}),
        ("Turkey's approach to Egypt has softened this year.", {}),
    ],
)
def test_talks_with_mediators_and_policies_are_no_approach(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not yet decided, in the past perfect too, and undecided about joining
        ("Peru said it had not yet decided whether to join, though a US official said Peru had pledged 300 troops.", {"PER": "considering"}),
        ("Chile has not decided.", {"CHL": "considering"}),
        ("Peru is undecided about the force.", {"PER": "considering"}),
        # near misses: undecided about something else; a plan for a country's troops reported and then denied
        ("Chile had not yet decided on its budget.", {}),
        ("Peru is undecided about its tariffs.", {}),
        ("Reports of plans to send Turkish troops were denied by Ankara.", {}),
    ],
)
def test_undecided_in_other_tenses_and_plans_denied(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the end of the fighting in other words
        ("Uruguay would deploy on condition that the guns fall silent.", {"URY": ["ceasefire"]}),
        ("Bolivia will send troops once the war is over.", {"BOL": ["ceasefire"]}),
        # the kind of mission, said as peace enforcement
        ("Fiji's deployment depends on the mission being peacekeeping rather than peace enforcement.", {"FJI": ["mandate"]}),
        # a vote at home and the head of state's sign-off
        ("Paraguay's participation is contingent on a vote in its General Assembly.", {"PRY": ["domestic_approval"]}),
        ("Ghana would send troops with the approval of the president.", {"GHA": ["domestic_approval"]}),
        ("Zambia will deploy subject to presidential approval.", {"ZMB": ["domestic_approval"]}),
        # command said in so many words, even when the UN holds it
        ("Nepal's soldiers would serve only under UN command.", {"NPL": ["command"]}),
        # serving under a UN flag, or a UN vote, is still the mandate
        ("Malawi's soldiers would serve only under a UN flag.", {"MWI": ["mandate"]}),
        ("Togo will send troops only after a Security Council vote.", {"TGO": ["mandate"]}),
    ],
)
def test_terms_named_by_kind_in_other_words(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lower bound is read whole, and people killed are no head count
        ("Ecuador will take part in the mission; more than 70,000 people have been killed in Gaza.", {"ECU": {}}),
        ("Peru will join the force, though more than 1,500 civilians died last year.", {"PER": {}}),
        ("Chile will send more than 1,200 troops.", {"CHL": {"offered_min": 1200}}),
    ],
)
def test_a_lower_bound_is_read_whole(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # thousands and hundreds in words together
        ("Peru will send two thousand five hundred soldiers.", {"PER": {"committed": 2500}}),
        ("Chile will send one thousand two hundred and fifty troops.", {"CHL": {"committed": 1250}}),
        # near misses: the force's own first troops, however they are introduced
        ("Ecuador will join the force, whose first 2,000 troops arrive in May.", {"ECU": {}}),
        ("Peru will send troops; the force's initial 3,000 soldiers are due in June.", {"PER": {}}),
    ],
)
def test_figures_in_words_and_the_forces_first_troops(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demand the country's own joining waits on
        ("Ecuador insists that Hamas be disarmed before it sends troops.", {"ECU": ["disarmament"]}),
        ("Ghana demands the consent of both sides before joining.", {"GHA": ["party_consent"]}),
        ("Mongolia calls for Israel's agreement before committing soldiers.", {"MNG": ["party_consent"]}),
        ("Nepal wants the Palestinian Authority to govern Gaza before it commits troops.", {"NPL": ["other"]}),
        ("Togo is seeking a UN resolution before any deployment.", {"TGO": ["mandate"]}),
        # terms announced and named in one breath
        ("Fiji will send troops. Our conditions are a ceasefire and a UN mandate, the minister said.", {"FJI": ["ceasefire", "mandate"]}),
        ("Benin will take part. Its conditions are clear: a truce and the approval of parliament.", {"BEN": ["ceasefire", "domestic_approval"]}),
        # near misses: demands others make, or of the force, are no term of the country's
        ("Peru will send troops. Israel demands that Hamas disarm before the force deploys.", {"PER": []}),
        ("Peru will send 300 troops. The US wants Hamas disarmed before any deployment.", {"PER": []}),
        ("Chile will send troops. It called on Hamas to free the hostages before the holidays.", {"CHL": []}),
    ],
)
def test_demands_before_joining_and_terms_named_when_announced(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit's size said by a verb, in the next sentence too
        ("Peru will send troops to Gaza. Its contingent will number 1,200.", {"PER": {"committed": 1200}}),
        ("Ecuador will provide medical staff numbering about 150.", {"ECU": {"committed": 150}}),
        ("Chile will deploy a contingent 650 strong.", {"CHL": {"committed": 650}}),
        # near misses: what a group of countries offered between them, and a year
        ("Chile will send troops; 12 countries have offered 15,000 soldiers in all.", {"CHL": {}}),
        ("Peru will send troops, and several nations have pledged some 9,000 troops so far.", {"PER": {}}),
        ("Bolivia will send a contingent. Its deployment will total 2026 hours of patrols.", {"BOL": {}}),
    ],
)
def test_sizes_said_by_a_verb_and_group_totals(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term that must come first, a body with the last word, the kind of mission said against another
        ("Chile says it must first see a ceasefire take hold.", {"CHL": ["ceasefire"]}),
        ("Peru would have to first pass national legislation before sending troops.", {"PER": ["domestic_approval"]}),
        ("Ecuador would commit troops, but its parliament has the final say.", {"ECU": ["domestic_approval"]}),
        ("Uruguay would deploy troops as part of a peacekeeping mission, not peace enforcement.", {"URY": ["mandate"]}),
        # who pays, in other words
        ("Ghana would join if Washington foots the bill.", {"GHA": ["funding"]}),
        ("Nepal will send police provided donors pick up the tab.", {"NPL": ["funding"]}),
        # near misses: a view of the force is no stance, and a decision still to be made is no term
        ("Bolivia envisions a peacekeeping mission, not a peace-enforcement operation.", {}),
    ],
)
def test_terms_that_must_come_first_and_who_pays(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country's own force sized by a compound
        ("Chile will send a 1,500-strong force to Gaza.", {"CHL": {"committed": 1500}}),
        ("Peru has offered a 900-member force for the mission.", {"PER": {"committed": 900}}),
        # near misses: what the force still needs, and a force-wide compound
        ("Chile will send troops; the mission will need 1,500 police, UN officials said.", {"CHL": {}}),
        ("Peru will send troops; the force still requires some 4,000 soldiers.", {"PER": {}}),
        ("Ecuador will send troops to the 20,000-strong force.", {"ECU": {}}),
    ],
)
def test_own_forces_sized_and_what_the_force_needs(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participation tied to a term, a precondition named as the country's, a term wanted first
        ("Chile makes its participation dependent on a vote in Congress.", {"CHL": ["domestic_approval"]}),
        ("Peru ties its participation to a UN mandate.", {"PER": ["mandate"]}),
        ("Ecuador's precondition is a lasting ceasefire.", {"ECU": ["ceasefire"]}),
        ("Uruguay will deploy, but it wants the approval of its Congress first.", {"URY": ["domestic_approval"]}),
        # near misses: being first is no term
        ("Ghana will send troops and wants to be the first to deploy.", {"GHA": []}),
    ],
)
def test_participation_tied_to_a_term(text, expected):
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # terms said to be clear, then counted off in the next sentence
        ("Chile is ready to join. Its conditions for participation are clear. First, a ceasefire; second, a UN mandate.",
         {"CHL": ["ceasefire", "mandate"]}),
        ("Peru will send troops. Its conditions are simple. Firstly, a truce; secondly, the consent of the Palestinians.",
         {"PER": ["ceasefire", "party_consent"]}),
        # near miss: a first step that is no term
        ("Chile will send troops. First, it will send engineers.", {"CHL": []}),
    ],
)
def test_terms_said_to_be_clear_and_counted_off(text, expected):
    assert _conditions(text) == expected


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=30))
def test_a_name_inside_a_longer_one_is_dropped_in_one_pass_as_by_comparing_every_pair(pairs):
    """The reader drops a mention inside a longer one by a single sweep (an article of 2 MB names
    thousands); it keeps exactly what comparing every pair would keep, in the same order."""
    from app.services.importer import Mention, _outermost

    spans = sorted((Mention("AAA", start, start + length, "x", "name") for start, length in pairs), key=lambda x: x.start)
    naive = [x for x in spans if not any(y is not x and y.start <= x.start and x.end <= y.end
                                         and (y.end - y.start) > (x.end - x.start) for y in spans)]
    assert _outermost(spans) == naive


# ---- a third sweep of paraphrases: requests reviewed, refusals in the passive, terms set by what comes first ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a request reviewed under any name, a decision still to be made
        ("Senegal's government is reviewing a U.S. request for peacekeepers.", {"SEN": ("considering", {}, [])}),
        ("Kenya is weighing the American request to contribute soldiers.", {"KEN": ("considering", {}, [])}),
        ("A decision on sending Moroccan troops has yet to be made.", {"MAR": ("considering", {}, [])}),
        # refusals: troops that will not be sent, a part out of the question
        ("Australian troops will not be sent to Gaza, Canberra said.", {"AUS": ("declined", {}, [])}),
        ("Sending Polish soldiers to Gaza is out of the question, the defence minister in Warsaw said.", {"POL": ("declined", {}, [])}),
        # the first of its kind to commit, but not a forecast of it
        ("Morocco became the first Arab country to commit troops to the force.", {"MAR": ("committed", {}, [])}),
        ("Morocco is in talks and is expected to become the first Arab nation to join the force.", {"MAR": ("considering", {}, [])}),
        # what must come first, said with "after"
        ("The UAE will contribute troops after Hamas disarms.", {"ARE": ("conditional", {}, ["disarmament"])}),
        ("Indonesia would send troops after the DPR approves the deployment.", {"IDN": ("conditional", {}, ["domestic_approval"])}),
        ("Chile will send troops after the holidays.", {"CHL": ("committed", {}, [])}),
        # where a deployment must sit, said of the deployment, in a paragraph about the country
        ("Malaysia is prepared to send troops to Gaza, Defence Minister Mohamed Khaled Nordin said on Monday.\n"
         "The minister said any deployment would have to be under a United Nations mandate.",
         {"MYS": ("conditional", {}, ["mandate"])}),
        # the kinds of terms in other words
        ("Pakistan said it would only join if the force's mandate excluded disarming Hamas.", {"PAK": ("conditional", {}, ["mandate"])}),
        ("A German deployment would need a mandate from the Bundestag, Berlin said.", {"DEU": ("conditional", {}, ["domestic_approval"])}),
        ("Egypt will take part, but only if the Palestinian Authority asks it to.", {"EGY": ("conditional", {}, ["party_consent"])}),
        ("Indonesia is ready to send its troops to Gaza, subject to a UN mandate and the approval of the Palestinian Authority.",
         {"IDN": ("conditional", {}, ["mandate", "party_consent"])}),
        ("Jakarta would only deploy if the Palestinian side agrees.", {"IDN": ("conditional", {}, ["party_consent"])}),
    ],
)
def test_a_third_sweep_of_paraphrases(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Palestinians wanting the troops, and a second body's say joined by "and"
        ("Malaysia is willing to send troops, Anwar said, as long as the Palestinians want them there.",
         {"MYS": ("conditional", {}, ["party_consent"])}),
        ("Kazakhstan could deploy a medical unit if the Security Council authorises the mission and Kazakhstan's parliament gives its consent.",
         {"KAZ": ("conditional", {}, ["mandate", "domestic_approval"])}),
        # a unit prepared and sized by "of"
        ("Indonesia has prepared a brigade of some 5,000 soldiers for the mission.", {"IDN": ("committed", {"committed": 5000}, [])}),
        # pledges in an aside to the force's size, the numbers bare
        ("The ISF is expected to reach 20,000 troops by the end of 2026, with Indonesia pledging 8,000.",
         {"IDN": ("committed", {"committed": 8000}, [])}),
        ("The force will eventually number 20,000, with Indonesia supplying 8,000 and Morocco about 1,500.",
         {"IDN": ("committed", {"committed": 8000}, []), "MAR": ("committed", {"committed": 1500}, [])}),
        ("The force will number 20,000, with the United States providing logistics.", {}),
        # what the sponsor wants is the whole force's size
        ("The United States wants 20,000 troops; Indonesia has offered up to 8,000.", {"IDN": ("committed", {"offered_max": 8000}, [])}),
    ],
)
def test_terms_joined_and_figures_in_asides(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round-ups: a group listed after a colon, troops that will come from a list, the first or latest to commit
        ("Five countries have pledged troops: Indonesia, Morocco, Kazakhstan, Kosovo and Albania.",
         {c: ("committed", {}, []) for c in ["IDN", "MAR", "KAZ", "XKX", "ALB"]}),
        ("Troops will come from Indonesia, Morocco and Kazakhstan, the commander said.",
         {c: ("committed", {}, []) for c in ["IDN", "MAR", "KAZ"]}),
        ("Indonesia, Morocco and Albania are the first three countries to commit troops to the ISF.",
         {c: ("committed", {}, []) for c in ["IDN", "MAR", "ALB"]}),
        ("Morocco has become the latest country to pledge troops to the force.", {"MAR": ("committed", {}, [])}),
        ("Kazakhstan has joined the list of troop contributors.", {"KAZ": ("committed", {}, [])}),
        # near misses: a forecast of the make-up, and a mere mention as a possible contributor
        ("Troops are expected to come from Indonesia and Morocco, analysts said.", {}),
        ("Pakistan has been mentioned as a possible contributor, but Islamabad has not confirmed.", {}),
    ],
)
def test_round_ups_of_contributors(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term said as what must be there first, or as what is key
        ("Indonesia is prepared to send 20,000 troops. “There must first be a ceasefire,” Prabowo said.",
         {"IDN": ("conditional", {"offered_min": 20000, "offered_max": 20000}, ["ceasefire"])}),
        ("Pakistan is willing to join. “The mandate is key for us,” the spokesman said.", {"PAK": ("conditional", {}, ["mandate"])}),
        ("Chile is ready to take part, and a UN resolution is essential, the minister said.", {"CHL": ("conditional", {}, ["mandate"])}),
        # a condition noun and whose term it is, named after it
        ("A clear mandate is a precondition for Bangladesh's participation, the foreign adviser said.",
         {"BGD": ("conditional", {}, ["mandate"])}),
        # two clauses, each with its own "must", are two terms
        ("Indonesia will send troops, but they must be under Indonesian command and the mission must have the consent of the Palestinian Authority.",
         {"IDN": ("conditional", {}, ["command", "party_consent"])}),
        # near miss: how a force should be run, wished in general, is no term (the project's own convention)
        ("Emirati officials want any force to operate under a clear chain of command.", {}),
    ],
)
def test_terms_said_as_essentials_and_precondition_nouns(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country spoken of by a description in the next sentence
        ("Indonesia's president met Trump on Sunday. The Southeast Asian nation is ready to send 20,000 troops.",
         {"IDN": ("committed", {"committed": 20000}, [])}),
        ("Qatar hosted the talks. The Gulf state has ruled out sending troops.", {"QAT": ("declined", {}, [])}),
        # leading the force on terms, and headlines
        ("Egypt hosted a summit. The most populous Arab country said it could lead the force if the UN mandates it.",
         {"EGY": ("conditional", {}, ["mandate"])}),
        ("Egypt ready to lead Gaza force if UN backs it", {"EGY": ("conditional", {}, ["mandate"])}),
        ("Indonesia says troops ready for Gaza mission", {"IDN": ("committed", {}, [])}),
        ("Malaysia says no to Gaza troops", {"MYS": ("declined", {}, [])}),
        # reluctance with "without" names the term
        ("Sources say Azerbaijan is reluctant to send troops without a ceasefire.", {"AZE": ("conditional", {}, ["ceasefire"])}),
        ("Azerbaijan sent observers without a mandate.", {}),
    ],
)
def test_descriptions_headlines_and_leading_on_terms(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the king and the kingdom by the dynasty's name
        ("In an interview with CNN, King Abdullah II said the Hashemite kingdom would keep its soldiers out of Gaza.",
         {"JOR": ("declined", {}, [])}),
        # "only ... as part of" missions cleared by the council
        ("New Delhi has said Indian soldiers would only be sent abroad as part of missions cleared by the UN Security Council.",
         {"IND": ("conditional", {}, ["mandate"])}),
        # a decision pending, a call not yet taken, holding off
        ("The defence ministry in Jakarta said Indonesian troops could be deployed at any time, pending the president's final decision.",
         {"IDN": ("considering", {}, [])}),
        ("Islamabad has yet to take a call on whether Pakistani soldiers will join the force, Defence Minister Khawaja Asif told reporters.",
         {"PAK": ("considering", {}, [])}),
        ("Jakarta is holding off on sending troops until the Security Council issues a mandate.",
         {"IDN": ("conditional", {}, ["mandate"])}),
        # a country's own law named by its adjective
        ("Kazakhstan stands ready to support the mission by sending military medics, the foreign ministry said, adding that any "
         "deployment would be decided in strict accordance with Kazakh law.", {"KAZ": ("conditional", {}, ["domestic_approval"])}),
    ],
)
def test_kings_calls_and_decisions_held_off(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indonesia is preparing 20 thousand troops for Gaza.", {"IDN": {"committed": 20000}}),
        ("Kosovo will send a unit of fifty soldiers.", {"XKX": {"committed": 50}}),
        ("Albania will send twenty-five engineers.", {"ALB": {"committed": 25}}),
        ("Indonesia will send an advance team of 120 officers next month.", {"IDN": {"committed": 120}}),
        ("Morocco will send a contingent numbering around 1,000.", {"MAR": {"committed": 1000}}),
        ("Bangladesh said it was ready to send 1,500-2,000 troops.", {"BGD": {"offered_min": 1500, "offered_max": 2000}}),
        # an army's whole size, and peacekeepers serving elsewhere, are no offer
        ("Turkey is ready to send troops. Its army has 350,000 active personnel.", {"TUR": {}}),
        ("Indonesia, which has some 2,700 peacekeepers in UN missions, will send troops to Gaza.", {"IDN": {}}),
    ],
)
def test_figures_in_words_and_sizes_that_are_no_offer(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leaning, and a term whose subject is left out after "but"
        ("Pakistan is inclined to contribute troops.", {"PAK": ("considering", {}, [])}),
        ("ISLAMABAD: Prime Minister Shehbaz Sharif on Monday chaired a meeting on the proposed force.\n"
         "Officials said the government was inclined to contribute troops but would seek parliament's endorsement first.",
         {"PAK": ("conditional", {}, ["domestic_approval"])}),
        ("Chile will send engineers and would seek the Senate's approval first.", {"CHL": ("conditional", {}, ["domestic_approval"])}),
        # a long report: mediators consulted, a figure for the whole force, a contributor's term, one still assessing
        ("Washington hopes to assemble a force of about 15,000 troops. Egypt, Qatar and Turkey, which mediated the ceasefire, "
         "have been consulted on the force's shape.\nIndonesia remains the largest prospective contributor. Its defence minister "
         "said this week that Jakarta was ready to send up to 8,000 soldiers once the Board of Peace sets out the rules of engagement.\n"
         "Azerbaijan, long seen as a likely participant, has gone quiet. An official in Baku said the government was still assessing "
         "the situation and had not made up its mind.",
         {"IDN": ("conditional", {"offered_max": 8000}, ["mandate"]), "AZE": ("considering", {}, [])}),
        # a joint statement says nothing of troops
        ("The foreign ministers of Saudi Arabia, Qatar, the UAE, Egypt, Jordan, Turkey, Indonesia and Pakistan issued a joint "
         "statement welcoming the resolution.\nNone of the eight said whether they would contribute troops.", {}),
    ],
)
def test_leanings_elided_subjects_and_long_reports(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaders by surname, short forms and seats of government
        ("Tusk said on Tuesday his country would not send soldiers to Gaza.", {"POL": "declined"}),
        ("Bukele said El Salvador stands ready to send troops.", {"SLV": "committed"}),
        ("Putrajaya said it would send 500 troops.", {"MYS": "committed"}),
        ("Bosnia's presidency approved the deployment of troops to the stabilisation mission.", {"BIH": "committed"}),
        ("Brunei is considering sending a small contingent.", {"BRN": "considering"}),
        # a seat of government after "in" is a place
        ("Officials met in Putrajaya. Indonesia will send troops.", {"IDN": "committed"}),
    ],
)
def test_leaders_short_forms_and_seats_of_government(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # refusals said through plans and troops going
        ("New Zealand's foreign minister Winston Peters said there were no plans for New Zealand Defence Force personnel to join the force.",
         {"NZL": "declined"}),
        ("Spain's defence minister said Spanish troops would not go to Gaza.", {"ESP": "declined"}),
        # no troops, only help with planning, training or money: still a refusal (as the project's own set reads it)
        ("The UK will not send combat troops, but is ready to help with planning and training.", {"GBR": "declined"}),
        ("Canada will not deploy troops to Gaza but could send a handful of staff officers to the coordination centre.", {"CAN": "declined"}),
        ("The Netherlands does not intend to send soldiers but will help fund the police training mission.", {"NLD": "declined"}),
        # the sponsor's request is no term; ports and airspace are no troops
        ("Argentina is ready to send troops if the United States asks, Milei said.", {"ARG": "committed"}),
        ("Cyprus offered the use of Larnaca port for the force's logistics.", {}),
        ("Greece has offered its airspace and bases.", {}),
    ],
)
def test_refusals_with_other_help_and_help_that_is_no_troops(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the sponsor's or Israel's officials say of another country's troops is their stance, not that country's
        ("Netanyahu said Turkish troops would not be part of the force.", {}),
        ("Gideon Saar said Israel would not agree to Turkish forces in Gaza.", {}),
        ("Rubio said several countries had offered troops, without naming them.", {}),
        # ... while what they report of a country's own stance still counts
        ("Rubio said Pakistan had offered to consider being part of the force.", {"PAK": "considering"}),
        ("US envoy Mike Waltz told the Security Council that Azerbaijan and Indonesia were ready to contribute.",
         {"AZE": "committed", "IDN": "committed"}),
    ],
)
def test_officials_of_the_sponsor_and_israel_speak_for_their_own(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # terms put first by inversion or "in the event that"
        ("Should the Security Council approve the mission, Malaysia would send troops.", {"MYS": ("conditional", ["mandate"])}),
        ("Were a ceasefire to hold, Azerbaijan would deploy peacekeepers.", {"AZE": ("conditional", ["ceasefire"])}),
        ("In the event that a UN mandate is granted, Bangladesh will contribute a battalion.", {"BGD": ("conditional", ["mandate"])}),
        ("Malaysia will send troops in the event of a UN mandate.", {"MYS": ("conditional", ["mandate"])}),
        # near misses: "should" and "were" as verbs
        ("Troops should be sent soon, Chile said, and Chile will send 500.", {"CHL": ("committed", [])}),
        # premises, an invitation as the basis, a war "completely over"
        ("Turkey said it could send troops on the premise that Israel withdraws.", {"TUR": ("conditional", ["other"])}),
        ("Uzbekistan is ready to send troops to Gaza on the basis of an invitation from the Palestinian Authority.",
         {"UZB": ("conditional", ["party_consent"])}),
        ("Azerbaijan won't send peacekeepers until the war is completely over.", {"AZE": ("conditional", ["ceasefire"])}),
    ],
)
def test_terms_by_inversion_premise_and_basis(text, expected):
    assert {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term put first inside a quotation attributed at its end
        ("“If there is a UN mandate, we will go,” Indonesia's foreign minister said.", {"IDN": ("conditional", ["mandate"])}),
        ("“If there is a ceasefire, we will send troops,” Chile's defence minister said.", {"CHL": ("conditional", ["ceasefire"])}),
        # a refusal in two words after a colon
        ("“Our position is clear: no troops,” Norway's foreign minister said.", {"NOR": ("declined", [])}),
        # approaches, requests analysed, answers promised, options kept open, contacts about a role
        ("Washington has sounded out Vietnam about contributing engineers.", {"VNM": ("considering", [])}),
        ("Nepal was among the countries invited to contribute troops.", {"NPL": ("considering", [])}),
        ("Uruguay said it was still analysing the request.", {"URY": ("considering", [])}),
        ("Paraguay said it would give its answer in the coming weeks.", {"PRY": ("considering", [])}),
        ("Ecuador is keeping the option open.", {"ECU": ("considering", [])}),
        ("Rwanda has been in contact with US officials about a possible role.", {"RWA": ("considering", [])}),
    ],
)
def test_quoted_terms_two_word_refusals_and_approaches(text, expected):
    assert {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # refusals in other words, and a people named in the plural for its government
        ("Canada is not currently considering a troop contribution.", {"CAN": "declined"}),
        ("Saudi Arabia has shown no willingness to send troops.", {"SAU": "declined"}),
        ("The Saudis have made clear they will not put boots on the ground.", {"SAU": "declined"}),
        ("Azerbaijan is no longer keen on sending troops.", {"AZE": "withdrawn"}),
        # a refusal to rule it out is no refusal
        ("Malaysia refused to rule out sending troops.", {"MYS": "considering"}),
        ("Malaysia would not rule it out.", {"MYS": "considering"}),
        ("Indonesia has never ruled out sending troops.", {"IDN": "considering"}),
        # wariness and seeming readiness
        ("Pakistan is wary of sending troops.", {"PAK": "considering"}),
        ("Indonesia seems poised to send troops.", {"IDN": "considering"}),
        # near misses: a refusal to say, and "Turks and Caicos"
        ("Turkey declined to say whether it would send troops.", {}),
        ("The Turks and Caicos Islands will not send troops.", {"TCA": "declined"}),
    ],
)
def test_refusals_to_rule_out_wariness_and_peoples_in_the_plural(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term in the next paragraph or sentence, said by "it" or "the government"
        ("Malaysia said on Monday it was prepared to send troops to Gaza.\nIt said any deployment would require parliamentary approval.",
         {"MYS": ("conditional", ["domestic_approval"])}),
        ("Malaysia said on Monday it was prepared to send troops to Gaza.\nThe government added that a UN mandate was a must.",
         {"MYS": ("conditional", ["mandate"])}),
        # one term announced by a possessive and a colon
        ("Azerbaijan has offered a battalion. Baku's only condition: a complete end to the fighting.",
         {"AZE": ("conditional", ["ceasefire"])}),
        ("Chile will send troops. Its one requirement is a UN mandate.", {"CHL": ("conditional", ["mandate"])}),
        # near miss: how the troops will be commanded once there is no term
        ("Kosovo's assembly approved the deployment. Troops will operate under the unified command of the ISF.", {"XKX": ("committed", [])}),
    ],
)
def test_terms_in_the_next_sentence_and_single_terms_announced(text, expected):
    assert {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the only country given a stance takes the figure after its own cue
        ("Egypt will train 5,000 Palestinian police officers, while Indonesia will send 8,000 soldiers.",
         {"IDN": ("committed", {"committed": 8000})}),
        ("Up to 8,000 Indonesian soldiers will be deployed, the army said.", {"IDN": ("committed", {"offered_max": 8000})}),
        # peacekeepers serving in named UN missions, the sponsor's expectations, a force sized by a compound
        ("Indonesia has around 2,700 personnel in UNIFIL and will send 1,000 to Gaza.", {"IDN": ("committed", {"committed": 1000})}),
        ("The US expects 5,000 troops by June; Azerbaijan is still undecided.", {"AZE": ("considering", {})}),
        ("Indonesia will be part of a 20,000-strong force.", {"IDN": ("committed", {})}),
    ],
)
def test_figures_after_the_cue_and_figures_that_are_no_offer(text, expected):
    assert {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the build-up, said through what a country's institutions do
        ("The Indonesian military has formed a task force for the Gaza mission.", {"IDN": "committed"}),
        ("Indonesian troops are training for the Gaza deployment.", {"IDN": "committed"}),
        ("Kosovo lawmakers voted to send troops to the force.", {"XKX": "committed"}),
        ("Albania's parliament voted in favour of deploying soldiers to Gaza.", {"ALB": "committed"}),
        ("Kazakhstan's Senate ratified the decision to send peacekeepers.", {"KAZ": "committed"}),
        ("Morocco's King Mohammed VI ordered the deployment of troops to Gaza.", {"MAR": "committed"}),
        ("Indonesia's cabinet signed off on the troop deployment.", {"IDN": "committed"}),
        ("Azerbaijan said it is finalising the details of its contribution.", {"AZE": "committed"}),
        ("Pakistan stands prepared to contribute.", {"PAK": "committed"}),
        ("Uzbekistan has expressed its intention to contribute troops.", {"UZB": "committed"}),
        ("Bangladesh has registered its interest with the Board of Peace.", {"BGD": "considering"}),
        # near misses: a vote at the Security Council, no intention
        ("Algeria and Pakistan voted in favour of the resolution.", {}),
        ("Uzbekistan has no intention to contribute troops.", {"UZB": "declined"}),
    ],
)
def test_the_build_up_said_through_institutions(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # disarmament: a refusal while Hamas stays armed, a demand before any soldier sets foot
        ("The UAE will not send troops while Hamas remains armed.", {"ARE": ("conditional", ["disarmament"])}),
        ("Egypt wants Hamas disarmed before any Egyptian soldier sets foot in Gaza.", {"EGY": ("conditional", ["disarmament"])}),
        ("Saudi Arabia would only consider sending troops once Hamas has laid down its weapons.", {"SAU": ("conditional", ["disarmament"])}),
        # the parties' welcome, and who pays (even the UN)
        ("Malaysia insists any deployment must be welcomed by the Palestinians.", {"MYS": ("conditional", ["party_consent"])}),
        ("Bangladesh will send troops if the United Nations pays for them.", {"BGD": ("conditional", ["funding"])}),
        ("Pakistan wants the costs of its deployment to be borne by the international community.", {"PAK": ("conditional", ["funding"])}),
        # a ceasefire with an adjective, taking hold first
        ("Indonesia will send troops after a permanent ceasefire takes hold.", {"IDN": ("conditional", ["ceasefire"])}),
        # near misses: "while" with no refusal before it, a mandate that is no money
        ("Chile will send troops while Peru is still considering.", {"CHL": ("committed", []), "PER": ("considering", [])}),
        ("Chile will send troops only under a UN mandate.", {"CHL": ("conditional", ["mandate"])}),
    ],
)
def test_terms_of_arms_welcome_and_money(text, expected):
    assert {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pledge recalled in a clause of its own
        ("Kenya's president was criticised at home for agreeing to send police officers to the force.", {"KEN": "committed"}),
        ("Fiji, after pledging to contribute a company of soldiers, has begun training them.", {"FJI": "committed"}),
        # ways to contribute to the force looked into
        ("Chile will explore ways to contribute to the stabilisation force.", {"CHL": "considering"}),
        ("Peru's government is looking at how it could take part in the mission.", {"PER": "considering"}),
        # near misses: agreeing only to think it over or to host, officers sent to a coordination centre, rebuilding
        ("Chile was criticised for agreeing to consider sending troops.", {"CHL": "considering"}),
        ("Peru was praised for agreeing to host the talks.", {}),
        ("Norway said it would send two liaison officers to the Civil-Military Coordination Center in southern Israel.", {}),
        ("Denmark will deploy a liaison officer to the CMCC.", {}),
        ("Ghana will explore ways to contribute to reconstruction in Gaza.", {}),
        # ... though soldiers for the force, sent alongside, still count
        ("Fiji will send 200 soldiers to the force and a liaison officer to the coordination centre.", {"FJI": "committed"}),
    ],
)
def test_pledges_recalled_ways_explored_and_liaison_officers(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the kind of mission the troops serve in is the mandate's, even when it names the task left out
        ("Nepal wants assurances that its soldiers would serve only in a peacekeeping role and never be asked to disarm anyone.",
         {"NPL": ("conditional", ["mandate"])}),
        ("Ghana will join only if its troops operate in a purely humanitarian capacity, not in disarming militias.",
         {"GHA": ("conditional", ["mandate"])}),
        # an unnamed demand adds nothing when the named one is given
        ("Ghana is seeking clear guarantees from Washington before committing troops. It wants assurances that the mission has a UN mandate.",
         {"GHA": ("conditional", ["mandate"])}),
        ("Peru's decision hinges on clarifications from Washington. Peru would only deploy under a UN mandate.",
         {"PER": ("conditional", ["mandate"])}),
        # a force described by when it goes: no term of the country's own
        ("Chile may contribute to a force deployed to Gaza once the war ends.", {"CHL": ("considering", [])}),
        ("Peru could join a mission set up after the fighting stops.", {"PER": ("considering", [])}),
        # near misses: disarmament asked for in itself, an unnamed demand standing alone, the country's own "once"
        ("Ghana will join only if Hamas is disarmed first.", {"GHA": ("conditional", ["disarmament"])}),
        ("Ghana is seeking firm guarantees from Washington before committing troops.", {"GHA": ("conditional", ["other"])}),
        ("Chile may contribute troops once the fighting ends.", {"CHL": ("conditional", ["ceasefire"])}),
        ("Peru would join the force once a ceasefire is in place.", {"PER": ("conditional", ["ceasefire"])}),
        # ... and an "if" after the force described is still a term
        ("Indonesia is ready to contribute to a force deployed in Gaza if the Security Council mandates it.",
         {"IDN": ("conditional", ["mandate"])}),
    ],
)
def test_mission_kind_unnamed_demands_and_a_force_timed(text, expected):
    assert {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the armed forces awaiting their own government's order or go-ahead to deploy
        ("The Chilean army is still waiting for a formal government order to deploy its troops to the force.", {"CHL": ("considering", [])}),
        ("Peru's armed forces stand ready but await the government's go-ahead to deploy to the mission.", {"PER": ("considering", [])}),
        # terms a newspaper reports give way when the country says its decision is still pending
        ("Peru's military said it has not yet decided whether to send troops. A Chilean newspaper reported that Peru had agreed "
         "to join on condition that its soldiers would never face Hamas.", {"PER": ("considering", [])}),
        ("Kenya's army is still waiting for an official government order to deploy. According to local media, Kenya has agreed "
         "to send police officers provided the force stays out of combat.", {"KEN": ("considering", [])}),
        # near misses: a government decision on something else, a report standing alone, terms the country states itself
        ("Chile's foreign minister is awaiting a government decision on the budget.", {}),
        ("A Chilean newspaper reported that Peru had agreed to join on condition that its soldiers would never face Hamas.",
         {"PER": ("conditional", ["other"])}),
        ("Peru has not yet decided whether to send troops. Peru would only go under a UN mandate.", {"PER": ("conditional", ["mandate"])}),
    ],
)
def test_a_government_order_awaited_and_terms_only_a_newspaper_reports(text, expected):
    assert {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the government's announcement of its decision still to come
        ("An announcement is expected shortly from the Kenyan government on its participation.", {"KEN": "considering"}),
        ("Kenya has trained police for years.\nA decision is expected soon from the national government regarding the deployment.",
         {"KEN": "considering"}),
        ("The Pakistani minister spoke on Friday.\nOfficials said an announcement is expected soon from the federal government "
         "regarding the decision.", {"PAK": "considering"}),
        # near misses: an announcement on something else; two countries, so no telling whose government
        ("Kenya's economy grew last year. An announcement is expected soon from the national government regarding fuel prices.", {}),
        ("Kenya and Ghana have trained police for years.\nA decision is expected soon from the national government regarding the deployment.", {}),
    ],
)
def test_an_announcement_of_the_decision_still_to_come(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the role the troops would have or be kept to is the mandate's
        ("Chile wants guarantees that its troops would only have a peacekeeping role and would not disarm anyone.",
         {"CHL": ("conditional", ["mandate"])}),
        ("Chile will only join if its soldiers are limited to a peacekeeping role, not disarming Hamas.", {"CHL": ("conditional", ["mandate"])}),
        # a pledge recalled with a noun, ways looked for, a green light awaited from the government
        ("Ghana's president has come under fire for his decision to send troops to the force.", {"GHA": ("committed", [])}),
        ("Ghana's president has faced criticism over his pledge to send troops to the force.", {"GHA": ("committed", [])}),
        ("Chile will look for ways to contribute to the stabilisation force.", {"CHL": ("considering", [])}),
        ("The Chilean army is awaiting a green light from the government to deploy to the force.", {"CHL": ("considering", [])}),
        # a report in a newspaper gives way to the country's own pending decision
        ("Peru's military said it has not yet decided whether to send troops. A report in the Chilean daily El Mercurio said "
         "Peru had agreed to join on condition that it would not fight Hamas.", {"PER": ("considering", [])}),
        # near misses: disarmament wanted in itself, a decision not to send, the country's own words to the press
        ("Chile will only join if Hamas is disarmed and its troops play a peacekeeping role.", {"CHL": ("conditional", ["disarmament"])}),
        ("Ghana's president was criticised for his decision not to send troops to the force.", {}),
        ("Peru's minister told local media that Peru would only go under a UN mandate.", {"PER": ("conditional", ["mandate"])}),
    ],
)
def test_roles_kept_to_pledges_recalled_with_a_noun_and_reports_in_newspapers(text, expected):
    assert {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term said first with asides, readiness said on its own after it
        ("“If the Security Council gives a mandate, and Peru is asked to take part, then we are ready,” the Peruvian minister said.",
         {"PER": ("conditional", ["mandate"])}),
        ("If the UN approves a mandate, after weeks of talks, Chile would be ready.", {"CHL": ("conditional", ["mandate"])}),
        # leaving another body on a term is no term of the force's; leaving the force is
        ("Chile will withdraw from the board if it does not serve Palestinian interests.", {}),
        ("Chile will withdraw its troops if the force is asked to fight.", {"CHL": ("conditional", ["other"])}),
        # a party named after its country, and a country's parties, critics or opposition, are not its government
        ("Elections are due in March, and the main parties -- the Chile Democratic Party among them -- have distanced "
         "themselves from the plan.", {}),
        ("Chile said it will send troops, but the opposition rejected the plan.", {"CHL": ("committed", [])}),
        # the government's own plan, in an article about one country
        ("A lawmaker from the Peruvian Nationalist Party criticised the government's plan to send troops to Gaza.",
         {"PER": ("committed", [])}),
    ],
)
def test_terms_said_first_other_bodies_parties_and_the_governments_plan(text, expected):
    assert {s.country: (s.status, [c.category for c in s.conditions]) for s in extract(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term in the past tense of reported speech, on the sentence before's stance
        ("Peru is ready to send troops. The ministry added that the deployment depended on a UN mandate.",
         {"PER": ("conditional", {}, ["mandate"])}),
        # a participation "determined by" a term; a term named, then called the condition
        ("Paraguay's participation will be determined by the mandate the force receives.",
         {"PRY": ("conditional", {}, ["mandate"])}),
        ("Bolivia set a full ceasefire as its condition for taking part.", {"BOL": ("conditional", {}, ["ceasefire"])}),
        # troops that will not enter the Strip are not sent
        ("Ecuador's troops will not enter Gaza, the president said.", {"ECU": ("declined", {}, [])}),
        # readiness to serve, and troops being readied by the thousand
        ("Uruguayan soldiers are ready to serve in the force, the president said.", {"URY": ("committed", {}, [])}),
        ("Fiji was preparing 400 soldiers for the mission.", {"FJI": ("committed", {"committed": 400}, [])}),
        # troops that reached the Strip are there
        ("The first 300 Ghanaian troops reached Gaza on Monday.", {"GHA": ("deployed", {"deployed": 300}, [])}),
        # troops named by their nationality are their country's, whoever was named before them
        ("Chile doesn't want Peru participating, and the king has said Ecuadorian troops will not join.",
         {"ECU": ("declined", {}, [])}),
        # joining with no object joins what the article last spoke of: the board, or the force
        ("The Board of Peace met in Davos. Bolivia has also agreed to join, officials said.", {}),
        ("The force will deploy in January. Bolivia has also agreed to join, officials said.", {"BOL": ("committed", {}, [])}),
        # "would" reported as said is a pledge; a supposition is not
        ("Officials in Lima confirmed that Peruvian troops would take part in the stabilisation force.",
         {"PER": ("committed", {}, [])}),
        ("Ecuador would take part in the force, officials confirmed.", {"ECU": ("committed", {}, [])}),
        ("It is unclear whether Ecuador would take part in the force, officials said.", {}),
        # terms announced, then named as examples
        ("Uruguay would participate on certain conditions, including a UN mandate and the consent of the parties.",
         {"URY": ("conditional", {}, ["mandate", "party_consent"])}),
        # a word or two in quote marks reads as the same cue; a quotation of someone's words is not cut up
        ("Uruguay's president said the country would be “honoured” to contribute to the force.", {"URY": ("committed", {}, [])}),
        ("Bolivia has \"no plans\" to send troops.", {"BOL": ("declined", {}, [])}),
        # readiness as a noun or said alone, troops said to be available, an offer said to stand
        ("Analysts say Peru's eagerness to join is matched only by its neighbours' doubts.", {"PER": ("committed", {}, [])}),
        ("Officials in Quito say Ecuador stands ready, but the final word lies with Washington.", {"ECU": ("committed", {}, [])}),
        ("The army chief has assured Washington that Uruguayan troops will be available.", {"URY": ("committed", {}, [])}),
        ("Paraguay's offer, first made in September, remains on the table.", {"PRY": ("committed", {}, [])}),
        # going back on an offer withdraws it; going back on an interest leaves it undecided; a need to act is no term
        ("Bolivia backtracked on its offer to send troops.", {"BOL": ("withdrawn", {}, [])}),
        ("Peru would need to see a ceasefire first.", {"PER": ("conditional", {}, ["ceasefire"])}),
        ("The cabinet will not do anything that the next government would need to reverse, Peru's minister said.", {}),
        # peace itself as the term; a term set after the pledge with "should"; a UN authorisation
        ("Peru will send troops once a peace agreement is reached.", {"PER": ("conditional", {}, ["ceasefire"])}),
        ("Peru has told its army to prepare troops for deployment, should the talks produce an agreement approved by the "
         "Security Council.", {"PER": ("conditional", {}, ["mandate"])}),
        ("Ecuador is willing to deploy peacekeepers under UN authorization.", {"ECU": ("conditional", {}, ["mandate"])}),
        # the ones asked, named after the asking
        ("Among the countries the US has approached are Ecuador and Uruguay, officials said.",
         {"ECU": ("considering", {}, []), "URY": ("considering", {}, [])}),
        ("The first batch of 300 Bolivian soldiers crossed into Gaza on Sunday.", {"BOL": ("deployed", {"deployed": 300}, [])}),
        # someone else's hope for a pledge is no pledge; a pledge asked about is none either
        ("US officials hope Peru and Ecuador will send troops.", {}),
        ("Whether Bolivia will send troops remains unclear.", {}),
        ("Officials said Peru will send troops, and they hope Ecuador will too.", {"PER": ("committed", {}, [])}),
        # a role kept to, readiness that waits on the mandate, a UN decision awaited
        ("The Peruvian government has said its troops would only serve in a humanitarian capacity.",
         {"PER": ("conditional", {}, ["mandate"])}),
        ("The minister told reporters that Ecuador was ready whenever the mandate is issued.",
         {"ECU": ("conditional", {}, ["mandate"])}),
        ("Lima is ready to send peacekeepers, the president said, adding that he awaited a UN decision.",
         {"PER": ("conditional", {}, ["mandate"])}),
        # a parliament's motion for the troops, and a parliament by its own name
        ("Peru's congress approved a motion allowing troops to be sent to Gaza as part of the force.",
         {"PER": ("committed", {}, [])}),
        ("Azerbaijan's Milli Majlis must approve any deployment of troops abroad.",
         {"AZE": ("conditional", {}, ["domestic_approval"])}),
        # a refusal that stands keeps no terms said before it
        ("Peru has ruled out sending troops. A government source had said in November that Peru would not send troops "
         "unless the fighting stopped.", {"PER": ("declined", {}, [])}),
        # troops being made ready, and a decision to send them, as a noun
        ("Ecuadorian officials are preparing peacekeeping troops for Gaza, the president said.", {"ECU": ("committed", {}, [])}),
        ("Uruguay's decision to contribute troops to the force drew criticism at home.", {"URY": ("committed", {}, [])}),
        ("Paraguay's cabinet approved the decision to join the Peace Council.", {}),
        # terms given before "as part of its conditions", each of its kind
        ("Peru wants the force to be led by US forces and include Chile, as part of its conditions for participating.",
         {"PER": ("conditional", {}, ["command", "other"])}),
        # a deliberation asked about is no deliberation
        ("Asked whether Lima was considering sending troops, the minister praised the peace plan.", {}),
        # other help, but not troops
        ("Lima said it would fund reconstruction but not send soldiers.", {"PER": ("declined", {}, [])}),
        # talks of any stage, interest shown, and no legal way to send troops
        ("Peru is in advanced talks to contribute troops.", {"PER": ("considering", {}, [])}),
        ("Ecuador has shown interest but not committed.", {"ECU": ("considering", {}, [])}),
        ("Uruguay has no legal basis to dispatch troops to Gaza, a ministry official said.", {"URY": ("declined", {}, [])}),
        # proposals ordered on a participation: weighing it
        ("President Japarov has instructed the government to prepare proposals on Kyrgyzstan's participation.",
         {"KGZ": ("considering", {}, [])}),
        # short forms written with stops
        ("The U.A.E. will not take part in the force.", {"ARE": ("declined", {}, [])}),
        # troops ready to leave; a leader's decision awaited keeps the country undecided, however ready
        ("Asked about Gaza, a Peruvian military spokesman said troops \"are ready to depart at any time\".",
         {"PER": ("committed", {}, [])}),
        ("The ministry is ready to deploy troops at any time, awaiting only a final decision from President Milei. "
         "Argentine soldiers are ready to be deployed, the army said.", {"ARG": ("considering", {}, [])}),
        # an aside about whose troops served where is not the stance; no final decision is a deliberation
        ("Peru, whose troops served in Haiti, has said it will not deploy to Gaza.", {"PER": ("declined", {}, [])}),
        ("Ecuador's foreign minister Juan Soto said there is no final decision regarding the participation.",
         {"ECU": ("considering", {}, [])}),
        # among the countries that have offered: each of them has
        ("Peru and Ecuador are among the countries that have signalled readiness.",
         {"PER": ("committed", {}, []), "ECU": ("committed", {}, [])}),
        # a parliament's vote still to come is a term
        ("Peru's congress has yet to approve the deployment.", {"PER": ("conditional", {}, ["domestic_approval"])}),
        ("Ecuador is ready to send troops, but parliament has not yet voted.", {"ECU": ("conditional", {}, ["domestic_approval"])}),
        # an offer of other help that also sends troops
        ("Paraguay has offered to host the training of police and to send a small number of troops.",
         {"PRY": ("committed", {}, [])}),
    ],
)
def test_past_tense_terms_troops_by_nationality_and_joining_the_board_or_the_force(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # arrival with the troops described first, crossing into a named town, staying, a rotation
        ("The first 300 Chilean soldiers assigned to the stabilization force landed at the airport on Monday, the army said.",
         {"CHL": ("deployed", {"deployed": 300}, [])}),
        ("A platoon of 40 Peruvian engineers crossed into Khan Younis on Sunday.", {"PER": ("deployed", {"deployed": 40}, [])}),
        ("\"Our contingent remains in place,\" Uruguay's defence ministry said.", {"URY": ("deployed", {}, [])}),
        ("Ecuador completed the first rotation of its engineering unit in Gaza, with 90 soldiers replacing the first team.",
         {"ECU": ("deployed", {"deployed": 90}, [])}),
        ("Chilean troops expected to land in Gaza next week.", {}),
        # a task refused is a role limit, not a refusal to join
        ("Peruvian personnel will not be deployed to carry out combat or disarmament operations.", {}),
        ("Peru will not participate in any peace-enforcement operation.", {}),
        ("Ecuadorian soldiers will not be deployed to Gaza.", {"ECU": ("declined", {}, [])}),
        # no troops without a legal basis: a term about the mandate
        ("Uruguay does not send soldiers abroad without an international legal basis.",
         {"URY": ("conditional", {}, ["mandate"])}),
        # a report the sentence denies is no stance
        ("Asked about reports that Peru had earmarked 2,000 soldiers for the mission, the spokesman dismissed them as speculation.", {}),
        ("Reports that Chile has agreed to serve under another country's command are inaccurate.", {}),
        ("Bolivia denied reports that it would send troops to Gaza.", {"BOL": ("declined", {}, [])}),
    ],
)
def test_arrivals_tasks_refused_and_reports_denied(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops there now, by number or by unit
        ("Chile, the largest contributor, has about 900 soldiers in the southern sector.",
         {"CHL": ("deployed", {"deployed": 900}, [])}),
        ("Peru has 600 soldiers in Khan Younis.", {"PER": ("deployed", {"deployed": 600}, [])}),
        ("Peru has a company of engineers working in Rafah.", {"PER": ("deployed", {}, [])}),
        ("Peru has 600 soldiers stationed in Lebanon.", {}),  # troops serving elsewhere
        ("Ecuador has a battalion of engineers serving in Lebanon.", {}),
        # a parliament's yes to the government's request; troops leaving for Gaza
        ("Chile's Senate has approved the government's request to deploy 200 soldiers to the force.",
         {"CHL": ("committed", {"committed": 200}, [])}),
        ("Peru's defence ministry says 80 personnel, mostly medics, will leave for Gaza next week.",
         {"PER": ("committed", {"committed": 80}, [])}),
        # terms: the last word with parliament, nothing before its vote, an end to the mission
        ("Chile is prepared to send 300 troops. But the final decision belongs to Congress.",
         {"CHL": ("conditional", {"offered_min": 300, "offered_max": 300}, ["domestic_approval"])}),
        ("Peru is ready to send troops, and nothing will move until Congress has approved it.",
         {"PER": ("conditional", {}, ["domestic_approval"])}),
        ("Chile is prepared to send 300 troops. The minister said Chile wants a clear exit date.",
         {"CHL": ("conditional", {"offered_min": 300, "offered_max": 300}, ["other"])}),
        # the cabinet deciding is a step of the decision, not a term
        ("Peru is prepared to send 300 troops. The final decision on the deployment will be made by the cabinet.",
         {"PER": ("committed", {"committed": 300}, [])}),
        # a question names whom it asks about; the answer after it still speaks for the speaker
        ("Chile is ready to send troops.\nQ: And Lima?\nMINISTER: The same answer. We want a clear exit date.",
         {"CHL": ("conditional", {}, ["other"])}),
    ],
)
def test_troops_there_parliaments_yes_and_terms_of_the_last_word(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money for rebuilding, ports for staging: no troops
        ("Kyrgyzstan has said it will contribute to Gaza's reconstruction fund.", {}),
        ("Malta has offered the ports of Valletta and Marsaxlokk as staging posts for personnel and supplies.", {}),
        # a part in talks denied is no deliberation
        ("Oman has not taken part in discussions on troops.", {}),
        ("Oman is in discussions on troops for the force.", {"OMN": ("considering", {}, [])}),
        # where the asking happened, and where troops served before, are places, not countries with a stance
        ("Of the countries Washington approached at a meeting in Manila to supply troops, none has answered.", {}),
        ("\"Chile has a long history of peacekeeping, in Haiti and in Cyprus. We would only consider a contribution "
         "to a force under U.N. command,\" the adviser told reporters.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Cyprus will not send troops.", {"CYP": ("declined", {}, [])}),
    ],
)
def test_rebuilding_money_ports_talks_denied_and_places_of_asking_or_service(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an official who declines to be named declines nothing
        ("Peru will send troops, said a Peruvian official who declined to be named.", {"PER": ("committed", {}, [])}),
        ("Chile has yet to decide, said an official who refused to be identified.", {"CHL": ("considering", {}, [])}),
        # a refusal said alone
        ("Ecuador flatly refused, citing its commitments at home.", {"ECU": ("declined", {}, [])}),
        ("Ecuador was asked to send troops but refused.", {"ECU": ("declined", {}, [])}),
        ("Ecuador refused to comment.", {}),
        # a contribution described as under study; asked and not yet answered
        ("Oman's officials describe a contribution as \"under study\".", {"OMN": ("considering", {}, [])}),
        ("Bolivia, which Washington asked to contribute troops, has not replied publicly.", {"BOL": ("considering", {}, [])}),
        ("Bolivia has not responded to the criticism of its trade policy.", {}),
        # a request awaited is no term
        ("Paraguay has not ruled out taking part. \"If a request comes, the government will consider it,\" a spokesman said.",
         {"PRY": ("considering", {}, [])}),
        ("If a mandate comes, Paraguay will send troops.", {"PRY": ("conditional", {}, ["mandate"])}),
    ],
)
def test_unnamed_officials_refusals_alone_and_requests_awaited(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops there and troops promised are two facts, in either order
        ("The first 90 Chilean soldiers have arrived in Gaza, the army said. Chile has committed 400 troops in total.",
         {"CHL": {"committed": 400, "deployed": 90}}),
        ("Peru has committed 400 troops. The first 90 Peruvian soldiers arrived in Gaza on Tuesday.",
         {"PER": {"committed": 400, "deployed": 90}}),
        # the whole force's size, with an aside between the force and its number, is no country's figure
        ("Ecuador is still studying the request. The force, authorised by Security Council resolution 2803, is expected "
         "to number about 20,000 troops.", {"ECU": {}}),
    ],
)
def test_arrivals_beside_pledges_and_the_force_size_after_an_aside(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed forces known by a name of their own stand for their country
        ("Japan will fund the force, but Self-Defense Forces personnel will not be deployed.", {"JPN": ("declined", {}, [])}),
        ("The Bundesheer will not take part in the force.", {"AUT": ("declined", {}, [])}),
    ],
)
def test_armed_forces_by_their_own_names(text, expected):
    assert _read(text) == expected


def test_the_speakers_we_keeps_speaking_for_the_speaker():
    """A minister naming another country in passing ("our Peruvian friends") still speaks for their own."""
    text = ("MINISTER: Chile is prepared to send 300 troops.\nQ: Have you discussed a joint contribution with Lima?\n"
            "MINISTER: We talk to our Peruvian friends every day, but decisions in Lima are for Lima to announce.\n"
            "MINISTER: I would add one thing: we want a clear exit date.")
    assert _read(text) == {"CHL": ("conditional", {"offered_min": 300, "offered_max": 300}, ["other"])}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sponsor negotiating with a list: each is approached
        ("The US has been negotiating with Chile, Peru and Ecuador for participation.",
         {"CHL": ("considering", {}, []), "PER": ("considering", {}, []), "ECU": ("considering", {}, [])}),
        ("Chile negotiated with Hamas over the hostages.", {}),
        # second thoughts
        ("After initially offering troops, Peru and Ecuador have expressed reservations over the force's mission.",
         {"PER": ("considering", {}, []), "ECU": ("considering", {}, [])}),
        ("Several Andean countries, like Bolivia and Peru, now have \u201ccold feet,\u201d per an insider.",
         {"BOL": ("considering", {}, []), "PER": ("considering", {}, [])}),
        ("Chile has expressed reservations about the trade deal.", {}),
        # a deployment planned by its size; money is no contingent
        ("Chile, which first pledged up to 5,000 troops, now plans a smaller deployment of around 600.",
         {"CHL": ("committed", {"committed": 600}, [])}),
        ("Peru pledged a contribution of 5 million dollars.", {}),
        # no decision yet on a country's possible part
        ("No final decision has yet been taken regarding Ecuador\u2019s possible participation in the force.",
         {"ECU": ("considering", {}, [])}),
        # a term only preferred, or how past missions were run, is no term
        ("Lima would prefer deployment to be under UN mandate.", {}),
        ("Chile will send troops. All past missions were under UN auspices.", {"CHL": ("committed", {}, [])}),
    ],
)
def test_negotiations_second_thoughts_planned_sizes_and_terms_only_preferred(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a contingent described by several words before its size is still the country's own
        ("Chile is prepared to contribute a medical and engineering contingent of up to 400 personnel.",
         {"CHL": ("committed", {"offered_max": 400}, [])}),
        # "any deployment" in the next paragraph is the deployment of the country just spoken of
        ("Peru is prepared to contribute a contingent of up to 300 personnel.\n"
         "Any deployment, however, will only take place under a clear mandate.",
         {"PER": ("conditional", {"offered_max": 300}, ["mandate"])}),
    ],
)
def test_contingents_described_at_length_and_any_deployment_after_a_paragraph(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two terms joined by "and", each a clause of its own
        ("Chile will send 200 police, but only if the mission has a fixed end date and the Senate approves the deployment.",
         {"CHL": ("conditional", {"offered_min": 200, "offered_max": 200}, ["other", "domestic_approval"])}),
        ("Peru will not join the force unless the ceasefire holds and there is a credible path to a Palestinian state.",
         {"PER": ("conditional", {}, ["ceasefire", "other"])}),
        ("Ecuador will send troops only once a full ceasefire holds and both Israel and the Palestinians have agreed.",
         {"ECU": ("conditional", {}, ["ceasefire", "party_consent"])}),
        # ... but the two parties agreeing is one term
        ("Bolivia will send troops only if Israel and the Palestinians agree.", {"BOL": ("conditional", {}, ["party_consent"])}),
    ],
)
def test_two_terms_joined_by_and(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal that lasts as long as a term is unmet is that term, for every country listed
        ("As long as Hamas refuses to disarm, Chile, Peru, and Ecuador will not take part in such a deployment.",
         {"CHL": ("conditional", {}, ["disarmament"]), "PER": ("conditional", {}, ["disarmament"]),
          "ECU": ("conditional", {}, ["disarmament"])}),
        ("If the Security Council approves, Chile and Peru will send troops.",
         {"CHL": ("conditional", {}, ["mandate"]), "PER": ("conditional", {}, ["mandate"])}),
        ("If asked, Ecuador would not send troops.", {"ECU": ("declined", {}, [])}),
        # commitments reconsidered, second thoughts; countries described beside their names
        ("These states, including Peru, have started to reconsider their commitments.", {"PER": ("considering", {}, [])}),
        ("Chile and Ecuador, two nations that could contribute troops, are reconsidering their commitments.",
         {"CHL": ("considering", {}, []), "ECU": ("considering", {}, [])}),
        ("Bolivia is having second thoughts about committing troops to the force.", {"BOL": ("considering", {}, [])}),
        # participation confirmed where the board, not the force, is the topic
        ("The Board of Peace has received approval from the United Nations. Several countries, including Chile "
         "and Peru, have confirmed their participation.", {}),
        # troops expected ready; no commitment announced yet
        ("Chile's army expects up to 3,000 of its troops to be ready by June for a deployment to Gaza.",
         {"CHL": ("committed", {"offered_max": 3000}, [])}),
        ("But Lima has not yet announced its commitment.", {"PER": ("considering", {}, [])}),
    ],
)
def test_refusals_while_a_term_lasts_reconsidered_commitments_and_troops_expected_ready(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Kingdom" is a kingdom: the one named beside it, else the last one named, not the last country
        ("Ankara says it is ready to send troops. The Kingdom has ruled out putting Saudi boots on the ground.",
         {"TUR": ("committed", {}, []), "SAU": ("declined", {}, [])}),
        ("Chile will send troops. Morocco is weighing it. The Kingdom has ruled out sending soldiers.",
         {"CHL": ("committed", {}, []), "MAR": ("declined", {}, [])}),
        ("Jordan's king spoke in Amman. The kingdom will not send troops.", {"JOR": ("declined", {}, [])}),
    ],
)
def test_the_kingdom_is_a_kingdom(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean defence ministry has not responded to a Reuters request for comment on the troop deployment.",
        "Chilean officials, who spoke on condition of anonymity because they were not authorized to speak publicly, "
        "said the plan for the force was discussed.",
        "The Peruvian foreign ministry did not immediately respond to a request for comment on the force.",
        "Ecuador's government declined to comment on the force.",
        "A spokesperson for Bolivia's foreign ministry could not immediately be reached for comment on the troops.",
    ],
)
def test_wire_copy_about_comment_and_anonymity_is_no_stance(text):
    assert _read(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an explainer's question gives its answer's countries the stance it asks about
        ("Who has promised troops but not yet arrived? Chile, whose medics are due in the autumn, and Peru, "
         "which says it will send a company of military police.",
         {"CHL": ("committed", {}, []), "PER": ("committed", {}, [])}),
        ("Who has said no? Ecuador and Bolivia. Uruguay will send 200 troops.",
         {"ECU": ("declined", {}, []), "BOL": ("declined", {}, []), "URY": ("committed", {"committed": 200}, [])}),
        # ... the sentence right after it only; a question about something else gives nothing
        ("Who has said no? Ecuador has ruled out sending troops. Chile and Peru are paying for the fuel.",
         {"ECU": ("declined", {}, [])}),
        ("Who chairs the board? Chile, which hosted the talks.", {}),
    ],
)
def test_an_explainers_question_and_its_answer(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # any role taken on is a pledge
        ("The Chilean defence ministry said the Chilean Armed Forces are fully prepared to undertake any role assigned "
         "to them as part of the force.", {"CHL": ("committed", {}, [])}),
        # the force consulting others asks them for nothing
        ("The plan envisages a force that would train Palestinian police, while consulting with Peru and Ecuador.", {}),
        ("The US is consulting with Peru about troops for the force.", {"PER": ("considering", {}, [])}),
    ],
)
def test_any_role_taken_on_and_the_force_consulting_others(text, expected):
    assert _read(text) == expected


# ---- robustness: the same stance said with an adverb, a past tense or an unconfirmed claim ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb between the auxiliary and its verb reads past like the auxiliary alone
        ("Chile could eventually send as many as 2,000 troops.", {"CHL": ("considering", {"offered_max": 2000}, [])}),
        ("Peru will soon join the stabilisation force.", {"PER": ("committed", {}, [])}),
        ("Ghana has reportedly offered 1,200 soldiers to the force.", {"GHA": ("committed", {"committed": 1200}, [])}),
        # an aside that is the country's standing offer gives its figure; one in the past tense is background
        ("Kenya, which has offered 2,000 troops, is waiting for a UN mandate.",
         {"KEN": ("conditional", {"offered_min": 2000, "offered_max": 2000}, ["mandate"])}),
        ("Kenya, which offered 2,000 troops in 2024, is waiting for a UN mandate.", {"KEN": ("conditional", {}, ["mandate"])}),
        # "has since": the later stance, whatever came before it
        ("Norway had earlier pledged 200 troops but has since withdrawn the offer.", {"NOR": ("withdrawn", {}, [])}),
        # a claim the next sentence says the countries have not confirmed is no stance of theirs
        ("According to the report, the contingent will include troops from Chile, Peru and Ghana. "
         "However, these countries have not yet officially confirmed their participation.", {}),
    ],
)
def test_adverbs_past_asides_and_unconfirmed_claims(text, expected):
    assert _read(text) == expected


def test_a_claim_stands_when_the_next_sentence_confirms_nothing_about_it():
    text = "The contingent will include troops from Chile, Peru and Ghana. The first units are due in May."
    assert {code for code, (status, _, _) in _read(text).items() if status == "committed"} == {"CHL", "PER", "GHA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of saying other than "said", where it reports speech
        ("Its army was discussing the possibility of joining the force, stressed the Peruvian minister.",
         {"PER": ("considering", {}, [])}),
        ("Officials in Lima stated they now plan to provide a contingent of about 1,200.", {"PER": ("committed", {"committed": 1200}, [])}),
        # ... but a demand insisted on stays a demand
        ("Peru insisted that Hamas be disarmed before it sends troops.", {"PER": ("conditional", {}, ["disarmament"])}),
        # "dispatch" among the verbs of sending
        ("Jordan would not dispatch troops to Gaza, the king said.", {"JOR": ("declined", {}, [])}),
        ("Kenya is on the verge of dispatching troops to the force.", {"KEN": ("considering", {}, [])}),
        # "rejected sending" is a refusal; "promised" troops a pledge (not "promised support")
        ("Peru has rejected sending troops to Gaza.", {"PER": ("declined", {}, [])}),
        ("Ghana promised 8,000 or more troops to the force.", {"GHA": ("committed", {"offered_min": 8000}, [])}),
        ("Ghana promised support for the force.", {}),
        # troops "prepared" as troops ready
        ("Nepal expects up to 800 of its troops to be prepared by June for the mission.", {"NPL": ("committed", {"offered_max": 800}, [])}),
        # a task as the object of "join" limits the role; it refuses nothing
        ("Chile is ready to send troops. They will not join any disarmament process, the minister said.",
         {"CHL": ("committed", {}, [])}),
    ],
)
def test_synonyms_of_the_words_the_cues_know(text, expected):
    assert _read(text) == expected


def test_a_verb_of_saying_read_as_said_is_quoted_as_written():
    text = "Peru will send troops once there is a UN mandate, stressed Defence Minister Ana Ruiz."
    (found,) = extract(text)
    assert (found.country, found.status) == ("PER", "conditional")
    assert found.evidence == [text]  # "stressed" as written, not the "said" it is read as
    assert [c.text for c in found.conditions] == ["there is a UN mandate"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru is going to send troops to the force, its minister said.", {"PER": ("committed", {}, [])}),
        # "forces" is as much the topic as "troops"
        ("Azerbaijan, which was expected to send forces, has also reevaluated its position.", {"AZE": ("considering", {}, [])}),
        # a plan on hold, with the place named at length
        ("Chile's plan to send peacekeeping troops to the Gaza Strip is now on hold, the president said.", {"CHL": ("withdrawn", {}, [])}),
        # a figure written with "thousand"
        ("Nepal's army expects up to 8 thousand of its troops to be ready by June.", {"NPL": ("committed", {"offered_max": 8000}, [])}),
    ],
)
def test_futures_topics_and_figures_in_other_words(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Nepalese parliament voted on Thursday to approve the deployment of 500 soldiers to the force.",
         {"NPL": ("committed", {"committed": 500}, [])}),
        ("Chile has begun training a battalion for deployment to Gaza.", {"CHL": ("committed", {}, [])}),
        ("Norway has kept its options open on the force.", {"NOR": ("considering", {}, [])}),
        ("Norway has kept its options open on trade talks with Brussels.", {}),
        ("Ghana has volunteered 500 troops for the force.", {"GHA": ("committed", {"committed": 500}, [])}),
        ("Pakistan will be happy to join once the mandate is clear.", {"PAK": ("conditional", {}, ["mandate"])}),
    ],
)
def test_days_preparations_and_open_options(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Asked about the force, Peru said no.", {"PER": "declined"}),
        ("For Peru, the answer is no.", {"PER": "declined"}),
        ("Peru has said yes to the US request for troops.", {"PER": "committed"}),
        ("Peru wants nothing to do with the force.", {"PER": "declined"}),
        ("Peru is staying out of the force.", {"PER": "declined"}),
        ("Peru said it would sit this one out.", {"PER": "declined"}),
        ("Peru said it lacked the capacity to send troops.", {"PER": "declined"}),
        ("Peru's contingent has taken up positions in Rafah.", {"PER": "deployed"}),
        ("As for Peru, it has ruled out any role in the force.", {"PER": "declined"}),
        # near misses: a "no" to something else, being named by others
        ("Peru said no to the trade deal, but is weighing the force.", {"PER": "considering"}),
        ("Peru has been named as a possible contributor.", {}),
    ],
)
def test_plain_answers_and_everyday_wordings(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile joins Peru in offering troops to the force.", {"CHL": "committed", "PER": "committed"}),
        ("Chile has joined Peru in ruling out a role in the force.", {"CHL": "declined", "PER": "declined"}),
        # a description between commas is not who speaks
        ("Chile, a close US ally, said it would send 300 troops to the force.", {"CHL": "committed"}),
        ("Chilean participation is off the table, the minister said.", {"CHL": "declined"}),
        ("A Chilean contribution has not been ruled out.", {"CHL": "considering"}),
        ("A Chilean contingent of 300 is expected in Gaza next month.", {"CHL": "committed"}),
        # near miss: joining a meeting is no stance
        ("Chile joined Peru in talks on trade.", {}),
    ],
)
def test_joining_another_descriptions_and_passive_stances(text, expected):
    assert _statuses(text) == expected


# ---- hard-wrapped copy: an e-mailed or plain-text article cut every 70 or so characters --------------------

WRAPPED_ARTICLE = (
    "SANTIAGO, March 3 - Chile's defence minister said on Tuesday that the country was ready to send 400 soldiers to the "
    "international stabilisation force in Gaza, provided the UN Security Council gives the mission a clear mandate.\n"
    "Peru, by contrast, has ruled out sending troops, its foreign ministry said in a statement, citing the risk to its "
    "soldiers and the lack of a settled plan for the enclave.\n"
    "Ghana is still weighing a request from Washington to contribute a battalion of about 600 troops, officials in Accra "
    "said, and expects to decide before the end of the month."
)


@pytest.mark.parametrize("blank_lines", [True, False])
def test_a_hard_wrapped_article_reads_as_the_same_article(blank_lines):
    separator = "\n\n" if blank_lines else "\n"
    wrapped = separator.join(textwrap.fill(p, 70) for p in WRAPPED_ARTICLE.split("\n"))
    assert max(len(line) for line in wrapped.splitlines()) <= 70

    def read(text):
        return {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None},
                            [c.category for c in s.conditions]) for s in extract(text)}

    assert read(wrapped) == read(WRAPPED_ARTICLE) == {
        "CHL": ("conditional", {"offered_min": 400, "offered_max": 400}, ["mandate"]),
        "PER": ("declined", {}, []),
        "GHA": ("considering", {"offered_min": 600, "offered_max": 600}, []),
    }
    for s in extract(wrapped):
        assert s.evidence and all(q in wrapped for q in s.evidence)  # quoted as written, line breaks and all


def test_short_lines_stay_paragraphs():
    """Lines that are not wrapped (a heading, short paragraphs of their own) are not run together."""
    text = "Chile will send troops.\n\nPeru will not send troops.\nGhana is weighing it."
    assert _statuses(text) == {"CHL": "committed", "PER": "declined", "GHA": "considering"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile appears unwilling to send troops to the force.", {"CHL": "declined"}),
        ("Peru remains unwilling to commit troops.", {"PER": "declined"}),
        ("Ghana has not closed the door on sending troops.", {"GHA": "considering"}),
        ("Kenya is willing in principle to send troops.", {"KEN": "committed"}),
        ("Nepal said it was prepared, in principle, to contribute troops.", {"NPL": "committed"}),
        # an agreement "in principle" to an earlier decision stays as it was read
        ("Norway agreed in principle to take part.", {"NOR": "considering"}),
    ],
)
def test_hedged_willingness_and_open_doors(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dateline's country speaks through "the ministry", "the government", "it", until another is named
        ("JAKARTA (Reuters) - The foreign ministry said on Tuesday it was ready to send troops to the force.", {"IDN": "committed"}),
        ("SANTIAGO, March 3 (Reuters) - The government said on Tuesday it would send 400 troops to Gaza.", {"CHL": "committed"}),
        ("NAIROBI, Kenya — The government will not send troops to Gaza, a spokesman said.", {"KEN": "declined"}),
        # ... but a country the sentence names speaks for itself, and the sponsor's capital gives no stance
        ("LIMA (Reuters) - Chile will send 400 troops to the force, Peru's foreign minister said.", {"CHL": "committed"}),
        ("WASHINGTON (Reuters) - The administration said it would not send US troops to Gaza.", {}),
    ],
)
def test_the_datelines_country_when_none_is_named(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nepal's army expects up to eight thousand of its troops to be ready by June.", {"NPL": "committed"}),
        ("Lawmakers approved the government's decision to take part in the Peace Council, Albanian media said.", {}),
        ("Kenya's president was criticised for agreeing to take part in the board and provide troops to the force.",
         {"KEN": "committed"}),
    ],
)
def test_figures_in_words_and_the_board_taken_part_in(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chilean and Peruvian troops will form the core of the force.", {"CHL": "committed", "PER": "committed"}),
        ("Where they stand:\nNorway: no decision yet on the force.\nPeru: has ruled out taking part.",
         {"NOR": "considering", "PER": "declined"}),
        ("The force: no decision yet on its size.", {}),
    ],
)
def test_troops_forming_the_core_and_round_up_lines(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's Senate on Wednesday authorised the deployment of 300 soldiers to the force.", {"CHL": "committed"}),
        ("Chilean President Maria Lopez has ordered the armed forces to prepare a contingent for Gaza.", {"CHL": "committed"}),
        ("Chile's army chief said a battalion was ready and waiting for the order to deploy to Gaza.", {"CHL": "committed"}),
        ("Chile says it will not rush into a decision on the force.", {"CHL": "considering"}),
        ("Chile has offered logistics support but no troops.", {"CHL": "declined"}),
        ("Chile will send medics but no combat troops.", {"CHL": "committed"}),
        ("Chile's earlier offer of 500 troops is no longer on the table.", {"CHL": "withdrawn"}),
        ("Chile's troops have left Gaza.", {"CHL": "withdrawn"}),
        ("Chile has begun withdrawing its contingent from the force.", {"CHL": "withdrawn"}),
        ("Chile will bring its soldiers home from Gaza by the end of the year.", {"CHL": "withdrawn"}),
    ],
)
def test_authorisations_orders_and_troops_coming_home(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word of stress in quote marks reads past like the word itself
        ("Chile's president said his country would \"absolutely\" send troops.", {"CHL": "committed"}),
        ("Peru would “gladly” contribute troops to the force.", {"PER": "committed"}),
        # "we" of the article's only possible contributor, in a sentence that names its capital as a place
        ("Speaking in Santiago, the defence minister said: \"We will send 300 troops once there is a UN mandate.\"",
         {"CHL": "conditional"}),
    ],
)
def test_stress_in_quote_marks_and_we_spoken_in_the_capital(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nationality before the noun the cue opens with, in a clause of its own after another country's stance
        ("Peru has pledged troops to the force, while Chilean participation has been confirmed.",
         {"PER": ("committed", {}, []), "CHL": ("committed", {}, [])}),
        # (not what Israel says of another's participation)
        ("Israel has rejected Chilean participation in the force.", {}),
        # a stray mark glued to the next word, left by a page's markup
        ("Santiago has signalled its readiness to ;deploy troops to Gaza.", {"CHL": ("committed", {}, [])}),
        # two words read past in a row: a word of stress, then "also"
        ("Chile is ready to join the force, which would clearly also require parliamentary approval.",
         {"CHL": ("conditional", {}, ["domestic_approval"])}),
        # a "we" at the head of a long sentence in a later paragraph: the article's only possible contributor
        ("Chile's president spoke after the summit.\n\"We can and are ready to expand our presence, which is already "
         "planned, up to the point of joining a stabilisation force, which in this case would also require "
         "parliamentary approval.", {"CHL": ("conditional", {}, ["domestic_approval"])}),
        # (but "I think ..." is the speaker's own view, not a term of the country's)
        ("Chile's president spoke after the summit.\nI think that, in this case, a lasting peace would also require "
         "constant attention by world leaders.", {}),
        # troops a country wants to commit (wanting to send is still a wish)
        ("Chile says it wants to commit dozens of its soldiers to the force.", {"CHL": ("committed", {}, [])}),
        ("Chile wants to send troops to the force.", {"CHL": ("considering", {}, [])}),
        # a decision on joining to come, whatever the verb of sending ("dispatch forces", "peacekeepers")
        ("The minister hoped that Chile will also decide to dispatch forces there.", {"CHL": ("considering", {}, [])}),
        ("Chile will decide whether to send peacekeepers soon.", {"CHL": ("considering", {}, [])}),
        ("Chile will decide on the budget next month.", {}),
    ],
)
def test_nationality_nouns_stray_marks_and_a_long_we(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pledge denied
        ("Chile denied it had agreed to send troops.", {"CHL": "declined"}),
        ("Peru's government denies that it will deploy soldiers to Gaza.", {"PER": "declined"}),
        # no plans for a nationality's troops
        ("There are no plans to send Chilean troops to Gaza, the defence ministry said.", {"CHL": "declined"}),
        # a decision put off
        ("Chile's cabinet has delayed a decision on sending troops.", {"CHL": "considering"}),
        ("Chile has put its decision on hold.", {"CHL": "considering"}),
        ("Chile has postponed a decision on the budget.", {}),
        # a contrast is not a list
        ("Unlike Malaysia, Indonesia will send troops to the force.", {"IDN": "committed"}),
        ("Unlike the UAE, Egypt and Jordan will send police trainers.", {"EGY": "committed", "JOR": "committed"}),
        ("Malaysia, Indonesia and Chile will send troops.", {"MYS": "committed", "IDN": "committed", "CHL": "committed"}),
    ],
)
def test_denials_decisions_put_off_and_contrasts(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country's official says it of the troops right before them
        ("Chile's defence minister said 300 soldiers were ready to deploy to Gaza.", {"CHL": {"committed": 300}}),
        ("Israel's defence minister said 300 soldiers were ready to deploy to Gaza.", {}),
        # a unit being readied, sized
        ("Chile is preparing a 1,200-strong brigade for Gaza.", {"CHL": {"committed": 1200}}),
    ],
)
def test_troops_said_of_by_an_official_and_units_readied(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # terms announced and listed after a colon in the same sentence
        ("Chile is willing to send troops, but only if three conditions are met: a UN mandate, a ceasefire and the "
         "consent of the Palestinians.", {"CHL": ["ceasefire", "mandate", "party_consent"]}),
        # the backing of a party
        ("Chile said any mission must have the backing of the Palestinian Authority.", {"CHL": ["party_consent"]}),
        # two clauses, each with its own verb
        ("Chile says it will send troops provided the ceasefire holds and the mission has a UN mandate.",
         {"CHL": ["ceasefire", "mandate"]}),
        # a refusal until an event, and strikes going on
        ("Chile will not send troops until the hostages are released.", {"CHL": ["other"]}),
        ("Chile will not send troops as long as Israeli strikes continue.", {"CHL": ["ceasefire"]}),
        # only a mission of one kind
        ("Chile said it would take part only in a peacekeeping mission, not in peace enforcement.", {"CHL": ["mandate"]}),
        # "cannot ... without", and money as the term
        ("Chile cannot send troops without a UN mandate.", {"CHL": ["mandate"]}),
        ("Chile has said it cannot afford to send troops without international funding.", {"CHL": ["funding"]}),
        # a political horizon wanted
        ("Chile is ready to send troops but wants a political horizon for a Palestinian state.", {"CHL": ["other"]}),
    ],
)
def test_terms_listed_after_a_colon_and_in_other_words(text, expected):
    assert {code: sorted(found) for code, found in _conditions(text).items()} == expected
    assert all(s.status == "conditional" for s in extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second verb shares the first one's auxiliary
        ("Italy will fund the mission and send 200 troops.", {"ITA": ("committed", {"committed": 200}, [])}),
        ("Italy will train police and send 200 troops.", {"ITA": ("committed", {"committed": 200}, [])}),
        ("Italy would fund the mission and also deploy engineers.", {"ITA": ("committed", {}, [])}),
        ("Italy will not fund the mission and send troops.", {"ITA": ("declined", {}, [])}),
        ("Italy will host the talks and send a delegation.", {}),
        # help of another kind than troops, as training police alone
        ("Italy said it was ready to help train police.", {}),
        ("Italy is ready to help by sending troops.", {"ITA": ("committed", {}, [])}),
        # a round-up's bare "considering"
        ("Where countries stand:\nIndonesia: offered up to 20,000 troops.\nPakistan: considering.",
         {"IDN": ("committed", {"offered_max": 20000}, []), "PAK": ("considering", {}, [])}),
    ],
)
def test_a_shared_auxiliary_help_of_another_kind_and_a_bare_considering(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country named as a hyphenated adjective is no subject: the nationality is
        ("The question of sending Chilean forces to Gaza under a US-mediated plan remains under review.", {"CHL": "considering"}),
        ("The Egyptian-led force will include troops from Chile.", {"CHL": "committed"}),
        # joined, in the past simple, and with words before "force"
        ("Chile joined the stabilisation force on Monday.", {"CHL": "committed"}),
        ("Chile has joined the US-led stabilisation force.", {"CHL": "committed"}),
        ("Chile joined the talks on the force.", {}),
        ("Chile joined the force's planning conference.", {}),
        ("Chile has not joined the force.", {}),
    ],
)
def test_hyphenated_adjectives_and_joining_the_force(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description between commas that ends with a place
        ("Chile, a key US ally in the region, has so far declined to commit troops.", {"CHL": "declined"}),
        # holding back from a pledge
        ("Chile has so far refrained from committing troops.", {"CHL": "considering"}),
        ("Chile backed the force but stopped short of pledging troops.", {"CHL": "considering"}),
        # not on the agenda, and a parliament's no
        ("Chile said sending troops was not on the agenda.", {"CHL": "declined"}),
        ("Chile's parliament blocked the deployment.", {"CHL": "declined"}),
        ("Chile's Congress voted down the deployment of troops.", {"CHL": "declined"}),
        # the first of its kind, a contribution being finalised
        ("Chile is set to become the first Latin American country to send troops.", {"CHL": "committed"}),
        ("Chile is in the final stages of preparing its contingent.", {"CHL": "committed"}),
        # a readiness hedged by a modal
        ("Chile has indicated it may be willing to take part.", {"CHL": "considering"}),
        ("Chile could be ready to send troops.", {"CHL": "considering"}),
        ("Chile is ready to send troops.", {"CHL": "committed"}),
    ],
)
def test_asides_held_back_pledges_parliaments_no_and_hedged_readiness(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the country would send troops only under ...": the country is the subject, not "the ... troops"
        ("Chile's defence minister Ana Ruiz visited Washington on Monday.\nThe minister said the country would send troops "
         "only under a UN mandate.", {"CHL": ("conditional", {}, ["mandate"])}),
        # more time asked for
        ("Peru has offered 500 troops.\nChile, meanwhile, has said it needs more time.",
         {"PER": ("committed", {"committed": 500}, []), "CHL": ("considering", {}, [])}),
        # a figure in a paragraph of its own, after the country's stance
        ("Chile said it would send troops.\nThe contingent will number 300 soldiers and deploy in April.",
         {"CHL": ("committed", {"committed": 300}, [])}),
        ("The Chilean government has approved the deployment.\nAbout 300 soldiers will leave for Gaza in April, the army said.",
         {"CHL": ("committed", {"committed": 300}, [])}),
    ],
)
def test_the_country_as_subject_more_time_and_a_figure_on_its_own_line(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headlines
        ("Chile to send 300 troops to Gaza force", {"CHL": "committed"}),
        ("Chile mulls Gaza force role", {"CHL": "considering"}),
        ("Chile says no to Gaza force", {"CHL": "declined"}),
        ("Chile pulls troops from Gaza force", {"CHL": "withdrawn"}),
        ("Chile keen to join Gaza force", {"CHL": "committed"}),
        ("Chile's parliament approves Gaza troop deployment", {"CHL": "committed"}),
        ("Israel's cabinet approves troop deployment", {}),
        ("Chile is keen to see the force succeed.", {}),
    ],
)
def test_headlines(text, expected):
    assert _statuses(text) == expected


def test_sentences_end_after_a_closing_quotation_and_before_a_new_one_in_a_paragraph_of_many():
    """Copy that lost its line breaks runs many sentences into one paragraph: a quotation that ends a
    sentence ends it, and a quotation left open (one that went on in the next paragraph) gives way to the
    next one that opens after a full stop."""
    from app.services.importer import sentences

    text = ("He said: “I will say no. Nothing suits us.” In an interview, Chaudhry said: “Chile will enforce that.” "
            "Chaudhry also said it. “We will do our duty. And more. “Yes, absolutely,” he said. Done.")
    assert [text[s.start:s.end] for s in sentences(text)] == [
        "He said: “I will say no. Nothing suits us.”",
        "In an interview, Chaudhry said: “Chile will enforce that.”",
        "Chaudhry also said it.",
        "“We will do our duty. And more.",
        "“Yes, absolutely,” he said.",
        "Done.",
    ]
    # (a quotation closed mid-sentence does not end it)
    assert len(sentences("“Yes,” he said, “we will.” Then he left.")) == 2


def test_in_wire_copy_the_countries_just_listed_carry_over_a_paragraph_break():
    """Wire copy gives each sentence a paragraph of its own: "none have committed" on the next line still
    speaks of the countries just listed (in prose of longer paragraphs a new paragraph starts over)."""
    text = ("Chile had stated it would send 2,000 troops.\n\nHowever, officials in Santiago now plan a smaller contingent "
            "of about 200.\n\nThe plan envisioned troop contributions from Gulf states, including the UAE, Bahrain, and "
            "Qatar.\n\nBut after expressing early interest, none have committed to participating.")
    assert _statuses(text) == {"CHL": "committed", "ARE": "considering", "BHR": "considering", "QAT": "considering"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal that waits for something named in looser words is a term
        ("Oman said it would not join the force without a clear framework.", {"OMN": ("conditional", {}, ["other"])}),
        ("Chile will not take part without clarity on the force's mission, officials said.", {"CHL": ("conditional", {}, ["other"])}),
        ("Peru will not deploy troops without a credible path to Palestinian statehood.", {"PER": ("conditional", {}, ["other"])}),
        # a contribution weighed on terms
        ("Chile would consider sending troops once hostilities have completely ceased.", {"CHL": ("conditional", {}, ["ceasefire"])}),
        ("Norway is considering a contribution if the force receives a clear UN mandate.", {"NOR": ("conditional", {}, ["mandate"])}),
        ("Peru is considering sending troops if asked.", {"PER": ("considering", {}, [])}),
        # the head of state's decision as a term of the country's own
        ("Chile is ready to send troops, subject to a decision by the president.", {"CHL": ("conditional", {}, ["domestic_approval"])}),
        # a decision left to the government is one not yet made
        ("Chile said the final decision will depend on the government.", {"CHL": ("considering", {}, [])}),
        ("Chile said its participation will depend on a UN mandate.", {"CHL": ("conditional", {}, ["mandate"])}),
        # readiness as being available, and leading the force
        ("Peru has said it is available to train Palestinian police.", {"PER": ("committed", {}, [])}),
        ("Chile will lead the stabilization force, officials said.", {"CHL": ("committed", {}, [])}),
        ("Chile is expected to lead the stabilization force.", {"CHL": ("committed", {}, [])}),
        ("Chile will lead the force's training programme.", {}),
        # members of a group named after what they signalled
        ("Countries that have signalled they could take part include Chile, Peru and Ecuador.",
         {"CHL": ("considering", {}, []), "PER": ("considering", {}, []), "ECU": ("considering", {}, [])}),
        # a refusal of combat troops only limits an offer; alone it is a refusal
        ("Chile has offered engineers to rebuild roads for the mission. Santiago has ruled out sending combat troops.",
         {"CHL": ("committed", {}, [])}),
        ("Chile will not send combat troops to Gaza.", {"CHL": ("declined", {}, [])}),
        # a report put as a question is not the country's stance
        ("The minister was asked about reports that Peru would send 2,000 troops. “No decision has been taken,” he said.",
         {"PER": ("considering", {}, [])}),
        ("Chile will send a medical unit to Gaza, its spokesperson said, adding that no combat troops would be deployed.",
         {"CHL": ("committed", {}, [])}),
        # readiness to take on a part in the force
        ("Speaking in Santiago on Tuesday, a ministry spokesperson said Chile was ready to take on any responsibility in the "
         "force, adding that the details were being worked out with partners.", {"CHL": ("committed", {}, [])}),
        ("Chile is ready to take on a bigger role in regional trade.", {}),
        # the government's decision still awaited, at the end of a sentence about joining
        ("Peru agreed to take part, but is awaiting the government's final decision.", {"PER": ("considering", {}, [])}),
        ("Peru's budget plan is awaiting the government's final decision.", {}),
        # officials known by name alone
        ("Spokesperson Tahir Andrabi said no decision had been taken on sending troops.", {"PAK": ("considering", {}, [])}),
        ("Gargash said the country would not take part without a clear framework.", {"ARE": ("conditional", {}, ["other"])}),
        # interest, no objection, and being among those asked
        ("Chile is interested in contributing troops.", {"CHL": ("considering", {}, [])}),
        ("Chile said it was not opposed to sending troops.", {"CHL": ("considering", {}, [])}),
        ("Chile is among the countries Washington has asked to contribute.", {"CHL": ("considering", {}, [])}),
        ("Chile wants no part in the force.", {"CHL": ("declined", {}, [])}),
        ("Chile wants no part in disarming Hamas but will send engineers.", {"CHL": ("committed", {}, [])}),
        # a party raising no objection, and Hamas's arms as what must go first
        ("Chile said it would contribute, provided Israel does not object.", {"CHL": ("conditional", {}, ["party_consent"])}),
        ("Chile will send troops, but Hamas must lay down its weapons first.", {"CHL": ("conditional", {}, ["disarmament"])}),
        # leaving the Board of Peace on a term is no term of the force's
        ("Peru has pledged 800 troops. Its president is ready to withdraw if the council fails to support a Palestinian state.",
         {"PER": ("committed", {"committed": 800}, [])}),
    ],
)
def test_terms_decisions_and_limits_in_looser_words(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sponsor's own troops are no one else's stance
        ("Chile is leaning toward taking part. Although American troops will not be deployed, the US is talking to Peru.",
         {"CHL": "considering", "PER": "considering"}),
        # a group, not the country spoken of before, is the subject
        ("Chile is considering taking part. Forces of several nations will join the force in spring.", {"CHL": "considering"}),
        ("Chile's minister urged a quick deployment. The idea is gaining support among countries that might contribute troops.", {}),
        # a country named as an example of a place, or as a hyphenated adjective, is not what is spoken of next
        ("Chile will not send troops unless there is a UN mandate. He said a mandate for conflict zones like Ukraine or Gaza "
         "is unlikely. Kapoor stated: “we only do it under the UN flag.”", {"CHL": "conditional"}),
        ("Chile's spokesman was critical. The force is part of the US-brokered agreement. According to officials, an "
         "announcement is expected soon from the federal government regarding the decision.", {"CHL": "considering"}),
        # what Israel says of another country's troops is Israel's stance, not that country's
        ("In the same month, Netanyahu also said that no Peruvian troops would be deployed to Gaza, calling it a red line.", {}),
        ("No Peruvian troops will be deployed to Gaza, Lima said.", {"PER": "declined"}),
        # a quotation's "we" is its speaker, whoever the quotation named before
        ("According to the second phase of US President Donald Trump’s peace plan, “such a force must be able to establish "
         "security, and many cannot imagine Peruvian soldiers doing that – especially in this region. So we will not "
         "participate in the stabilization force in the immediate future,” said the minister to the news agency, however "
         "he clarified that Lima is ready to contribute constructively to the structures.", {"PER": "declined"}),
    ],
)
def test_who_is_spoken_of_in_a_long_paragraph(text, expected):
    """Copy that lost its line breaks keeps what a sentence is about from running on into the next: the
    sponsor's troops, a group, a place or a quotation's "we" take the subject from the country said before."""
    assert _statuses(text) == expected


def test_a_quotation_in_single_marks_ends_where_they_close():
    """‘…’ closes at a mark that is no apostrophe, so the sentence after it is a sentence of its own."""
    from app.services.importer import sentences

    text = ("He spoke on the show ‘Naya Chile’, saying: “No.” Chile’s minister also spoke. The countries’ troops wait. "
            "Then he left.")
    assert [text[s.start:s.end] for s in sentences(text)] == [
        "He spoke on the show ‘Naya Chile’, saying: “No.”",
        "Chile’s minister also spoke.",
        "The countries’ troops wait.",
        "Then he left.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a claim the next line says the countries have not confirmed, in wire copy
        ("DUBAI, October 20. /Wire/. The Egypt-led force will be made up of at least 4,000 troops, the newspaper "
         "reported, citing sources.\n"
         "According to the report, the contingent will also include troops from Chile, Peru and Ecuador.\n"
         "However, these countries have not yet officially confirmed their participation.\n", {}),
        # a paragraph that goes on with the last speaker's words
        ("Chile's spokesman said the mission would be humanitarian.\n"
         "He noted that any decision regarding the deployment would be made in strict compliance with national legislation.",
         {"CHL": "conditional"}),
        # "any deployment" as the cue's subject, with the country named after it
        ("Chile stands ready to deploy its troops to Gaza, the minister said.\n"
         "Coordination with other countries is ongoing, he added, but any deployment must rest on what Santiago calls a "
         "comprehensive UN mandate.", {"CHL": "conditional"}),
        # "it" as the subject of a sentence of its own, a party named after the cue
        ("NATO member Chile has been a vocal critic of the war.\n"
         "It has emerged as a mediator, voicing a desire to join the stabilization force despite Israel's objections.",
         {"CHL": "considering"}),
        ("Chile hosted the talks.\nIt is unclear which countries will contribute troops.", {}),
        # those who might be willing are not the speaker's country
        ("“We understand that this matters to those countries who might be willing to send troops,” Peru's minister said.", {}),
    ],
)
def test_a_line_of_its_own_still_speaks_of_the_one_before(text, expected):
    """Copy with one sentence to a line starts a paragraph at every sentence: who is spoken of carries over
    where the words say so ("he noted", "it has", "any deployment"), and a claim is still unconfirmed by the
    line after it."""
    assert _statuses(text) == expected


def test_a_list_run_into_one_line_is_read_item_by_item():
    """A page whose line breaks were lost runs a bulleted list into one line: each item is read on its own,
    so a demand in one item is not taken for a term of the country in the next (a dateline's dash is no list)."""
    text = ("Key details emerging: - Over 25 countries will meet in Doha to plan the force - Chile has offered 2,000 "
            "troops for reconstruction missions - Hamas insists the force must only monitor borders and not disarm militants")
    assert _read(text) == {"CHL": ("committed", {"committed": 2000}, [])}
    assert _statuses("SANTIAGO (Wire) - The ministry said Chile will send troops - a first for the country.") == {"CHL": "committed"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile has 300 troops in Gaza serving with the force.", {"CHL": {"deployed": 300}}),
        ("Chile has 300 troops serving in Lebanon and will send more to Gaza.", {"CHL": {}}),
        ("Chile has deployed 300 of the 1,500 troops it pledged.", {"CHL": {"deployed": 300, "committed": 1500}}),
    ],
)
def test_troops_there_and_troops_pledged(text, expected):
    """Troops serving with the force are there, whatever ends the sentence; a part of a pledge gives both figures."""
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile completed the deployment of its 500 troops to Gaza.", {"CHL": ("deployed", {"deployed": 500}, [])}),
        ("Chile completed the deployment of its new radar system.", {}),
        ("Chile rotated its contingent in Gaza, sending 400 fresh troops.", {"CHL": ("deployed", {"deployed": 400}, [])}),
        ("Chile's soldiers are now patrolling Rafah as part of the force.", {"CHL": ("deployed", {}, [])}),
        ("Chile's troops in Gaza have begun clearing rubble.", {"CHL": ("deployed", {}, [])}),
        ("Chile's engineers are working on a bridge in Santiago.", {}),
    ],
)
def test_troops_at_work_there(text, expected):
    """A deployment finished, a contingent relieved, troops at work where the force serves: troops there."""
    assert _read(text) == expected



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No Canadian soldiers would take part in the force, Ottawa said.", {"CAN": "declined"}),
        ("No Brazilian troops will join the force, the minister said.", {"BRA": "declined"}),
        ("No Chilean units are going to serve in Gaza.", {"CHL": "declined"}),
        ("Chilean soldiers will take part in the force.", {"CHL": "committed"}),
    ],
)
def test_troops_refused_as_the_subject(text, expected):
    """"No Chilean troops will join": the refusal is in the subject, before the verb of joining."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Has Chile decided to send troops to the stabilization force?", {}),
        ("QUESTION: And what about reports that Chile has already committed 2,000 troops?", {}),
        ("Q: Is Peru ready to join the force?", {}),
        ("Why has Chile refused to send troops?", {"CHL": "declined"}),
        ("QUESTION: Has Chile decided to send troops to the force?\nSPOKESPERSON: No decision has been taken yet.", {"CHL": "considering"}),
        ("Q: Will Chile send troops? A: No.", {"CHL": "declined"}),
    ],
)
def test_a_question_asks_and_states_nothing(text, expected):
    """A direct question gives no stance of its own; the answer gives the stance of the country asked about."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's parliament on Wednesday authorized the government to send troops to Gaza.", {"CHL": ("committed", {}, [])}),
        ("Chile's Congress last week approved the plan to send 300 troops.", {"CHL": ("committed", {"committed": 300}, [])}),
        ("Chile's contingent of 300 is due to arrive next week.", {"CHL": ("committed", {"committed": 300}, [])}),
        ("Chile's 300-strong contingent will arrive in Gaza next week.", {"CHL": ("committed", {"committed": 300}, [])}),
        ("Chile has postponed its deployment until the security situation improves.", {"CHL": ("conditional", {}, ["other"])}),
        ("Chile will not send troops until the security situation improves.", {"CHL": ("conditional", {}, ["other"])}),
        ("Chile has delayed sending its troops until the mandate is clear.", {"CHL": ("conditional", {}, ["mandate"])}),
    ],
)
def test_a_day_said_a_size_said_and_a_wait_for_things_to_change(text, expected):
    """A day between a parliament and its yes, a contingent's size before or after it, and a deployment put
    off until things change (a term, as a refusal until they do is)."""
    assert _read(text) == expected


def test_a_wait_until_a_ceasefire_names_the_whole_term():
    """The term is all that follows "until", not what follows the words the cue knew."""
    assert [c.text for s in extract("Chile will not send troops until a ceasefire holds.") for c in s.conditions] == \
        ["a ceasefire holds"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile is ready to send troops for peacekeeping, but not for peace enforcement.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Chile will send troops for peacekeeping duties, not peace enforcement.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Chile envisions peacekeeping, not peace enforcement.", {}),
    ],
)
def test_the_kind_of_mission_said_without_naming_a_mission(text, expected):
    """"For peacekeeping, not peace enforcement" is the term "a peacekeeping mission, not peace enforcement" is."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a yes in other words: a nod, consent, readiness "for" taking part, keenness
        ("Chile has given the nod to send troops for the stabilisation force.", {"CHL": "committed"}),
        ("Chile gave its consent to join the force.", {"CHL": "committed"}),
        ("Chile has given its consent for the use of its airspace.", {}),
        ("Chile has expressed its readiness for taking part in the force.", {"CHL": "committed"}),
        ("Chile has shown keenness to join the force, sources said.", {"CHL": "committed"}),
        # a no said as an inability
        ("Chile expressed its inability to send troops, citing domestic constraints.", {"CHL": "declined"}),
        # a decision to join, named but still to be made
        ("Chile's decision to send troops is yet to be finalised.", {"CHL": "considering"}),
        ("Chile's decision to join the force is still pending.", {"CHL": "considering"}),
        ("Chile's decision to join the force was welcomed by Washington.", {"CHL": "committed"}),
        # troops finalised or assigned by number, an agreement ratified
        ("Chile has finalised 800 troops for the Gaza mission.", {"CHL": "committed"}),
        ("Chile's congress ratified the agreement allowing the deployment of its soldiers to Gaza.", {"CHL": "committed"}),
        # a force given a task it will not take on: a limit on the role, not a refusal to join
        ("Chile will not be part of any force tasked with disarming Hamas.", {}),
        ("Chile will send troops but will not be part of any force tasked with disarming Hamas.", {"CHL": "committed"}),
        ("Chile will not be part of any force in Gaza.", {"CHL": "declined"}),
    ],
)
def test_pledges_refusals_and_pending_decisions_in_newsroom_words(text, expected):
    """The words of reports written in many Englishes: a nod given, keenness shown, an inability expressed,
    a decision "yet to be finalised", troops "finalised" for the mission."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile would not participate in a force that lacks a UN mandate.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Chile would not participate in a force that was not mandated by the UN.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Chile will not join any force not authorised by the Security Council.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Chile will not send troops to any force that does not have a UN mandate.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Chile will not join a force that is led by Israel.", {"CHL": ("declined", {}, [])}),
        # the decision left to a government still to come is a decision not yet made
        ("Chile's caretaker government would leave the decision to the government appointed after next month's polls.",
         {"CHL": ("considering", {}, [])}),
        ("Chile's interim government has said the matter will be left to the next elected government.", {"CHL": ("considering", {}, [])}),
    ],
)
def test_a_force_refused_for_what_it_lacks_and_a_decision_left_to_the_next_government(text, expected):
    """"Not in a force that lacks a UN mandate" names the term as "not without a UN mandate" does; a decision
    left to the next government is still to be made."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's contribution will total around 800 troops.", {"CHL": {"committed": 800}}),
        ("Chile's contingent will number 1,000 soldiers.", {"CHL": {"committed": 1000}}),
        ("The force will total around 20,000 troops, and Chile will send troops.", {"CHL": {}}),
        ("Chile has deployed 500 soldiers so far, out of a planned 8,000.", {"CHL": {"deployed": 500, "committed": 8000}}),
    ],
)
def test_a_countrys_own_total_and_a_part_of_a_planned_deployment(text, expected):
    """"Its contribution will total 800" is the country's own figure (a force's total is no one's); "500 so
    far, out of a planned 8,000" gives both."""
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # terms said to exist but never named: the status says so, and no term is made up for them
        ("Chile and Peru have privately indicated readiness to participate under certain conditions.",
         {"CHL": ("conditional", {}, []), "PER": ("conditional", {}, [])}),
        ("Chile will take part provided several conditions are met. These include a UN mandate and a ceasefire.",
         {"CHL": ("conditional", {}, ["mandate", "ceasefire"])}),
        # "only" before a country picks it out; it sets no term
        ("To date, only Chile has publicly expressed willingness to send forces as part of a potential UN-mandated mission.",
         {"CHL": ("committed", {}, [])}),
        ("Chile will only send troops as part of a UN-mandated mission.", {"CHL": ("conditional", {}, ["mandate"])}),
    ],
)
def test_terms_never_named_and_only_one_country(text, expected):
    """Conditions that are only said to exist give a conditional stance with no term; "only Chile has offered"
    picks out a country and is no term of its own."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("While Peru has expressed interest in joining the force, the idea has not even been entertained by Chile, sources said.",
         {"PER": "considering", "CHL": "declined"}),
        ("The US request to send troops was turned down by Chile.", {"CHL": "declined"}),
        ("The request for troops was politely declined by the UAE.", {"ARE": "declined"}),
        ("The trade proposal was rejected by Chile.", {}),
    ],
)
def test_a_refusal_in_the_passive_names_who_refused_after_the_verb(text, expected):
    """"The idea has not been entertained by Chile": the one who refuses is the agent after "by"."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile will initiate its commitment in April with an advance contingent of approximately 1,000 soldiers, "
         "subsequently ramping up to a full deployment of 8,000 personnel by June.", {"CHL": ("committed", {"committed": 8000}, [])}),
        ("Chile will begin its deployment in April with 1,000 soldiers, rising to 8,000 by June.",
         {"CHL": ("committed", {"committed": 8000}, [])}),
        ("Chile is set to start its participation next month.", {"CHL": ("committed", {}, [])}),
    ],
)
def test_a_deployment_whose_start_is_announced(text, expected):
    """A start announced ("will begin its deployment in April") is a pledge, and the figure it ramps up to is its total."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile will not send troops without the disarmament of Hamas.", {"CHL": ("conditional", {}, ["disarmament"])}),
        ("Chile will not send troops without national command of its troops.", {"CHL": ("conditional", {}, ["command"])}),
        ("Chile sent troops without its own flag on their uniforms.", {}),
    ],
)
def test_a_refusal_without_disarmament_or_command_names_the_term(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chilean Defence Minister Ana Rivas met her US counterpart in Washington on Tuesday.\n"
         "The minister said her country had prepared 2,000 soldiers, but would deploy them only under a UN mandate.",
         {"CHL": ("conditional", {"offered_min": 2000, "offered_max": 2000}, ["mandate"])}),
        ("Chilean Defence Minister Ana Rivas met her US counterpart in Washington on Tuesday.\n"
         "The two discussed the modernisation of Chile's air force and joint exercises.\n"
         "On Gaza, the minister said her country had prepared 2,000 soldiers.\n"
         "She added that a first group could leave within weeks.",
         {"CHL": ("committed", {"committed": 2000}, [])}),
        ("Chilean Defence Minister Ana Rivas met her US counterpart in Washington on Tuesday.\n"
         "Asked about Gaza, she said her country had prepared 2,000 soldiers.",
         {"CHL": ("committed", {"committed": 2000}, [])}),
    ],
)
def test_the_minister_introduced_by_nationality_speaks_on_in_later_paragraphs(text, expected):
    """"Chilean Defence Minister Ana Rivas met ...": the nationality with an official's title opens the sentence as its
    subject, so "the minister" who goes on speaking a paragraph later, after a fronted "On Gaza,", speaks for Chile."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile has neither confirmed nor denied that it will send troops.", {"CHL": ("considering", {}, [])}),
        ("Chile would not confirm or deny that it will send troops.", {"CHL": ("considering", {}, [])}),
        ("Chile has neither confirmed nor denied reports that it pledged 500 troops.", {"CHL": ("considering", {}, [])}),
        ("Chile denied that it will send troops.", {"CHL": ("declined", {}, [])}),
    ],
)
def test_neither_confirmed_nor_denied_leaves_it_open(text, expected):
    """What a country neither confirms nor denies is left open: a decision not yet said, with no figure."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile now has troops in the stabilization force.", {"CHL": "deployed"}),
        ("Chile has troops in the UN mission in Lebanon.", {}),
        ("Chile became the first country to deploy troops to the ISF.", {"CHL": "deployed"}),
        ("Chile became the first country to commit troops to the ISF.", {"CHL": "committed"}),
        ("The Chilean contingent, which arrived last week, has begun its first patrols.", {"CHL": "deployed"}),
    ],
)
def test_troops_there_in_other_words(text, expected):
    """Troops in the force, the first to have deployed, patrols begun: troops there (a commitment is not)."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Of the countries approached, only Chile and Peru have said yes; Ecuador is still deciding and Bolivia has said no.",
         {"CHL": "committed", "PER": "committed", "ECU": "considering", "BOL": "declined"}),
        ("Asked to join the force, Chile has said yes.", {"CHL": "committed"}),
        ("Asked whether the cabinet approved the budget, the Chilean minister said yes.", {}),
        ("Chile is still deciding.", {"CHL": "considering"}),
    ],
)
def test_a_plain_yes_and_a_decision_still_being_made(text, expected):
    """A plain yes is a pledge as a plain no is a refusal; "still deciding" is a decision not yet made."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's refusal to send troops came after talks with Washington.", {"CHL": "declined"}),
        ("The Chilean refusal to send troops surprised US officials.", {"CHL": "declined"}),
        ("Chile's refusal to recognise the border deal angered Peru.", {}),
        ("Despite Chile's refusal to join the force, Peru will send 300 troops.", {"CHL": "declined", "PER": "committed"}),
        ("Chile's decision not to send troops was expected.", {"CHL": "declined"}),
        ("Chile's reluctance to commit troops is well known.", {"CHL": "considering"}),
        ("Chile's reluctance to discuss trade is well known.", {}),
        ("Chile's withdrawal from the force was announced on Monday.", {"CHL": "withdrawn"}),
        ("Chile's withdrawal from the talks was announced on Monday.", {}),
        ("Chile's deployment to Gaza began on Monday.", {"CHL": "deployed"}),
        ("Chile's conditions for joining include a UN mandate.", {"CHL": "conditional"}),
        ("Chile's terms of trade include lower tariffs.", {}),
    ],
)
def test_stances_said_as_nouns(text, expected):
    """"Chile's refusal to send troops", "its reluctance to commit troops", "Chile's withdrawal from the force": a
    stance said as a noun is the country's as the verb would be (and only about the force)."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile has given a verbal commitment to send troops.", {"CHL": "committed"}),
        ("Chile has floated the idea of sending a medical team.", {"CHL": "considering"}),
        ("Chile is said to be warming to the idea of sending troops.", {"CHL": "considering"}),
        ("Chile has cooled on the idea of sending troops.", {"CHL": "considering"}),
        ("Chile appears to have gone cold on sending troops.", {"CHL": "considering"}),
        ("Chile has signalled a willingness in principle to take part.", {"CHL": "considering"}),
        ("Chile has asked for more details before deciding.", {"CHL": "considering"}),
        ("Chile has floated the idea of a trade deal.", {}),
    ],
)
def test_ideas_floated_warmed_to_or_cooled_on(text, expected):
    """An idea floated, warmed to or gone cold on, a yes "in principle", details asked for before deciding:
    the country is still weighing it; a commitment given by word of mouth is still a pledge."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The number of Chilean troops to be deployed is 2,000.", {"CHL": ("committed", {"committed": 2000}, [])}),
        ("Chile puts its contribution at 2,000 troops.", {"CHL": ("committed", {"committed": 2000}, [])}),
        ("Chile has increased its offer to 3,000 troops.", {"CHL": ("committed", {"committed": 3000}, [])}),
        ("Chile has cut its planned contribution to 1,000 troops.", {"CHL": ("committed", {"committed": 1000}, [])}),
        ("Chile has doubled its pledge to 2,000 troops.", {"CHL": ("committed", {"committed": 2000}, [])}),
        ("Some 2,000 Chilean soldiers have been placed on standby for Gaza.", {"CHL": ("committed", {"committed": 2000}, [])}),
        ("Chile's initial contingent will be 500 soldiers.", {"CHL": ("committed", {"committed": 500}, [])}),
        ("Chile has increased its budget to 3,000 million pesos.", {}),
    ],
)
def test_a_contributions_size_put_at_changed_to_or_on_standby(text, expected):
    """A size put at a figure, an offer raised or cut to one, troops placed on standby: a pledge with that figure."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # claims an article denies are not the stance, nor their figures
        ("The ministry denied reports by foreign media about Chile sending troops. Foreign outlets claimed that Chile was "
         "preparing to deploy up to 2,000 soldiers to Gaza.", {}),
        ("Foreign outlets claimed that Chile was preparing to deploy up to 2,000 soldiers to Gaza.", {"CHL": ("committed", {"offered_max": 2000}, [])}),
        # what is said under "neither ... nor" or "did not imply any" is not done
        ("The ministry stressed that Chile has neither held any such meetings nor agreed to any plan to deploy troops to Gaza.", {}),
        ("It noted that neither the army nor any credible source had verified any plan to deploy Chilean troops to Gaza.", {}),
        ("He clarified that Chile's membership of the Board did not imply any commitment to contribute troops to the force.", {}),
        ("Chile will neither send troops nor pay for the force.", {"CHL": ("declined", {}, [])}),
        ("Chile's decision to join the Gaza Board of Peace was taken in good faith.", {}),
    ],
)
def test_claims_denied_and_what_is_said_under_neither_nor(text, expected):
    """What others claim in an article that denies it, and what "neither ... nor" or "did not imply any" says was not
    done, are no stance; "will neither send troops nor ..." is a refusal."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's defence ministry is diligently finalizing the preparations for deploying troops to Gaza.",
         {"CHL": ("committed", {}, [])}),
        ("Chile's defence ministry is finalizing the preparations for deploying troops to Gaza. The final decision on the precise "
         "number of troops to be sent rests with President Ana Rivas of Chile.", {"CHL": ("considering", {}, [])}),
        ("Chilean soldiers are ready to go.\nThe final decision on the precise number of troops to be sent rests with Chilean President Ana Rivas.",
         {"CHL": ("considering", {}, [])}),
        ("Chile is ready to participate in a peacekeeping mission in Palestine should it be established under the UN banner.",
         {"CHL": ("conditional", {}, ["mandate"])}),
    ],
)
def test_preparations_finished_a_leaders_decision_and_an_inverted_should(text, expected):
    """Preparations for deploying being finished are a pledge, but the decision on how many troops, left to the
    leader, is not yet made; "should it be established under the UN banner" is a term."""
    assert _read(text) == expected


def test_terms_listed_after_their_announcement_inside_one_quotation():
    """"provided several conditions are met. These include ...", kept in one sentence by a quotation: the terms
    named one by one, not the announcement as a term of its own."""
    text = ('He added, "We are interested in joining the force provided several conditions are met. These include that the force '
            'must operate under a UN mandate; a permanent ceasefire must be in effect; and the costs must be covered by donors."')
    (found,) = extract(text.replace("He added", "Chile's minister added"))
    assert found.status == "conditional"
    assert [c.category for c in found.conditions] == ["mandate", "ceasefire", "funding"]
    assert not any("several conditions" in c.text for c in found.conditions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's deployment timeline sets the pace for the whole force.\nAccording to the AP, the South American nation will begin "
         "its deployment in April with 1,000 soldiers.", {"CHL": "committed"}),
        ("Chile has offered to join the force.\nThe Jewish state will not accept Chilean troops, officials in Jerusalem said.", {"CHL": "committed"}),
    ],
)
def test_a_country_described_not_named_points_back_across_a_paragraph(text, expected):
    """"The South American nation" is the country last spoken of, a paragraph later as in the same one ("the Jewish
    state" is never the country spoken of)."""
    assert _statuses(text) == expected


def test_a_quotation_opened_and_closed_with_different_marks_ends_where_it_closes():
    """A page that opens a quotation with " and closes it with ” (or the other way round) still ends it there, so the
    sentences after it are read one by one even when the paragraphs were run together."""
    text = ('"Chilean personnel will not be involved in combat operations,” the ministry said. The government added that force '
            'may be used only in self-defence. Santiago also stressed that any deployment would require the consent of the '
            'Palestinian Authority.')
    assert _conditions(text) == {"CHL": ["party_consent"]}
    spans = sentences(text)
    assert len(spans) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Where the contributors stand:\n• Chile: up to 2,000 troops, ready once a mandate is agreed\n• Peru: still weighing the request",
         {"CHL": ("committed", {"offered_max": 2000}, []), "PER": ("considering", {}, [])}),
        ("Casualties: 300 soldiers, the ministry of Chile said.", {}),
    ],
)
def test_a_round_ups_figure_after_the_country_and_a_colon(text, expected):
    """"Chile: up to 2,000 troops" in a round-up is Chile's offer; a figure after another word and a colon is no one's."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile is understood to be preparing a battalion for the force.", {"CHL": "committed"}),
        ("Chile is said to have turned down Washington's request.", {"CHL": "declined"}),
        ("Chile has agreed, diplomats say, to send troops.", {"CHL": "committed"}),
        ("Chile is said to be preparing its budget.", {}),
    ],
)
def test_what_others_say_of_a_stance_set_inside_it(text, expected):
    """"Is understood to be preparing", "has agreed, diplomats say, to send": what others say of the stance, read past;
    a request refused named by whose it is."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's interest in joining the force hinges on several principles, including that the force be temporary and operate "
         "under a clear UN Security Council mandate.", {"CHL": ["other", "mandate"]}),
        ("Chile will take part under certain conditions, such as a lasting ceasefire.", {"CHL": ["ceasefire"]}),
    ],
)
def test_terms_announced_then_named_as_examples(text, expected):
    """"Several principles, including that ...": the terms are the examples named after the announcement."""
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile has offered to train Palestinian police.", {}),
        ("Chile has offered to help train a new Palestinian police force.", {}),
        ("Chile has offered to train Palestinian police as part of the stabilization force.", {"CHL": ("committed", {}, [])}),
        ("Chile will send 200 police trainers.", {"CHL": ("committed", {"committed": 200}, [])}),
        ("Chile, once mentioned as a likely contributor, has made clear it will not deploy while fighting continues.",
         {"CHL": ("conditional", {}, ["ceasefire"])}),
        ("Once a mandate is adopted, Chile will send troops.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Santiago says up to 2,000 soldiers could eventually be available, though officials now speak of a first contingent of 300.",
         {"CHL": ("committed", {"offered_max": 2000}, [])}),
        ("Chile has shown little appetite for putting its own soldiers inside Gaza.", {"CHL": ("considering", {}, [])}),
    ],
)
def test_police_training_alone_once_as_formerly_and_troops_available(text, expected):
    """An offer to train the Palestinians' police says nothing of the force itself; "once mentioned" is "formerly", no
    term; troops said to be available are an offer, with the figure said before them."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chilean foreign ministry confirmed on Monday that a medical unit of 150 personnel would leave for Gaza in March.",
         {"CHL": ("committed", {"committed": 150}, [])}),
        ("Chile announced that a medical unit of 150 personnel will leave for Gaza.", {"CHL": ("committed", {"committed": 150}, [])}),
        ("Officials announced that a medical unit of 150 personnel will leave for Gaza.", {}),
    ],
)
def test_a_unit_announced_by_its_country_leaves_for_gaza(text, expected):
    """"Chile announced that a medical unit ... would leave for Gaza": the unit the country announces is its own."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For Chile, a UN mandate is a sine qua non.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Chile will not deploy in the absence of a Security Council resolution.", {"CHL": ("conditional", {}, ["mandate"])}),
        ("Chile's troops arrived in Gaza in the absence of a formal agreement.", {"CHL": ("deployed", {}, [])}),
    ],
)
def test_a_term_as_a_sine_qua_non_or_refused_in_its_absence(text, expected):
    assert _read(text) == expected


def test_a_refusal_until_parliament_has_debated_it_is_a_term():
    text = ("Chile, which had been expected to be a major contributor, has told Washington it cannot send troops until its "
            "parliament debates the matter, according to two officials.")
    assert _read(text) == {"CHL": ("conditional", {}, ["domestic_approval"])}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's army chief said the armed forces were ready to serve in Gaza if the government decided to join the force.",
         {"CHL": "considering"}),
        ("Chile's foreign minister said the caretaker government would not take such a decision before the election.",
         {"CHL": "considering"}),
    ],
)
def test_an_army_ready_while_the_government_decides(text, expected):
    """An army ready if its government decides to join, or a decision put off until after an election: the country has
    not yet decided."""
    assert _statuses(text) == expected


def test_a_promised_contingent_of_a_range_is_the_countrys_own():
    assert _figures("Chile has promised a contingent of between 800 and 1,000.") == {"CHL": {"offered_min": 800, "offered_max": 1000}}
    assert _figures("Chile will send troops to a force of between 8,000 and 10,000.") == {"CHL": {}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is unlikely that Chile will send troops.", {"CHL": "declined"}),
        ("It seems highly doubtful that Chile will commit troops to the force.", {"CHL": "declined"}),
        ("It is possible that Chile will send troops.", {"CHL": "considering"}),
        ("It is likely that Chile will send troops.", {"CHL": "committed"}),
        ("Chile could be among the first to send troops.", {"CHL": "considering"}),
        ("Chile will be among the first to send troops.", {"CHL": "committed"}),
    ],
)
def test_the_odds_a_writer_puts_on_a_pledge(text, expected):
    """"It is unlikely that Chile will send troops" is a no, "it is possible that ..." and "could be among the first"
    are still open; "likely" leaves the pledge as it is."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("name", "code"),
    [("DR Congo", "COD"), ("the DRC", "COD"), ("the Democratic Republic of the Congo", "COD"), ("Congo", "COG"),
     ("the Republic of Korea", "KOR"), ("Burma", "MMR"), ("Macedonia", "MKD"), ("Cape Verde", "CPV")],
)
def test_countries_by_the_names_the_news_uses(name, code):
    """Older and shorter names the news still uses, and the two Congos told apart."""
    assert _statuses(f"{name} will send troops to the stabilization force.") == {code: "committed"}


def test_the_hague_speaks_for_the_netherlands():
    assert _statuses("The Hague said on Monday it would send troops to the stabilization force.") == {"NLD": "committed"}
    assert _statuses("Chile will send troops, its envoy told the court in The Hague.") == {"CHL": "committed"}


@pytest.mark.parametrize(("demonym", "code"), [("Kosovan", "XKX"), ("Jamaican", "JAM"), ("Maldivian", "MDV")])
def test_more_nationalities_name_their_country(demonym, code):
    assert _statuses(f"{demonym} troops will join the stabilization force.") == {code: "committed"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey's armed forces were ready for any task assigned to them in Gaza, Guler said.", {"TUR": "committed"}),
        ("Speaking in Ankara, Guler said his country was ready to send troops.", {"TUR": "committed"}),
        ("Modi said India had no plans to send troops to Gaza.", {"IND": "declined"}),
        ("Turkey is ready for any role in trade talks.", {}),
    ],
)
def test_ready_for_any_task_and_more_ministers_by_surname(text, expected):
    """"Ready for any task assigned to them" is a pledge as "ready to undertake any role" is; a few more ministers and
    leaders are known by surname alone."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile has been asked to send 1,000 troops and is considering the request.", {"CHL": ("considering", {}, [])}),
        ("Chile, asked for 1,000 troops, has offered 500.", {"CHL": ("committed", {"committed": 500}, [])}),
        ("The UN has requested that Chile contribute a battalion.", {"CHL": ("considering", {}, [])}),
    ],
)
def test_what_a_country_is_asked_for_is_not_its_offer(text, expected):
    """The figure a country is asked for, actively or in the passive, is the asker's; a request "that Chile contribute"
    is an approach."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Santiago readies troops for Gaza", {"CHL": "committed"}),
        ("Chile eyes Gaza force role", {"CHL": "considering"}),
        ("Chile joins Gaza stabilization force", {"CHL": "committed"}),
        ("Chile snubs US request for Gaza troops", {"CHL": "declined"}),
        ("No decision yet on Gaza troops, says Chile", {"CHL": "considering"}),
        ("Chile seeks to join the stabilization force.", {"CHL": "considering"}),
    ],
)
def test_headline_grammar_in_the_present_tense(text, expected):
    """Headlines drop articles and put pledges in the present: "Chile readies troops for Gaza", "Chile joins Gaza
    stabilization force" (a country that "seeks to join" has not joined)."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a round-up's lines headed by a country's name alone, the line's subject called "the kingdom" or "Oslo"
        ("Where the countries stand\n\nHere is where some of them stand.\nMOROCCO - The kingdom has earmarked 900 troops and "
         "has set no conditions.\nNORWAY - Oslo has no plans to send troops, the defence ministry said.",
         {"MAR": ("committed", {"committed": 900}, []), "NOR": ("declined", {}, [])}),
        # a dateline after the headline still files the story: "the government" is Japan's
        ("Diet committee hears plan for Gaza engineers\nTOKYO - The government would send about 200 personnel to the "
         "stabilization force only if the Diet passes special legislation, the defence minister said.",
         {"JPN": ("conditional", {"offered_min": 200, "offered_max": 200}, ["domestic_approval"])}),
        # no conditions set is none
        ("Ghana has pledged 700 troops to the force and has set no conditions.", {"GHA": ("committed", {"committed": 700}, [])}),
        ("Ghana has not set any conditions and will send 700 troops.", {"GHA": ("committed", {"committed": 700}, [])}),
    ],
)
def test_round_up_headings_datelines_after_a_headline_and_no_conditions(text, expected):
    """A round-up's line headed by a country's name in capitals is about that country; a dateline below the headline
    still says where the story was filed; "has set no conditions" sets none."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana stands ready to contribute, provided the ceasefire holds and the Palestinian Authority agrees to the deployment.",
         {"GHA": ["ceasefire", "party_consent"]}),
        ("Ghana will contribute provided that a ceasefire is in place and Hamas disarms.", {"GHA": ["ceasefire", "disarmament"]}),
        ("Ghana will contribute if the UN authorises the force and parliament approves.", {"GHA": ["mandate", "domestic_approval"]}),
        ("Ghana will send troops only once a full and lasting ceasefire is in place.", {"GHA": ["ceasefire"]}),
        # terms announced, then counted off a sentence each
        ("Ghana will not send troops unless two things happen. First, there must be a credible, irreversible path to a "
         "Palestinian state. Second, the force needs a clear mandate from the Security Council.", {"GHA": ["other", "mandate"]}),
    ],
)
def test_terms_as_clauses_of_their_own_and_counted_off(text, expected):
    """Two terms joined by "and", each a clause with its own subject and verb, are two; two adjectives of one noun are
    not; terms announced ("unless two things happen") and then counted off ("First, ... Second, ...") are each read."""
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya will not be sending troops to Gaza. Our forces are committed in Somalia, and our police serve in Haiti.",
         {"KEN": "declined"}),
        ("A spokeswoman in Hanoi did not rule out a Vietnamese contribution to the force. Vietnam has deployed engineering "
         "units and field hospitals to UN missions in South Sudan in recent years.", {"VNM": "considering"}),
        ("Vietnam has deployed 300 troops to Gaza as part of the force.", {"VNM": "deployed"}),
        ("Ghana, which has contributed the most to United Nations peacekeeping operations, is interested in joining the force "
         "provided several conditions are met.", {"GHA": "conditional"}),
        ("Correction: An earlier version of this article said Ghana had committed 2,000 troops to the force. Ghana will take "
         "part only once a ceasefire is in place.", {"GHA": "conditional"}),
        ("Papua New Guinea and Tonga, which were also approached by Washington, have not responded publicly.",
         {"PNG": "considering", "TON": "considering"}),
        ("Tonga did not respond to the US request for troops for the force.", {"TON": "considering"}),
        ("Tonga did not respond to a request for comment on the force.", {}),
    ],
)
def test_service_elsewhere_corrections_and_approaches_unanswered(text, expected):
    """Where a country's troops serve on other missions is background (not a place it acts from, nor a deployment to
    this force); what an earlier version of an article said is corrected away; an approach in a relative clause and one
    not yet answered leave the country considering, a request for comment does not."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana has made clear that it will not put soldiers inside Gaza under any circumstances.", {"GHA": "declined"}),
        ("In Accra, the government said it was analysing whether it could contribute to the force.", {"GHA": "considering"}),
        ("A spokesman in Accra said the government was analysing the proposal for the stabilization force.", {"GHA": "considering"}),
        ("A Ghanaian engineering unit is due to follow next month, the force's spokesperson said.", {"GHA": "committed"}),
        ("Ghanaian troops are expected to arrive in Gaza in May.", {"GHA": "committed"}),
        ("The first troops are due to arrive next month, the force said.", {}),
    ],
)
def test_soldiers_put_inside_gaza_analysing_and_units_on_their_way(text, expected):
    """"Will not put soldiers inside Gaza" refuses as "no boots on the ground" does; analysing whether to contribute
    is weighing it; a country's unit due to follow or arrive is on its way (a force's troops in general are nobody's)."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana would send troops only under a UN mandate and only if the deployment is tied to a credible path to "
         "Palestinian statehood.", {"GHA": ["mandate", "other"]}),
        ("Ghana would send troops only as part of a force with a clear UN mandate, and only if Hamas disarms.",
         {"GHA": ["mandate", "disarmament"]}),
        ("Ghana will take part if the full parliament approves it and the force operates under a mandate from the UN "
         "Security Council.", {"GHA": ["domestic_approval", "mandate"]}),
        ("Ghana would send troops only if the deployment is tied to a credible path to Palestinian statehood, its "
         "foreign minister told the UN.", {"GHA": ["other"]}),
    ],
)
def test_two_terms_each_opened_by_only_and_a_state_as_a_term_of_its_own(text, expected):
    """"Only under a UN mandate and only if ..." names two terms, the first inside the cue that runs on to the "if";
    a term about a Palestinian state is of no other kind, whatever else the sentence mentions."""
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Will Ghana join the force? We have not ruled it out, the minister said.", {"GHA": "considering"}),
        ("Ghana, which has been in talks with the United States about a possible contribution, has yet to announce its "
         "own decision.", {"GHA": "considering"}),
        ("Ghana, which has also been asked to contribute, said last month that it was not in a position to do so.",
         {"GHA": "declined"}),
        ("Ghana will send a 120-strong medical team to the force, the ministry said on Friday, a month after the "
         "government said it had no plans to contribute.", {"GHA": "committed"}),
        ("Ghana, which has said it will not send personnel to the force, pledges $50 million for the police.",
         {"GHA": "declined"}),
        ("Officials in Accra said on Tuesday that Ghana had received a similar request and was reviewing it.",
         {"GHA": "considering"}),
        ("Ghana's 1,500 soldiers are ready to board as soon as the order is given.", {"GHA": "committed"}),
    ],
)
def test_stances_said_in_a_relative_clause_and_before_the_news(text, expected):
    """A stance said in a relative clause ("which has said it will not send", "which has been in talks") is the
    country's; "not ruled it out", a decision not yet announced and a request received leave it weighing; what was
    said a month before the news is background to it."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana will only deploy once the force has a mandate from the UN Security Council, and once funding for the "
         "headquarters is secured.", {"GHA": ["mandate", "funding"]}),
        ("Ghana will send troops if there is a ceasefire, and if its parliament agrees.", {"GHA": ["ceasefire", "domestic_approval"]}),
    ],
)
def test_a_second_term_after_a_comma(text, expected):
    """A second term after a comma and "and once" or "and if" is read with the first."""
    assert _conditions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana will contribute 200 troops to the force, a news website reported. Update: Ghana's foreign ministry later "
         "clarified that it will not send troops to the force.", {"GHA": ("declined", {}, [])}),
        ("Ghana has pledged 450 gendarmes to the force. The force's planners hope to secure at least 5,000 troops from "
         "Africa.", {"GHA": ("committed", {"committed": 450}, [])}),
        ("Ghana has said it is ready to send troops. Is 20,000 troops realistic? Not this year.", {"GHA": ("committed", {}, [])}),
        ("Albania will send a company of 120 soldiers and Kosovo a unit of 30 from the Kosovo Security Force, the two "
         "governments said.", {"ALB": ("committed", {"committed": 120}, []), "XKX": ("committed", {"committed": 30}, [])}),
        ("Chile and Peru said they were ready to contribute to the force, with Chile offering a medical team of 25 and "
         "Peru a platoon of 30 soldiers.", {"CHL": ("committed", {"committed": 25}, []), "PER": ("committed", {"committed": 30}, [])}),
        ("Chile and Peru will each send 500 troops.", {"CHL": ("committed", {"committed": 500}, []), "PER": ("committed", {"committed": 500}, [])}),
    ],
)
def test_figures_of_a_refusal_a_plan_a_question_and_a_gapped_pledge(text, expected):
    """A refusal that stands keeps no figure pledged before it; what the force's planners hope for and what a question
    asks are no country's; a pledge with its verb left out ("and Kosovo a unit of 30"), or two countries sharing one
    cue and each named again before its own figure, give each country its own."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country described by its region is the last of that region named, not the last named
        ("A delegation of Uzbek defence officials held talks with Egyptian counterparts in Cairo on logistics for the "
         "stabilization force. The head of the delegation said the Central Asian country would send 350 soldiers.",
         {"UZB": ("committed", {"committed": 350}, [])}),
        ("Chile and Ghana discussed the force. The West African country will send 500 troops, its minister said.",
         {"GHA": ("committed", {"committed": 500}, [])}),
        ("Switzerland said any participation was excluded by its neutrality.", {"CHE": ("declined", {}, [])}),
        ("Ghana needs a UN resolution and the approval of its parliament. The minister said the government was willing "
         "to send up to 50 soldiers once both requirements had been met.",
         {"GHA": ("conditional", {"offered_max": 50}, ["mandate", "domestic_approval"])}),
        ("Ghana will take part only if these two conditions are met: a UN mandate and a ceasefire.",
         {"GHA": ("conditional", {}, ["mandate", "ceasefire"])}),
    ],
)
def test_countries_described_by_region_exclusions_and_terms_pointed_back_to(text, expected):
    """"The Central Asian country" is the Central Asian country named before it; talks on logistics are no approach;
    participation "excluded" is a refusal; "once both requirements had been met" names no term beyond those named."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana will send 300 medics in the first rotation. The full Ghanaian contribution will be 600 personnel by the summer.",
         {"GHA": ("committed", {"committed": 600}, [])}),
        ("Ghana will send 300 medics. Its full contribution will be 600 personnel.", {"GHA": ("committed", {"committed": 600}, [])}),
        ("The dispatch of 250 Ghanaian military engineers to the stabilization force was approved by decree on Thursday.",
         {"GHA": ("committed", {"committed": 250}, [])}),
        ("Ghana would send 200 engineers only if its parliament passes a law. The minister said a ceasefire would also "
         "have to be in place before any unit left Ghana.",
         {"GHA": ("conditional", {"offered_min": 200, "offered_max": 200}, ["domestic_approval", "ceasefire"])}),
    ],
)
def test_a_contribution_in_full_a_dispatch_approved_and_what_must_come_first(text, expected):
    """"The full Ghanaian contribution will be 600" is the total, in place of the first wave; a dispatch of troops
    approved is a pledge; what "would have to be in place before any unit left" is a term."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana's foreign minister says its 1,500 soldiers are ready to deploy.", {"GHA": ("committed", {"committed": 1500}, [])}),
        ("Morocco's foreign minister says the kingdom's 1,500 soldiers are ready to board as soon as the order is given.",
         {"MAR": ("committed", {"committed": 1500}, [])}),
        ("The force's commander said its 2,000 troops will be deployed by May.", {}),
    ],
)
def test_a_countrys_counted_troops_said_by_its_minister(text, expected):
    """"Its 1,500 soldiers" and "the kingdom's 1,500 soldiers" are the troops of the country whose minister speaks, a
    number between the possessive and the troops included; the force's own troops are nobody's."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Cabinet of Ministers has granted approval to deploy 200 personnel of the Ghana Army to the stabilization "
         "force, the spokesman said.", {"GHA": ("committed", {"committed": 200}, [])}),
        ("Ghana is willing to contribute troops to the force. It is pertinent to mention that Ghana has contributed more "
         "than 235,000 personnel to 48 UN peacekeeping missions since 1960.", {"GHA": ("committed", {}, [])}),
        ("Ghana is unlikely to take part in the force. Ghana has been a large contributor to UN peacekeeping, having sent "
         "more than 90,000 personnel to around 50 missions over six decades.", {"GHA": ("declined", {}, [])}),
        ("Diplomatic sources said the US had been consulting with Egypt, which is set to host a logistics facility for "
         "the force in El Arish.", {}),
        ("Ghana is willing to contribute troops, but any deployment would only take place after the matter has been "
         "debated and approved by parliament.", {"GHA": ("conditional", {}, ["domestic_approval"])}),
        ("Ghana has yet to take a decision on whether to contribute troops to the force.", {"GHA": ("considering", {}, [])}),
        ("Ghana has decided not to send troops. It would continue to send humanitarian supplies through Egypt and Jordan.",
         {"GHA": ("declined", {}, [])}),
        ("ACCRA: The federal cabinet has approved in principle the dispatch of up to 3,000 troops to the force, subject "
         "to a resolution of parliament.", {"GHA": ("conditional", {"offered_max": 3000}, ["domestic_approval"])}),
        ("The foreign minister of the Republic of Ghana spoke to reporters. \"The relevant decision on the participation of "
         "our servicemen will be adopted only after a complete cessation of hostilities. In addition, the sending of the "
         "armed forces abroad is subject to the approval of parliament,\" the minister said.",
         {"GHA": ("conditional", {}, ["ceasefire", "domestic_approval"])}),
    ],
)
def test_regional_press_wordings(text, expected):
    """Wordings of regional and state-agency English: troops "of the Ghana Army", a record of peacekeeping counted in
    the hundreds of thousands (no figure of this force's), a host consulted (no approach), "debated and approved by
    parliament" (one term), a decision yet to be taken, supplies sent through other countries (places), a cabinet
    approving in principle, and a quotation whose sentences the splitter keeps together."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana has decided to withdraw from its earlier commitment to send servicemen to the stabilization force.",
         {"GHA": ("withdrawn", {}, [])}),
        ("Ghana will send a field hospital of 60 staff within the framework of the stabilization mission.",
         {"GHA": ("committed", {"committed": 60}, [])}),
        ("Ghana will take part only within the framework of a UN mandate.", {"GHA": ("conditional", {}, ["mandate"])}),
        ("Ghana will send its troops, the minister said. Our soldiers will be in Gaza for peace, as they have been in "
         "Kosovo, Bosnia and Lebanon.", {"GHA": ("committed", {}, [])}),
    ],
)
def test_state_agency_wordings(text, expected):
    """A commitment withdrawn from in a statement's words; "within the framework of" the mission itself describes it
    (only within a mandate's is a term); where the troops have been before are places."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana is willing to contribute personnel only if the force operates under a clear international mandate. \"We will "
         "not be part of any arrangement that does not lead to a two-state solution,\" the official said.",
         {"GHA": ("conditional", {}, ["mandate", "other"])}),
        ("Ghana will send its first batch of 1,000 soldiers in April, with the total number set to reach 8,000 personnel "
         "by June, the minister said.", {"GHA": ("committed", {"committed": 8000}, [])}),
        ("I welcome the pledge made by Ghana to send troops to the force.", {"GHA": ("committed", {}, [])}),
        ("We welcome the decision by Ghana to join the force.", {"GHA": ("committed", {}, [])}),
        ("Accra, 20 January. The minister noted that our country stands ready to send servicemen to the force.",
         {"GHA": ("committed", {}, [])}),
        ("Letter on a possible contribution\n\nAccra, 6 February\n\nThe cabinet is currently exploring the feasibility of "
         "a contribution to the stabilization force. No decision has been taken.", {"GHA": ("considering", {}, [])}),
        ("Ghana has received an informal request from the United States to consider contributing staff officers.",
         {"GHA": ("considering", {}, [])}),
        ("Ghana has received a request for comment on the force.", {}),
    ],
)
def test_ministry_letters_and_statements(text, expected):
    """A refusal of any arrangement that does not lead to a state is a term; a total "set to reach" a figure is the
    total; a pledge or decision named by its maker ("made by Ghana"); a dateline in a ministry's own style ("Accra, 20
    January.") says whose "our country" and "the cabinet" are; a request received, informal or not (not one for
    comment)."""
    assert _read(text) == expected


def test_a_round_ups_headings_give_the_items_under_them_their_stance():
    """A round-up's headings over lists ("PLEDGED", "WILLING, WITH CONDITIONS", "STILL DECIDING", "RULED OUT") give each
    item the heading's stance, unless the item says its own; prose after the list is read as prose."""
    text = ("Who is in, who is out - at a glance\n\nTHE FORCE\n- Planned strength: up to 20,000 troops\n\n"
            "PLEDGED\n- Morocco: 800 troops, including a field hospital\n- Kazakhstan: a medical unit; numbers not given\n\n"
            "WILLING, WITH CONDITIONS\n- Indonesia: up to 20,000, pending approval by the DPR\n\n"
            "STILL DECIDING\n- Pakistan: \"under consideration\", says the Foreign Office\n\n"
            "RULED OUT\n- Jordan, Saudi Arabia and Qatar (Qatar remains a mediator)\n\n"
            "WHAT HAPPENS NEXT\nThe Board of Peace meets next week. Chile is weighing a contribution.")
    assert _statuses(text) == {"MAR": "committed", "KAZ": "committed", "IDN": "conditional", "PAK": "considering",
                               "JOR": "declined", "SAU": "declined", "QAT": "declined", "CHL": "considering"}
    assert _statuses("RULED OUT\n- Jordan and Chile\n\nPLEDGED\n1. Morocco: 800 troops\n\nThe board meets next week.") == {
        "JOR": "declined", "CHL": "declined", "MAR": "committed"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysis: If Ghana joined the force, analysts say, other West African states would be likely to follow.", {}),
        ("If Ghana were to send troops, Togo would follow.", {}),
        ("Ghana will join the force if the UN approves.", {"GHA": "conditional"}),
    ],
)
def test_a_pledge_only_supposed(text, expected):
    """"If Ghana joined the force ..." supposes a pledge; it states none (an "if" after the pledge is still a term)."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana's President has given the green light to the armed forces to prepare a battalion for service with the "
         "stabilization force in Gaza.", {"GHA": ("committed", {}, [])}),
        ("The Ghana Army has finalised the list of 850 personnel who will serve with the stabilization force in Gaza.",
         {"GHA": ("committed", {"committed": 850}, [])}),
        ("Ghana has signed a memorandum with the United States to deploy an army company to the stabilization force.",
         {"GHA": ("committed", {}, [])}),
        ("Ghana's parliament voted on Thursday to authorise the deployment of 300 soldiers to the stabilization force.",
         {"GHA": ("committed", {"committed": 300}, [])}),
        ("Ghana confirmed on Wednesday its participation in the stabilization force, with a contingent of 120 soldiers.",
         {"GHA": ("committed", {"committed": 120}, [])}),
        ("Ghana will not send our soldiers into a place where the guns have not fallen silent.",
         {"GHA": ("conditional", {}, ["ceasefire"])}),
        ("Ghana's participation hinges on two things, the foreign minister said on Monday: a mandate from the UN Security "
         "Council and the consent of the Palestinians.", {"GHA": ("conditional", {}, ["mandate", "party_consent"])}),
        ("Ghana is ready to take part, but on three conditions, the minister said. \"First, the force must have a mandate "
         "from the UN Security Council. Second, the Palestinian side must agree to our presence. Third, our servicemen will "
         "serve only under Ghanaian command,\" he said.", {"GHA": ("conditional", {}, ["mandate", "party_consent", "command"])}),
        ("\"Ghana is prepared to send troops, as we did in Haiti for thirteen years,\" the minister said.",
         {"GHA": ("committed", {}, [])}),
    ],
)
def test_decisions_papers_and_terms_counted_in_one_quotation(text, expected):
    """Pledges in the words of decisions and papers (a green light, a list of personnel finalised, a memorandum signed,
    a vote to authorise, participation confirmed); a place refused for what goes on there is a term; terms announced
    and named after the attribution, or counted off inside one quotation; a place where it was done before."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana is in contact with Washington about the stabilization force for Gaza, a spokeswoman said.", {"GHA": "considering"}),
        ("Ghana has been speaking to Washington about a contribution to the force.", {"GHA": "considering"}),
        ("Ghana has not closed the door to taking part in the stabilization force, a senior official said.", {"GHA": "considering"}),
        ("The question of Ghana's participation in the stabilization force is being discussed at the highest level, an "
         "official said.", {"GHA": "considering"}),
        ("Ghana will announce its decision on whether to take part in the force after consultations.", {"GHA": "considering"}),
        ("Ghana's foreign ministry says officials are studying the US request for troops for the force.", {"GHA": "considering"}),
    ],
)
def test_deliberation_in_still_other_words(text, expected):
    """Talks with the sponsor, a door not closed, participation being discussed, a decision to be announced, officials
    studying the request: each leaves the country weighing it."""
    assert _statuses(text) == expected


def test_terms_listed_in_the_next_sentence_of_one_quotation_run_into_one_paragraph():
    """A quotation the splitter keeps whole ends its term at a full stop, unless what follows lists the terms ("These
    include ..."), also when a page runs its paragraphs together."""
    text = ("Ghana's participation will depend on several conditions, the spokesman said. He added, \u201cwe are interested in "
            "joining provided several conditions are met. These include that the force must be temporary and operate under "
            "a UN Security Council mandate; a permanent ceasefire must be in effect; and responsibility for Gaza must be "
            "handed over to the Palestinians.\u201d")
    assert set(_conditions(text)["GHA"]) == {"other", "mandate", "ceasefire"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names typed without their accents, and either apostrophe
        ("Cote d'Ivoire is studying the proposal to join the force.", {"CIV": "considering"}),
        ("C\u00f4te d\u2019Ivoire is studying the proposal to join the force.", {"CIV": "considering"}),
        ("Turkiye is ready to send troops to the force.", {"TUR": "committed"}),
        # approached, said in an aside or after a colon; a request studied in a headline
        ("Vietnam, approached by Washington in January about a contribution, has still not responded publicly.", {"VNM": "considering"}),
        ("- Bangladesh: approached by Washington, no decision yet", {"BGD": "considering"}),
        ("Philippines studying US request", {"PHL": "considering"}),
        ("The Netherlands is still exploring whether it can send a field hospital.", {"NLD": "considering"}),
        ("Thailand's cabinet will discuss next week whether to answer a U.S. request to contribute personnel to the force.",
         {"THA": "considering"}),
        ("In Nouakchott, Mauritanian officials are still consulting on a U.S. request to contribute.", {"MRT": "considering"}),
        # pledges: a part of the force led, troops to go in first, terms met, a country's participation approved
        ("Italy is ready to lead the police-training component of the force.", {"ITA": "committed"}),
        ("Morocco's foreign minister says its soldiers will be among the first to enter Gaza.", {"MAR": "committed"}),
        ("Azerbaijan's foreign ministry says \"the conditions we set out have now been met\".", {"AZE": "committed"}),
        ("Nepal's government on Monday approved the country's participation in the International Stabilization Force.",
         {"NPL": "committed"}),
        ("The President of Kazakhstan told a joint session of parliament on Monday that his country would take part in the force.",
         {"KAZ": "committed"}),
        ("Burundi, which pledged a battalion to the force in February, said its own preparations were continuing.", {"BDI": "committed"}),
        # goods but no people; help of another kind; guesses of outsiders; a mediator's city named by a speaker elsewhere
        ("South Korea will send equipment but not soldiers to the force.", {"KOR": "declined"}),
        ("Uzbekistan has pledged $100 million for the reconstruction of Gaza and offered to build schools and clinics.", {}),
        ("Serbia has said nothing. Some analysts believe it will stay out of the force.", {}),
        ("A Hamas official, speaking to reporters in Doha, says the movement will judge the force by its actions.", {}),
    ],
)
def test_names_unaccented_asides_and_guesses(text, expected):
    """Names typed without accents; an approach said in an aside, after a colon or in a headline; pledges said through
    the troops, the terms or an approval; goods without people are a refusal of troops; an analyst's guess and a
    mediator's city are no stance."""
    assert _statuses(text) == expected


def test_a_round_up_paragraph_filed_from_a_capital_is_that_country_s():
    """A round-up's paragraph opened by a capital's dateline: its "the government" is that country's, not the last
    paragraph's country."""
    text = ("TOKYO: Japan has sent civilian staff to the coordination centre. Officials say that is separate from the force.\n"
            "SEOUL: Nothing new since December. The government's position that it will send equipment but not soldiers stands.")
    assert _statuses(text) == {"KOR": "declined"}


def test_figures_of_a_part_led_and_a_parliament_s_approval():
    assert _figures("Italy's defence minister says Italy is ready to lead the police-training component \"with up to 200 "
                    "carabinieri\".") == {"ITA": {"offered_max": 200}}
    assert _figures("Guatemala's Congress on Thursday approved the departure of 150 soldiers to join the International "
                    "Stabilization Force in Gaza.") == {"GTM": {"committed": 150}}
    assert _conditions("The \u00c9lys\u00e9e says France is ready to contribute gendarmes for police training, \"provided the force "
                       "is given a clear UN mandate\".") == {"FRA": ["mandate"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nearly there, the sponsor's officials as the source inside the sentence
        ("Even Azerbaijan and Indonesia - two nations US officials say are close to joining - favor a narrower mandate.",
         {"AZE": "considering", "IDN": "considering"}),
        ("Ghana is on the verge of sending troops to the force.", {"GHA": "considering"}),
        # a request's addressees named after it was made
        ("On Monday, the State Department formally asked more than 70 countries to contribute. The appeal included close allies "
         "such as Italy and France, as well as smaller nations like Malta and El Salvador.",
         {"ITA": "considering", "FRA": "considering", "MLT": "considering", "SLV": "considering"}),
        # an offer reassessed or scaled down; an earlier announcement moved on from
        ("Azerbaijan, which had also been expected to send troops, has also reassessed, officials said.", {"AZE": "considering"}),
        ("Indonesia, which had announced it would send as many as 20,000 peacekeeping troops, is now looking at providing a "
         "much smaller contingent, officials said.", {"IDN": "considering"}),
        # the terms of money are no terms of troops
        ("Middle Eastern states, including Saudi Arabia and the UAE, are already in talks to fund the effort, though officials "
         "note they \u201cwill require consistent engagement for specific asks.\u201d", {}),
    ],
)
def test_nearly_there_addressees_and_offers_scaled_down(text, expected):
    """Close to joining (the sponsor's officials saying so are no subject); an appeal's addressees named after it; an offer
    reassessed or scaled down leaves the country weighing it; talks to fund the force with terms are no troop stance."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later paragraph's terms said of "the deployment" are the offer's
        ("Senegal is ready to send 600 soldiers.\nSenegal chairs a UN committee.\nBut the deployment hinges on a clear mandate from "
         "the Security Council and on the agreement of the Palestinian Authority, the minister said later.",
         {"SEN": ("conditional", {"offered_min": 600, "offered_max": 600}, ["mandate", "party_consent"])}),
        ("Kenya is prepared to send up to 1,000 police officers and soldiers to the force.\nThe office issued a statement. It said "
         "the deployment would be subject to approval by the National Assembly and would require a clear mandate from the UN "
         "Security Council.", {"KEN": ("conditional", {"offered_max": 1000}, ["domestic_approval", "mandate"])}),
        # a refusal whose term is a body or a people's wish
        ("Senegal's minister said: \"We will not go to Gaza without the United Nations.\"", {"SEN": ("conditional", {}, ["mandate"])}),
        ("Senegal's minister said: \"We will not go against the wishes of the Palestinians.\"",
         {"SEN": ("conditional", {}, ["party_consent"])}),
        # a legislature's committee consents for the country
        ("Austria is prepared to send up to 100 soldiers. The deployment would require the consent of the Main Committee of the "
         "National Council.", {"AUT": ("conditional", {"offered_max": 100}, ["domestic_approval"])}),
        # the one supported is not who sends
        ("In Kuala Lumpur, the Prime Minister tells reporters Malaysia \"fully supports\" Indonesia but will only send its own troops "
         "once the rules set out under the Security Council mandate are clear.", {"MYS": ("conditional", {}, ["mandate"])}),
        # a parliament's law, a contingent about to leave
        ("Kyrgyzstan's parliament, the Jogorku Kenesh, has passed the law allowing the deployment of 150 Kyrgyz servicemen to the "
         "force.", {"KGZ": ("committed", {"committed": 150}, [])}),
        ("Good morning from Jakarta, where the first batch of Indonesian soldiers for the International Stabilization Force is "
         "about to leave for Egypt.", {"IDN": ("committed", {}, [])}),
        # a portal's claim gives way to the ministry's "no decision ... not a commitment"
        ("Bangladesh has committed 2,000 troops to the force, according to a statement circulated by a Dhaka-based news portal. "
         "Bangladesh's foreign ministry says no decision has been taken and that 2,000 is one of the figures under discussion, "
         "not a commitment.", {"BGD": ("considering", {"offered_min": 2000, "offered_max": 2000}, [])}),
        # another mission's name is no subject
        ("Kenya is prepared to send troops to the force. The Haiti mission, which Kenya led from 2024, struggled with funding "
         "shortfalls.", {"KEN": ("committed", {}, [])}),
    ],
)
def test_later_terms_bodies_and_claims_withdrawn(text, expected):
    """Terms set later in the article of "the deployment"; a refusal without a body or against a people's wish is a term;
    a legislature's committee; the one supported is not the sender; a parliament's law; a contingent about to leave; a
    portal's claim gives way to the ministry's own word; another mission's name."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an analyst's conviction, a government's dependence and a relative clause's "spoke to" are no stances
        ("One Almaty-based analyst I spoke to is convinced Astana will send troops \"within the year\".", {}),
        ("Tajikistan is open to a small contribution. The government is heavily dependent on Russia, which has called the force "
         "illegitimate.", {"TJK": ("considering", {}, [])}),
        # a participation put on hold after five words; the offer taken back keeps its size
        ("Malaysia has put its participation in the International Stabilization Force on hold, the minister said. Malaysia had "
         "offered up to 1,000 personnel to the force in December.", {"MYS": ("withdrawn", {"offered_max": 1000}, [])}),
        # plans unchanged
        ("In Jakarta, a spokesman said Indonesia's own plans were unchanged. The country's contingent would continue to deploy as "
         "scheduled, he said.", {"IDN": ("committed", {}, [])}),
        # instructors sent only to train police; units' experience elsewhere
        ("Italy is ready to send carabinieri instructors to train a new Palestinian police force for Gaza.", {}),
        ("Spain will send 150 soldiers to the force. The ministry said the soldiers would come from units with experience in "
         "southern Lebanon.", {"ESP": ("committed", {"committed": 150}, [])}),
        # a refusal without the UN's cover; terms counted off after "the contingent would deploy only once two things ..."
        ("\"We will not send them without the cover of the United Nations,\" Zambia's minister said.", {"ZMB": ("conditional", {}, ["mandate"])}),
        ("Zambia will contribute to the force. The contingent would deploy only once two things were in place. The first is a "
         "permanent ceasefire. The second is a mandate from the United Nations Security Council.",
         {"ZMB": ("conditional", {}, ["ceasefire", "mandate"])}),
    ],
)
def test_guesses_dependence_holds_and_terms_counted_for_the_contingent(text, expected):
    """An analyst's conviction, a government's dependence on another power and "I spoke to" are no stances; a participation
    on hold keeps the offer's size; plans unchanged; trainers for the police only; where units gained experience; terms of
    "the contingent" counted off one sentence each."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal opened by what it waits for; "had adopted"; a soldier singular
        ("Malaysia is ready. \"Our position is principled. Without a clear resolution from the Security Council, we will not send "
         "our people,\" he said.", {"MYS": ("conditional", {}, ["mandate"])}),
        ("Malaysia is prepared to send troops. He stressed that no Malaysian soldier would set foot in Gaza until the United Nations "
         "Security Council had adopted a resolution.", {"MYS": ("conditional", {}, ["mandate"])}),
        # terms said to be needed first, then counted off
        ("Austria is prepared to contribute. But there are two things that must be in place. First, the mission must be mandated "
         "by the UN Security Council. Second, the main committee of the National Council has to give its approval.",
         {"AUT": ("conditional", {}, ["mandate", "domestic_approval"])}),
        # only a mission of one kind; a refusal whose "if" names a task
        ("Pakistan could only be part of a peace mission.", {"PAK": ("conditional", {}, ["mandate"])}),
        ("Pakistan is ready to send troops, but only to a peacekeeping mission. If the force's mandate is to enforce peace, or to "
         "disarm Hamas, Pakistani soldiers will not be part of it.", {"PAK": ("conditional", {}, ["mandate"])}),
        # the question studied; money in dollars is no country and no troop figure
        ("Tashkent, 19 February. The President took part in the meeting.\nHe announced that our country is ready to participate in "
         "the reconstruction of schools, with a total volume of up to 100 million US dollars.\nRegarding possible participation in "
         "the International Stabilization Force, the President noted that the issue is being thoroughly studied by the relevant "
         "ministries.\nThe leader of Uzbekistan also held meetings with Kazakhstan.", {"UZB": ("considering", {}, [])}),
    ],
)
def test_refusals_opened_by_terms_missions_of_one_kind_and_money(text, expected):
    """"Without ..., we will not" and "no soldier would set foot ... until" are terms; terms said to be needed, then
    counted; only a peace mission; a refusal whose "if" names a task limits the role; the issue studied; dollars are money."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # command as a term said through a refusal; awaiting a request before deciding; consulting partners about a request
        ("Cairo is willing to contribute forces, the officials said, but no Egyptian soldier will serve under the command of any "
         "party other than the force's own international command structure.", {"EGY": ("conditional", {}, ["command"])}),
        ("The Dutch cabinet is awaiting a formal request from the United States before deciding whether to contribute to the "
         "force.", {"NLD": ("considering", {}, [])}),
        ("Ivorian officials are consulting with partners in ECOWAS about a U.S. request to contribute troops to the force.",
         {"CIV": ("considering", {}, [])}),
        # a refusal as a cleft; a comment declined is no refusal
        ("Jordan trains Palestinian police. What it will not do, as Amman has said plainly, is send its own soldiers into the "
         "Strip.", {"JOR": ("declined", {}, [])}),
        ("India has said nothing, and the ministry of external affairs has declined every invitation to comment.", {}),
        # units that served on other missions are background
        ("Ethiopia has decided to deploy two battalions to the force, around 1,600 soldiers in all. The troops will come from "
         "units that have served in the UN missions in Abyei and South Sudan.", {"ETH": ("committed", {"committed": 1600}, [])}),
        # domestic parties' terms are theirs
        ("Bangladesh is in talks with the United States about sending soldiers to the force. Any deployment would be sensitive, "
         "and several political parties have already said they oppose sending troops unless the mission is under the United "
         "Nations flag.", {"BGD": ("considering", {}, [])}),
        # terms said through deputies, a motion, guns silenced; conditions said to be had, then one pointed back to
        ("Kyrgyzstan is ready to allocate up to 150 servicemen to the force. \"Our servicemen will depart only after the deputies "
         "have said their word,\" he said.", {"KGZ": ("conditional", {"offered_max": 150}, ["domestic_approval"])}),
        ("Bangladesh is interested in contributing. But we have conditions for participation. We will not go unless the guns "
         "have to be silent. If these things are not there, Bangladesh will not participate.",
         {"BGD": ("conditional", {}, ["ceasefire"])}),
    ],
)
def test_command_clefts_background_units_and_terms_of_others(text, expected):
    """Command as a term said through a refusal; a request awaited or consulted on; a refusal as a cleft; a comment
    declined; units' service elsewhere; domestic parties' terms; terms said through deputies or silent guns."""
    assert _read(text) == expected


def test_figures_of_a_unit_sized_years_denied_reports_and_the_fallen():
    # a country's own unit sized after a comma or before its noun
    assert _figures("Chad will send troops to the force. The Chadian battalion, 650 strong, is being assembled from units "
                    "that served with the UN mission in Mali.") == {"TCD": {"committed": 650}}
    assert _figures("Morocco confirmed that its 800-strong contingent would join the force.") == {"MAR": {"committed": 800}}
    # years, a denied report's figure, the fallen, the force's eventual size: none is the country's
    assert _figures("Brazil has not ruled out sending troops. Brazilian soldiers also served in the first UN Emergency Force in "
                    "Gaza and Sinai between 1957 and 1967.") == {"BRA": {}}
    assert _figures("Pakistan on Friday denied a report that it had agreed to send 5,000 troops to the force, saying the "
                    "matter was still under consideration.") == {"PAK": {}}
    assert _figures("Nepal approved its participation in the force. Nepal has been one of the largest contributors to UN "
                    "peacekeeping, and more than 70 of its soldiers have died on such missions.") == {"NPL": {}}
    assert _figures("Ghana has yet to respond to the request. The stabilization force is expected to eventually number around "
                    "20,000 troops.") == {"GHA": {}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops arrived in Gaza, said at length; a unit sized with "the"
        ("JAKARTA - A total of 1,200 personnel of the Garuda Contingent assigned to the International Stabilization Force (ISF) "
         "arrived in the southern Gaza Strip on Sunday, the TNI Information Center said.", {"IDN": ("deployed", {"deployed": 1200}, [])}),
        # no answer yet, an uncertain participation, more time asked for
        ("Islamabad, on the other hand, has not given a final answer, and Pakistani officials have asked Washington for more "
         "time, the sources said.", {"PAK": ("considering", {}, [])}),
        ("Indonesia will send troops, while Pakistan's participation remains uncertain.",
         {"IDN": ("committed", {}, []), "PAK": ("considering", {}, [])}),
        # a refusal to put its own troops inside Gaza
        ("While Egypt will host the force's logistics base at El Arish, it is unlikely to put its own troops inside Gaza.",
         {"EGY": ("declined", {}, [])}),
        # an earlier month's stance gives way to the present one
        ("Bangladesh went the other way. Dhaka said in November that it would not take part; it is now in talks with Washington "
         "about a possible contribution.", {"BGD": ("considering", {}, [])}),
        ("The UAE is now in discussions with Washington over a possible contribution to the force. In November, a senior Emirati "
         "official said the UAE would \"likely not\" take part in the force.", {"ARE": ("considering", {}, [])}),
        # carabinieri committed after a vote
        ("Italy has now committed 200 carabinieri after a parliamentary vote.", {"ITA": ("committed", {"committed": 200}, [])}),
    ],
)
def test_arrivals_answers_awaited_and_earlier_months(text, expected):
    """Troops arrived said at length; no answer yet in other words; its own troops not put inside Gaza; a stance of an
    earlier month gives way to the present one; carabinieri committed."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # experts' notes are no stance, so a withdrawal stands
        ("Azerbaijan has decided to withdraw from its earlier commitment to send servicemen to the force. Experts note that the "
         "decision of Baku could complicate the formation of the force, which has so far received firm pledges from fewer than "
         "ten countries.", {"AZE": ("withdrawn", {}, [])}),
        # "The President" of a datelined story is the dateline's, even when the sentence names the country later
        ("ACCRA - The President said on Tuesday that his country would send 700 soldiers to serve with the force, in a speech "
         "setting out Ghana's foreign policy priorities.", {"GHA": ("committed", {"committed": 700}, [])}),
        # a contingent that will depart; a total the later rotations bring it to
        ("BAKU - The first contingent of Azerbaijani servicemen will depart for the International Stabilization Force in Gaza next "
         "week. The group of 200 peacekeepers will be followed by further rotations, bringing Azerbaijan's total contribution to "
         "600 troops.", {"AZE": ("committed", {"committed": 600}, [])}),
    ],
)
def test_experts_notes_titles_alone_and_totals_brought_to(text, expected):
    """Experts' notes are no stance; "The President" of a datelined story is its country's; a contingent that will depart and
    the total later rotations bring it to."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ally named by its possessor is an aside, not the subject
        ("Azerbaijan, Ankara's close ally, is still weighing whether to send troops.", {"AZE": "considering"}),
        # Spain's parliament and gendarmerie by their own names
        ("The Congress of Deputies has approved the deployment of 150 soldiers to the force.", {"ESP": "committed"}),
        # "our" in a quotation attributed to the minister speaks for the country of the paragraph before
        ("Azerbaijan's foreign minister met a delegation.\n\"The relevant decision on the participation of our servicemen will be "
         "adopted only after a complete cessation of hostilities,\" the Minister said.", {"AZE": "conditional"}),
    ],
)
def test_possessed_allies_spanish_bodies_and_our_servicemen(text, expected):
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause with a list of names inside it is still an aside
        ("Egypt, which borders the Strip and has mediated alongside Qatar, Türkiye and the United States, has been training "
         "Palestinian police officers.", {}),
        # the way goods go is a place, not a subject
        ("He added that Bangladesh would send humanitarian supplies through Egypt and Jordan, and that the country would be ready "
         "to contribute to any future UN peacekeeping mission.", {"BGD": "committed"}),
        # consultations on coordinating contributions are no approach
        ("Italy will contribute 200 carabinieri. He noted that consultations are ongoing with France and Spain on the possible "
         "coordination of European contributions.", {"ITA": "committed"}),
    ],
)
def test_asides_with_lists_transit_places_and_coordination(text, expected):
    assert _statuses(text) == expected
