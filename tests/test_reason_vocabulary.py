"""What the 1.1.0 vocabulary lets the reasoner derive, with each of the three reasoners.

Places follow events (kg:during, kg:destination) without spreading a tour's stops to its meetings;
membership binds a country to its body's agreements without making it a party; outcomes, scheduled
follow-ups and invitations mean what they say.
"""

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from kg.load import find_project, parse_file
from kg.namespaces import ENT, KG
from kg.reason import REASONERS, reason

DATA = """
@prefix kg: <https://w3id.org/ijkg/ontology#> . @prefix ent: <https://w3id.org/ijkg/id/> .
ent:Bali a kg:Region ; kg:locatedIn ent:Indonesia .
ent:Indonesia a kg:Country .
ent:Summit kg:location ent:Bali .
ent:SideMeeting a kg:Meeting ; kg:during ent:Summit ; kg:participant ent:Italy .
ent:Tokyo kg:locatedIn ent:Japan .
ent:Tour a kg:Tour ; kg:destination ent:Oman , ent:Japan .
ent:Visit a kg:Visit ; kg:destination ent:Tokyo ; kg:partOf ent:Tour .
ent:TalksInTokyo a kg:Meeting ; kg:during ent:Visit .
ent:Italy kg:memberOf ent:European_Union .
ent:European_Union kg:partyTo ent:EPA .
ent:EPA a kg:Agreement ; kg:party ent:Japan .
ent:Call a kg:PhoneCall ; kg:schedules ent:Meeting2026 ; kg:invitee ent:Envoy .
ent:Plan a kg:Initiative ; kg:agreementStatus kg:Proposed .
ent:TwoPlusTwo a kg:Mechanism .
"""


@pytest.fixture(scope="module")
def ontology():
    return parse_file(find_project().ontology_file)


@pytest.fixture(scope="module", params=REASONERS)
def closure(request, ontology):
    data = Graph().parse(data=DATA, format="turtle")
    inferred = reason(data, ontology, request.param).inferred
    return data + inferred


def test_an_event_held_during_another_takes_its_place(closure):
    assert (ENT.SideMeeting, KG.location, ENT.Bali) in closure
    assert (ENT.SideMeeting, KG.location, ENT.Indonesia) in closure
    assert (ENT.SideMeeting, KG.partOf, ENT.Summit) in closure


def test_a_destination_is_where_the_event_happens(closure):
    assert (ENT.Visit, KG.location, ENT.Tokyo) in closure
    assert (ENT.Visit, KG.location, ENT.Japan) in closure
    assert (ENT.TalksInTokyo, KG.location, ENT.Japan) in closure


def test_a_tours_stops_do_not_spread_to_its_meetings(closure):
    assert (ENT.Tour, KG.location, ENT.Oman) in closure
    assert (ENT.TalksInTokyo, KG.partOf, ENT.Tour) in closure
    assert (ENT.TalksInTokyo, KG.location, ENT.Oman) not in closure
    assert (ENT.Visit, KG.location, ENT.Oman) not in closure


def test_membership_binds_without_making_a_party(closure):
    assert (ENT.Italy, KG.boundBy, ENT.EPA) in closure
    assert (ENT.EPA, KG.party, ENT.Italy) not in closure
    assert (ENT.Japan, KG.boundBy, ENT.EPA) not in closure


def test_a_scheduled_follow_up_is_an_outcome_and_an_invitee_is_no_participant(closure):
    assert (ENT.Call, KG.outcome, ENT.Meeting2026) in closure
    assert (ENT.Meeting2026, KG.announcedAt, ENT.Call) in closure
    assert (ENT.Call, KG.participant, ENT.Envoy) not in closure
    assert (ENT.Envoy, RDF.type, KG.Actor) in closure


def test_agreement_kinds_are_agreements_and_a_status_makes_no_agreement(closure):
    assert (ENT.TwoPlusTwo, RDF.type, KG.Agreement) in closure
    assert (ENT.Plan, RDF.type, KG.Agreement) not in closure
