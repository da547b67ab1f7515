"""The article reader on one stance said many ways: each wording below (made up, in the manner of
news reports) is read under several subjects (the country, its government, a ministry, its capital)
and several frames (plain, a day first, the speaker after, the speaker before), for several
countries. A rule that only knows one subject or one frame fails here, not on the next article."""

from __future__ import annotations

import pytest

from app.services.importer import extract

COUNTRIES = [("Chile", "Chilean", "Santiago", "CHL"), ("Kenya", "Kenyan", "Nairobi", "KEN"),
             ("Norway", "Norwegian", "Oslo", "NOR"), ("Peru", "Peruvian", "Lima", "PER"),
             ("Ghana", "Ghanaian", "Accra", "GHA")]
SUBJECTS = ["{C}", "{C}'s government", "The {D} government", "{C}'s defence ministry", "{Cap}", "The government of {C}"]
FRAMES = ["{X}", "On Tuesday, {X}", "{X0}, the foreign minister said.", "{X0}, officials said on Monday.",
          "According to the defence minister, {x}"]

# (wording with {S} for the subject, status, troop figures, condition categories)
WORDINGS = [
    ("{S} will send 500 troops to the stabilisation force.", "committed", {"committed": 500}, []),
    ("{S} has pledged 500 troops to the international force in Gaza.", "committed", {"committed": 500}, []),
    ("{S} said it would contribute 500 soldiers to the force.", "committed", {"committed": 500}, []),
    ("{S} is ready to deploy 500 troops to Gaza.", "committed", {"committed": 500}, []),
    ("{S} has agreed to take part in the international stabilisation force.", "committed", {}, []),
    ("{S} confirmed it will join the multinational force in Gaza.", "committed", {}, []),
    ("{S} has offered up to 500 troops for the force.", "committed", {"offered_max": 500}, []),
    ("{S} plans to send 500 peacekeepers to Gaza.", "committed", {"committed": 500}, []),
    ("{S} has committed 500 personnel to the mission.", "committed", {"committed": 500}, []),
    ("{S} stands ready to send troops to Gaza.", "committed", {}, []),
    ("{S} has volunteered 500 troops for the force.", "committed", {"committed": 500}, []),
    ("{S} has earmarked 500 soldiers for the Gaza mission.", "committed", {"committed": 500}, []),
    ("{S} is preparing to deploy 500 troops to the force.", "committed", {"committed": 500}, []),
    ("{S} will contribute an engineering battalion of about 500 soldiers to the force.", "committed", {"committed": 500}, []),
    ("{S} expressed its readiness to contribute troops to the force.", "committed", {}, []),
    ("{S} will send troops only if the UN Security Council authorises the force.", "conditional", {}, ["mandate"]),
    ("{S} said it would contribute troops provided there is a UN mandate.", "conditional", {}, ["mandate"]),
    ("{S} is willing to join the force, but only under a UN mandate.", "conditional", {}, ["mandate"]),
    ("{S} will not deploy troops without a Security Council resolution.", "conditional", {}, ["mandate"]),
    ("{S} said any deployment would need parliamentary approval.", "conditional", {}, ["domestic_approval"]),
    ("{S} will send troops if parliament approves the deployment.", "conditional", {}, ["domestic_approval"]),
    ("{S} is ready to send troops, subject to approval by parliament.", "conditional", {}, ["domestic_approval"]),
    ("{S} will only send troops once a permanent ceasefire is in place.", "conditional", {}, ["ceasefire"]),
    ("{S} would join the force on condition that Hamas is disarmed first.", "conditional", {}, ["disarmament"]),
    ("{S} said its troops would take part only with the consent of the Palestinian Authority.", "conditional", {}, ["party_consent"]),
    ("{S} wants its soldiers to remain under national command.", "conditional", {}, ["command"]),
    ("{S} will contribute troops as long as the costs are covered by the United States.", "conditional", {}, ["funding"]),
    ("{S} is considering sending troops to the force.", "considering", {}, []),
    ("{S} is weighing whether to join the stabilisation force.", "considering", {}, []),
    ("{S} has not yet decided whether to contribute troops.", "considering", {}, []),
    ("{S} is studying a US request to send troops to Gaza.", "considering", {}, []),
    ("{S} is in talks with Washington about joining the force.", "considering", {}, []),
    ("{S} has been asked to contribute troops to the force.", "considering", {}, []),
    ("{S} said it was open to taking part in the force.", "considering", {}, []),
    ("{S} will decide on its participation after the mandate is clear.", "considering", {}, []),
    ("{S} has ruled out sending troops to Gaza.", "declined", {}, []),
    ("{S} will not send troops to the stabilisation force.", "declined", {}, []),
    ("{S} has declined a US request to join the force.", "declined", {}, []),
    ("{S} has no plans to deploy troops to Gaza.", "declined", {}, []),
    ("{S} said it would stay out of the force.", "declined", {}, []),
    ("{S} refused to contribute soldiers to the mission.", "declined", {}, []),
    ("{S} has turned down an invitation to join the force.", "declined", {}, []),
    ("{S} said it would not take part in the multinational force.", "declined", {}, []),
    ("{S} has withdrawn its offer of troops.", "withdrawn", {}, []),
    ("{S} has pulled out of the stabilisation force.", "withdrawn", {}, []),
    ("{S} has suspended its planned deployment to Gaza.", "withdrawn", {}, []),
    ("{S} has deployed 200 troops to Gaza.", "deployed", {"deployed": 200}, []),
    # more ways: nouns for a pledge, other verbs, hedges, refusals and troops on the ground
    # nominalisations and headline-ish
    ("{S}'s offer of 500 troops to the Gaza force still stands.", "committed", {"committed": 500}, []),
    ("{S} announced a contribution of 500 troops to the stabilisation force.", "committed", {"committed": 500}, []),
    ("{S} made a firm commitment to send troops to the force.", "committed", {}, []),
    ("{S} gave its approval to sending 500 troops to Gaza.", "committed", {"committed": 500}, []),
    ("{S} approved the deployment of 500 soldiers to the stabilisation force.", "committed", {"committed": 500}, []),
    ("{S} signed up to the stabilisation force.", "committed", {}, []),
    ("{S} became the latest country to commit troops to the Gaza force.", "committed", {}, []),
    ("{S} is among the countries that have committed troops to the force.", "committed", {}, []),
    ("{S} is set to send 500 troops to the stabilisation force.", "committed", {"committed": 500}, []),
    ("{S} is expected to send 500 troops to the force.", "committed", {"committed": 500}, []),
    ("{S} intends to send troops to the stabilisation force.", "committed", {}, []),
    ("{S} has decided to send 500 troops to Gaza.", "committed", {"committed": 500}, []),
    ("{S} will dispatch 500 troops to the stabilisation force.", "committed", {"committed": 500}, []),
    ("{S} will provide troops for the international force in Gaza.", "committed", {}, []),
    ("{S} has promised to send soldiers to the force.", "committed", {}, []),
    ("{S} said it was prepared to send troops to Gaza.", "committed", {}, []),
    ("{S} said it was willing to contribute troops to the force.", "committed", {}, []),
    ("{S} has said yes to joining the force.", "committed", {}, []),
    # considering
    ("{S} is mulling a contribution to the stabilisation force.", "considering", {}, []),
    ("{S} is reviewing a request to join the stabilisation force.", "considering", {}, []),
    ("{S} is assessing whether to send troops to Gaza.", "considering", {}, []),
    ("{S} is looking into sending troops to the force.", "considering", {}, []),
    ("{S} has expressed interest in joining the stabilisation force.", "considering", {}, []),
    ("{S} has signalled openness to contributing troops to the force.", "considering", {}, []),
    ("{S} is undecided about joining the force.", "considering", {}, []),
    ("{S} has yet to decide whether to send troops to Gaza.", "considering", {}, []),
    ("{S} has not ruled out sending troops to the force.", "considering", {}, []),
    ("{S} could send troops to the stabilisation force.", "considering", {}, []),
    ("{S} may contribute troops to the force.", "considering", {}, []),
    ("{S} is discussing a possible contribution to the force with Washington.", "considering", {}, []),
    ("{S} was approached about contributing troops to the force.", "considering", {}, []),
    ("{S} received a request to send troops to the force.", "considering", {}, []),
    # declined
    ("{S} has rejected calls to send troops to Gaza.", "declined", {}, []),
    ("{S} will not be sending troops to Gaza.", "declined", {}, []),
    ("{S} has no intention of joining the stabilisation force.", "declined", {}, []),
    ("{S} said it would not participate in the force.", "declined", {}, []),
    ("{S} is unlikely to send troops to the force.", "declined", {}, []),
    ("{S} has said no to the stabilisation force.", "declined", {}, []),
    ("{S} has balked at sending troops to Gaza.", "declined", {}, []),
    ("{S} declined to join the international force.", "declined", {}, []),
    ("{S} is not going to send soldiers to Gaza.", "declined", {}, []),
    ("{S} refuses to take part in the stabilisation force.", "declined", {}, []),
    ("{S} has opted out of the stabilisation force.", "declined", {}, []),
    ("{S} will keep its troops out of Gaza.", "declined", {}, []),
    ("No {D} troops will be sent to Gaza.", "declined", {}, []),
    ("{S} said sending troops to Gaza was out of the question.", "declined", {}, []),
    # withdrawn
    ("{S} has backed out of the stabilisation force.", "withdrawn", {}, []),
    ("{S} has reversed its decision to send troops to Gaza.", "withdrawn", {}, []),
    ("{S} has scrapped plans to send troops to the force.", "withdrawn", {}, []),
    ("{S} has cancelled its deployment to Gaza.", "withdrawn", {}, []),
    ("{S} has pulled its troops out of the force.", "withdrawn", {}, []),
    ("{S} withdrew from the stabilisation force.", "withdrawn", {}, []),
    # deployed
    ("{S} said its first troops arrived in Gaza on Monday.", "deployed", {}, []),
    ("{S} now has 300 troops on the ground in Gaza.", "deployed", {"deployed": 300}, []),
    ("{D} troops have begun deploying in Gaza.", "deployed", {}, []),
    ("{S} has 300 soldiers serving with the force in Gaza.", "deployed", {"deployed": 300}, []),
    # conditional, other forms
    ("{S} would send troops if the force had a UN mandate.", "conditional", {}, ["mandate"]),
    ("{S} will send troops but only under a UN mandate.", "conditional", {}, ["mandate"]),
    ("{S}'s participation hinges on a UN mandate.", "conditional", {}, ["mandate"]),
    ("{S} has tied its participation to a Security Council mandate.", "conditional", {}, ["mandate"]),
    ("{S} set a UN mandate as a condition for joining the force.", "conditional", {}, ["mandate"]),
    ("{S} is ready to send 500 troops if a ceasefire holds.", "conditional", {"offered_min": 500, "offered_max": 500}, ["ceasefire"]),
    ("{S} would send up to 500 troops under a UN mandate.", "conditional", {"offered_max": 500}, ["mandate"]),
    ("{S} will send troops to Gaza, but not to disarm Hamas.", "committed", {}, []),
    ("{S} will send troops but they will not take part in combat.", "committed", {}, []),
    # money not troops
    ("{S} will fund the stabilisation force but will not send troops.", "declined", {}, []),
    ("{S} pledged $500 million for Gaza's reconstruction but no troops.", "declined", {}, []),
]


def _framed(frame: str, sentence: str, country: tuple[str, str, str, str]) -> str:
    if frame.startswith("{X0}"):
        return frame.replace("{X0}", sentence[:-1])
    if "{x}" in frame:
        opens_with_name = sentence.startswith((country[0], country[2]))
        return frame.replace("{x}", sentence if opens_with_name else sentence[0].lower() + sentence[1:])
    return frame.replace("{X}", sentence)


def _every_way(wordings):
    """Each of WORDINGS ((wording, expected) pairs) under every subject and frame, a country each in
    turn: (text, country code, expected)."""
    n = 0
    for wording, expected in wordings:
        for subject in SUBJECTS:
            for frame in FRAMES:
                country = COUNTRIES[n % len(COUNTRIES)]
                n += 1
                name, demonym, capital, code = country
                sentence = wording.replace("{S}", subject.format(C=name, D=demonym, Cap=capital)).replace("{D}", demonym)
                yield _framed(frame, sentence, country), code, expected


def _cases():
    stances = [(wording, (status, figures, sorted(conditions))) for wording, status, figures, conditions in WORDINGS]
    return [(text, {code: expected}) for text, code, expected in _every_way(stances)]


@pytest.mark.parametrize(("text", "expected"), _cases())
def test_one_stance_said_many_ways(text, expected):
    got = {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}, sorted(c.category for c in s.conditions))
           for s in extract(text)}
    assert got == expected


# A term said many ways, each under every subject and frame: (wording, condition categories); the status is
# "conditional" for all.
CONDITION_WORDINGS = [
    ("{S} will send troops only with a clear mandate from the UN Security Council.", ["mandate"]),
    ("{S} said its participation would require a Security Council resolution.", ["mandate"]),
    ("{S} will join the force if it is authorised by the United Nations.", ["mandate"]),
    ("{S} said any deployment must be based on international law and a UN mandate.", ["mandate"]),
    ("{S} insists the force must operate under the UN flag.", ["mandate"]),
    ("{S} wants the mission to be approved by the Security Council before it commits troops.", ["mandate"]),
    ("{S} will take part once the UN adopts a resolution establishing the force.", ["mandate"]),
    ("{S}'s participation is subject to a UN mandate.", ["mandate"]),
    ("{S}'s contribution is contingent on Security Council approval.", ["mandate"]),
    ("{S} would send troops within the framework of a UN peacekeeping mission.", ["mandate"]),
    ("{S} has made a UN mandate a precondition for sending troops.", ["mandate"]),
    ("{S} said a UN mandate was a prerequisite for any deployment.", ["mandate"]),
    ("{S} will deploy troops only after a permanent ceasefire takes hold.", ["ceasefire"]),
    ("{S} said it would send troops once the fighting stops.", ["ceasefire"]),
    ("{S} will not send soldiers while the war continues.", ["ceasefire"]),
    ("{S}'s offer depends on a lasting truce between Israel and Hamas.", ["ceasefire"]),
    ("{S} will contribute troops provided the ceasefire holds.", ["ceasefire"]),
    ("{S} will join the force when hostilities end.", ["ceasefire"]),
    ("{S} will send troops only after Hamas has been disarmed.", ["disarmament"]),
    ("{S} wants Hamas to lay down its weapons before it deploys troops.", ["disarmament"]),
    ("{S} said the disarmament of Hamas must come first.", ["disarmament"]),
    ("{S} will take part only if both Israel and the Palestinians agree.", ["party_consent"]),
    ("{S} said its troops would deploy only with the consent of the Palestinian Authority.", ["party_consent"]),
    ("{S} wants the approval of the Palestinian Authority before sending troops.", ["party_consent"]),
    ("{S} will not deploy without the agreement of both parties.", ["party_consent"]),
    ("{S} will send troops if Israel accepts their presence.", ["party_consent"]),
    ("{S} will send troops once Congress approves the deployment.", ["domestic_approval"]),
    ("{S} said the deployment would have to be approved by the Senate.", ["domestic_approval"]),
    ("{S}'s participation requires the approval of its parliament.", ["domestic_approval"]),
    ("{S} will seek parliamentary approval before sending troops.", ["domestic_approval"]),
    ("{S} said the final decision rests with parliament.", ["domestic_approval"]),
    ("{S} will need a vote in the National Congress before deploying.", ["domestic_approval"]),
    ("{S} said it would need cabinet approval to send troops.", ["domestic_approval"]),
    ("{S} wants its troops to stay under {D} command.", ["command"]),
    ("{S} will send troops only if they remain under national command.", ["command"]),
    ("{S} will not place its troops under foreign command.", ["command"]),
    ("{S} will send troops if the costs are covered.", ["funding"]),
    ("{S} said it would need financial support to deploy troops.", ["funding"]),
    ("{S} wants the United States to pay for its deployment.", ["funding"]),
    ("{S}'s participation depends on funding from the international community.", ["funding"]),
    ("{S} will send troops only for a limited period.", ["other"]),
    ("{S} wants a clear exit strategy before committing troops.", ["other"]),
    ("{S} wants guarantees for the safety of its troops before deploying.", ["other"]),
    ("{S} will send troops only with a UN mandate and after a ceasefire.", ["ceasefire", "mandate"]),
    ("{S} said it needs a UN mandate and parliamentary approval before deploying.", ["domestic_approval", "mandate"]),
]


def _condition_cases():
    terms = [(wording, ("conditional", sorted(categories))) for wording, categories in CONDITION_WORDINGS]
    return [(text, {code: expected}) for text, code, expected in _every_way(terms)]


@pytest.mark.parametrize(("text", "expected"), _condition_cases())
def test_one_term_said_many_ways(text, expected):
    assert {s.country: (s.status, sorted(c.category for c in s.conditions)) for s in extract(text)} == expected


# A troop figure said many ways, each under every subject and frame: (wording, figures); the status is
# "committed" for all.
FIGURE_WORDINGS = [
    ("{S} will send a 500-strong contingent to the force.", {"committed": 500}),
    ("{S} will send a contingent of 500 soldiers to the force.", {"committed": 500}),
    ("{S} will contribute 500 military personnel to the force.", {"committed": 500}),
    ("{S} will send some 500 soldiers to Gaza.", {"committed": 500}),
    ("{S} will send about 500 troops to Gaza.", {"committed": 500}),
    ("{S} will send nearly 500 troops to Gaza.", {"committed": 500}),
    ("{S} will send more than 500 troops to Gaza.", {"offered_min": 500}),
    ("{S} will send at least 500 troops to Gaza.", {"offered_min": 500}),
    ("{S} will send a 500-member battalion to the force.", {"committed": 500}),
    ("{S} will send between 500 and 800 troops to the force.", {"offered_min": 500, "offered_max": 800}),
    ("{S} will send 500 to 800 troops to the force.", {"offered_min": 500, "offered_max": 800}),
    ("{S} will send as many as 800 troops to the force.", {"offered_max": 800}),
    ("{S} will send up to 800 troops to the force.", {"offered_max": 800}),
    ("{S} will send two battalions of 400 soldiers each to the force.", {"committed": 800}),
    ("{S} will send 500 troops and 100 police officers to the force.", {"committed": 600}),
    ("{S} has offered 1,500 troops for the force.", {"committed": 1500}),
    ("{S} has offered a brigade of 1,500 troops for the force.", {"committed": 1500}),
    ("{S} said its contribution would be 500 troops.", {"committed": 500}),
    ("{S}'s contribution will number about 500 troops.", {"committed": 500}),
    ("{S} will deploy 500 engineers and medics to the force.", {"committed": 500}),
    ("{S} has 500 troops ready to deploy to Gaza.", {"committed": 500}),
    ("{S} has put 500 troops on standby for the Gaza mission.", {"committed": 500}),
    ("{S} will send 500 troops initially, rising to 1,000 later.", {"committed": 1000}),
    ("{S} will send a first group of 200 soldiers to Gaza.", {"committed": 200}),
    ("{S} pledged 500 soldiers, the defence ministry said.", {"committed": 500}),
    ("{S} said 500 of its soldiers would join the force.", {"committed": 500}),
    ("{S} will provide 500 personnel for the stabilisation force.", {"committed": 500}),
]


def _figure_cases():
    figures = [(wording, ("committed", troops)) for wording, troops in FIGURE_WORDINGS]
    return [(text, {code: expected}) for text, code, expected in _every_way(figures)]


@pytest.mark.parametrize(("text", "expected"), _figure_cases())
def test_one_figure_said_many_ways(text, expected):
    assert {s.country: (s.status, {k: v for k, v in s.troops.items() if v is not None}) for s in extract(text)} == expected
